import Foundation

/// One field of a record changed by a save: its name and its value before and after, as
/// stored. The audit trail keeps these for every change, so that any record can be taken back
/// to how it was.
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// The fields whose values differ between two versions of a record, in `fields` order;
    /// `ignoring` leaves out bookkeeping (the version, times of saving).
    public static func between(_ old: [String: String?], _ new: [String: String?], fields: [String],
                               ignoring: Set<String> = []) -> [FieldChange] {
        fields.filter { !ignoring.contains($0) }.compactMap { field in
            let before = old[field] ?? nil, after = new[field] ?? nil
            return before == after ? nil : FieldChange(field: field, old: before, new: after)
        }
    }
}

/// A step refused because another worker changed the record since this worker read it: a
/// step of a workflow (accept, decline, reassign) is not merged, it is taken again, if still
/// right, on the record as it is now.
public struct StaleRecord: Error, Equatable, Sendable, CustomStringConvertible {
    /// What changed, in words ("this referral").
    public var subject: String
    public var changes: [FieldChange]
    public var changedBy: String?
    public var changedAt: Date?

    public init(subject: String, changes: [FieldChange], changedBy: String?, changedAt: Date?) {
        self.subject = subject
        self.changes = changes
        self.changedBy = changedBy
        self.changedAt = changedAt
    }

    public var description: String {
        let conflict = EditConflict(subject: subject, fields: [], changedBy: changedBy, changedAt: changedAt)
        let what = changes.map { "\(EditConflict.label($0.field)) \(EditConflict.shown($0.old)) → \(EditConflict.shown($0.new))" }
        return conflict.opening.replacingOccurrences(of: "while you were editing it", with: "after you opened it")
            + (what.isEmpty ? "" : " (" + what.joined(separator: ", ") + ")") + "; it is shown as it is now: look again before you go on."
    }
}

/// A save refused because another worker saved the same field of the record since this
/// worker read it. Fields only one of them changed are merged without asking; this names the
/// ones both changed, with both values, and who saved before.
public struct EditConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// One field both workers changed.
    public struct Field: Equatable, Sendable {
        public var field: String
        public var yours: String?
        public var theirs: String?

        public init(field: String, yours: String?, theirs: String?) {
            self.field = field
            self.yours = yours
            self.theirs = theirs
        }
    }

    /// What was being saved, in words ("the task “Job club”").
    public var subject: String
    public var fields: [Field]
    /// The worker who saved in between, when the audit trail names one.
    public var changedBy: String?
    public var changedAt: Date?

    public init(subject: String, fields: [Field], changedBy: String?, changedAt: Date?) {
        self.subject = subject
        self.fields = fields
        self.changedBy = changedBy
        self.changedAt = changedAt
    }

    /// "Ana Ruiz saved the task “Job club” at 10:42 while you were editing it"
    public var opening: String {
        let who = changedBy ?? "Someone else"
        let when = changedAt.map { " at \(Self.clock.string(from: $0))" } ?? ""
        return "\(who) saved \(subject)\(when) while you were editing it"
    }

    public var description: String {
        let both = fields.map { "\(Self.label($0.field)) is now \(Self.shown($0.theirs)) (yours: \(Self.shown($0.yours)))" }
        return opening + ": " + both.joined(separator: "; ")
    }

    /// A field name as a worker reads it: `ownerWorkerId` → "owner worker".
    public static func label(_ field: String) -> String {
        var words = words(field)
        if words.last == "id", words.count > 1 { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A stored value as a worker reads it: `inProgress` → "in progress", nothing → "blank".
    public static func shown(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "blank" }
        let isCode = value.allSatisfy(\.isLetter) && value.first?.isLowercase == true
        return "“" + (isCode ? words(value).joined(separator: " ") : value) + "”"
    }

    /// The words of a camel-case name, lower-cased.
    private static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if character.isUppercase && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character.lowercased())
        }
        words.append(current)
        return words
    }

    private static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "h:mm a"
        return formatter
    }()
}
