import Crypto
import Foundation
import GRDB
import LinkagesDomain

/// One row of the audit trail: who did what, when, to which family, and why.
public struct AuditEvent: Identifiable, Hashable, Codable, Sendable, FetchableRecord, TableRecord {
    public static let databaseTableName = "auditEvent"

    public var id: Int64
    /// The time as stored (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which is what the hash covers.
    public var at: String
    public var account: String
    public var action: AuditAction
    public var familyId: Int64?
    /// What was done, without personal data: "match 12 confirmed", "calworks extract, 5000 rows".
    public var detail: String?
    /// The reason typed when breaking the glass.
    public var reason: String?
    /// For the supervisor's attention (break-the-glass access).
    public var flagged: Bool
    /// SHA-256 over the previous row's hash and this row's fields.
    public var hash: String
    /// The fields a change changed, with their values before and after, as JSON (nil for rows
    /// that record no change of stored values). They may hold personal data: they are shown
    /// only to workers who may see the record itself.
    public var changes: String?

    /// The changes, read.
    public var fieldChanges: [FieldChange] {
        guard let changes else { return [] }
        return (try? JSONDecoder().decode([FieldChange].self, from: Data(changes.utf8))) ?? []
    }
}

/// Something to write to the audit trail, in the same transaction as the change it records.
public struct AuditEntry: Sendable {
    public var account: String
    public var action: AuditAction
    public var familyId: Int64?
    public var detail: String?
    public var reason: String?
    public var flagged: Bool
    /// The stored values the change changed, before and after.
    public var changes: [FieldChange]
    /// Every family a read showed (a list or a search), besides `familyId`.
    public var familyIds: [Int64]

    public init(
        account: String, action: AuditAction, familyId: Int64? = nil, detail: String? = nil, reason: String? = nil,
        flagged: Bool = false, changes: [FieldChange] = [], familyIds: [Int64] = []
    ) {
        self.changes = changes
        self.familyIds = familyIds
        self.account = account
        self.action = action
        self.familyId = familyId
        self.detail = detail
        self.reason = reason
        self.flagged = flagged
    }
}

