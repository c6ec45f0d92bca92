/// Where a draft is wrong, field by field, in words for the worker. Invalid text stays in the
/// draft; these messages say what to fix.
public struct FieldProblem: Equatable, Sendable {
    /// A question id, or `member.<index>.<field>`.
    public var fieldKey: String
    public var message: String

    public init(_ fieldKey: String, _ message: String) {
        self.fieldKey = fieldKey
        self.message = message
    }
}

/// Keys of the member fields in a draft.
public enum MemberField: String, CaseIterable, Sendable {
    case firstName, lastName, dateOfBirth, relationship, sex, cin, ssn

    public func key(_ index: Int) -> String { "member.\(index).\(rawValue)" }
}

public enum IntakeValidation {
    public static func problems(in draft: IntakeDraft, bank: QuestionBank, today: CalendarDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for section in bank.sections {
            for question in section.questions {
                let text = (draft.answers[question.id] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                switch question.kind {
                case .date:
                    switch CalendarDate.parse(text) {
                    case .failure(let error):
                        problems.append(FieldProblem(question.id, error.description.capitalizedSentence + "."))
                    case .success(let date) where date > today:
                        problems.append(FieldProblem(question.id, "\(date.usFormat) is in the future."))
                    default:
                        break
                    }
                case .time:
                    if TimeOfDay(text) == nil {
                        problems.append(FieldProblem(question.id, "'\(text)' is not a time; write it as HH:MM, for example 14:30."))
                    }
                default:
                    break
                }
            }
        }
        if let received = CalendarDate(draft.answer(.referralReceivedDate)),
           let contact = CalendarDate(draft.answer(.firstContactDate)), contact < received {
            problems.append(FieldProblem(IntakeQuestion.firstContactDate.rawValue,
                                         "First contact (\(contact.usFormat)) cannot come before the referral (\(received.usFormat))."))
        }
        problems += memberProblems(draft.members, today: today)
        return problems
    }

    static func memberProblems(_ members: [MemberEntry], today: CalendarDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (index, member) in members.enumerated() {
            problems += identifierProblems(member, index: index)
            let text = member.dateOfBirth.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let key = MemberField.dateOfBirth.key(index)
            switch CalendarDate.parse(text) {
            case .failure(let error):
                problems.append(FieldProblem(key, error.description.capitalizedSentence + "."))
            case .success(let date) where date > today:
                problems.append(FieldProblem(key, "A date of birth cannot be in the future (\(date.usFormat))."))
            case .success(let date) where date.age(on: today) > 120:
                problems.append(FieldProblem(key, "Check the year: \(date.usFormat) makes \(name(member)) \(date.age(on: today))."))
            default:
                break
            }
        }
        // A child cannot be older than the head of household or the head's partner.
        let adults = members.filter { [.head, .spouse, .partner].contains($0.parsedRelationship) && $0.parsedDateOfBirth != nil }
        for (index, child) in members.enumerated() where [.child, .stepchild].contains(child.parsedRelationship) {
            guard let born = child.parsedDateOfBirth, born <= today else { continue }
            if let parent = adults.first(where: { $0.parsedDateOfBirth! >= born }) {
                problems.append(FieldProblem(MemberField.dateOfBirth.key(index),
                    "\(name(child)) is recorded as a child but is not younger than \(name(parent)): check both dates of birth."))
            }
        }
        return problems
    }

    /// An SSN must be nine digits (dashes and spaces allowed) and not a placeholder; a CIN is
    /// letters and digits. A blank one is simply not known.
    static func identifierProblems(_ member: MemberEntry, index: Int) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let ssn = member.ssn.trimmingCharacters(in: .whitespaces)
        if !ssn.isEmpty {
            let digits = ssn.filter(\.isASCIIDigit)
            if !ssn.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == " " }) || digits.count != 9 {
                problems.append(FieldProblem(MemberField.ssn.key(index),
                    "An SSN has 9 digits (dashes allowed); '\(ssn)' has \(digits.count): check it, or leave it blank if not known."))
            } else if SSNRules.isPlaceholder(digits) {
                problems.append(FieldProblem(MemberField.ssn.key(index),
                    "'\(ssn)' is a placeholder, not an SSN: leave it blank if \(name(member)) does not know it."))
            }
        }
        let cin = member.cin.trimmingCharacters(in: .whitespaces)
        if !cin.isEmpty && !cin.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            problems.append(FieldProblem(MemberField.cin.key(index),
                "A CIN is letters and digits only; '\(cin)' has other characters."))
        }
        return problems
    }

    /// What still stops the intake from being finished (beyond field problems).
    public static func missingToFinish(_ draft: IntakeDraft) -> [String] {
        var missing: [String] = []
        let named = draft.members.filter { !$0.firstName.isBlank && !$0.lastName.isBlank }
        if named.isEmpty {
            missing.append("at least one household member with a first and last name")
        }
        for (index, member) in draft.members.enumerated() where !member.isEmpty {
            if member.firstName.isBlank || member.lastName.isBlank {
                missing.append("a first and last name for member \(index + 1)")
            }
        }
        if CalendarDate(draft.answer(.referralReceivedDate)) == nil {
            missing.append("the date the referral was received")
        }
        if draft.answer(.responseType).isEmpty {
            missing.append("the response decision (immediate or 10 days)")
        }
        // MPP 31-101 requires the ICWA inquiry on every referral: "unknown" is an answer (the
        // inquiry goes on), a blank is not.
        if draft.answer(.icwaAncestry).isEmpty {
            missing.append("the ICWA inquiry (MPP 31-101 requires it on every referral; answer unknown if no one could say)")
        }
        return missing
    }

    static func name(_ member: MemberEntry) -> String {
        member.firstName.isBlank ? "this person" : member.firstName.trimmingCharacters(in: .whitespaces)
    }
}

/// A time of day typed as HH:MM (24-hour).
public struct TimeOfDay: Equatable, Sendable {
    public var hour: Int
    public var minute: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }
}

extension String {
    var capitalizedSentence: String { prefix(1).uppercased() + dropFirst() }
}

import Foundation