/// The append-only, hash-chained audit trail.
public enum AuditTrail {
    /// The hash the first row chains from.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends `entry` inside the caller's transaction.
    @discardableResult
    public static func append(_ entry: AuditEntry, at time: Date, in db: Database) throws -> AuditEvent {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditEvent ORDER BY id DESC LIMIT 1")
        let id: Int64 = (last?["id"] ?? 0) + 1
        let previous: String = last?["hash"] ?? genesis
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var event = AuditEvent(
            id: id, at: timestamp(time), account: entry.account, action: entry.action, familyId: entry.familyId,
            detail: entry.detail, reason: entry.reason, flagged: entry.flagged, hash: "",
            changes: entry.changes.isEmpty ? nil : String(decoding: try encoder.encode(entry.changes), as: UTF8.self))
        event.hash = hash(of: event, after: previous)
        try db.execute(
            sql: """
                INSERT INTO auditEvent(id, at, account, action, familyId, detail, reason, flagged, hash, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [event.id, event.at, event.account, event.action.rawValue, event.familyId, event.detail,
                        event.reason, event.flagged, event.hash, event.changes])
        let families = Set(entry.familyIds + (entry.familyId.map { [$0] } ?? []))
        for family in families {
            try db.execute(sql: "INSERT INTO auditEventFamily(eventId, familyId) VALUES (?, ?)", arguments: [id, family])
        }
        if entry.action.readsFamilies && !families.isEmpty {
            try BulkViewing.check(account: entry.account, at: time, after: event, in: db)
        }
        return event
    }

    /// SHA-256 of the previous hash and every field, each prefixed with its length so that no
    /// two different rows can give the same input. The changes are a tenth field when a row
    /// has them (rows written before they were kept hash as they always did).
    static func hash(of event: AuditEvent, after previous: String) -> String {
        let fields: [String] = [
            previous, String(event.id), event.at, event.account, event.action.rawValue,
            event.familyId.map(String.init) ?? "", event.detail ?? "", event.reason ?? "", event.flagged ? "1" : "0",
        ] + (event.changes.map { [$0] } ?? [])
        var input = Data()
        for field in fields {
            input.append(contentsOf: "\(field.utf8.count):".utf8)
            input.append(contentsOf: field.utf8)
        }
        return SHA256.hash(data: input).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter.string(from: date)
    }
}

/// The outcome of checking the chain.
public enum AuditVerification: Equatable, Sendable {
    /// Every row chains from the one before; `lastHash` is worth keeping outside the database,
    /// so that a later check can tell that no rows were cut from the end.
    case intact(rows: Int, lastHash: String)
    /// The first row that does not chain, and what is wrong with it.
    case broken(atRow: Int64, problem: String)
}

extension AppDatabase {
    /// Writes one audit row in its own transaction, for actions that change nothing else.
    public func audit(_ entry: AuditEntry, at time: Date) throws {
        try write { db in _ = try AuditTrail.append(entry, at: time, in: db) }
    }

    /// Walks the whole chain in order, recomputing every hash.
    public func verifyAuditTrail() throws -> AuditVerification {
        try writer.read { db in
            var previous = AuditTrail.genesis
            var expectedId: Int64 = 1
            var count = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM auditEvent ORDER BY id")
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                guard let action = AuditAction(rawValue: row["action"]) else {
                    return .broken(atRow: id, problem: "its action is not one Linkages writes")
                }
                let event = AuditEvent(
                    id: id, at: row["at"], account: row["account"], action: action, familyId: row["familyId"],
                    detail: row["detail"], reason: row["reason"], flagged: row["flagged"], hash: row["hash"], changes: row["changes"])
                if id != expectedId {
                    return .broken(atRow: id, problem: id > expectedId
                        ? "rows \(expectedId) to \(id - 1) are missing"
                        : "it is out of order")
                }
                if AuditTrail.hash(of: event, after: previous) != event.hash {
                    return .broken(atRow: id, problem: "its contents or the row before it were changed")
                }
                previous = event.hash
                expectedId += 1
                count += 1
            }
            return .intact(rows: count, lastHash: previous)
        }
    }

    /// Audit rows for a review, as ``auditEvents(familyId:account:flaggedOnly:limit:)`` reads
    /// them, with the review itself written to the trail in the same transaction.
    public func reviewAuditTrail(familyId: Int64? = nil, account: String? = nil, flaggedOnly: Bool = false, limit: Int = 200,
                                 by reviewer: String, at time: Date) throws -> [AuditEvent] {
        try write { db in
            let events = try Self.auditEvents(db, familyId: familyId, account: account, flaggedOnly: flaggedOnly, limit: limit)
            let filter = [familyId.map { "family \($0)" }, account.map { "account \($0)" }, flaggedOnly ? "flagged" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            try AuditTrail.append(AuditEntry(account: reviewer, action: .viewAuditTrail, familyId: familyId,
                                             detail: "\(events.count) rows" + (filter.isEmpty ? "" : " (\(filter))")), at: time, in: db)
            return events
        }
    }

    /// Audit rows, newest first, for a review: one family's, one account's, or the flagged ones.
    public func auditEvents(familyId: Int64? = nil, account: String? = nil, flaggedOnly: Bool = false, limit: Int = 200) throws -> [AuditEvent] {
        try writer.read { db in try Self.auditEvents(db, familyId: familyId, account: account, flaggedOnly: flaggedOnly, limit: limit) }
    }

    private static func auditEvents(_ db: Database, familyId: Int64?, account: String?, flaggedOnly: Bool, limit: Int) throws -> [AuditEvent] {
        var request = AuditEvent.all()
        // Every row that names the family, a list that showed it among others included.
        if let familyId { request = request.filter(sql: "id IN (SELECT eventId FROM auditEventFamily WHERE familyId = ?)", arguments: [familyId]) }
        if let account { request = request.filter(Column("account") == account) }
        if flaggedOnly { request = request.filter(Column("flagged") == true) }
        return try request.order(Column("id").desc).limit(limit).fetchAll(db)
    }
}
