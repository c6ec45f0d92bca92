import Foundation
import GRDB
import LinkagesDomain

/// A record two workers may edit at once: it carries the version it was read at.
protocol VersionedRecord: FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get }
    var version: Int { get set }
}

extension CasePlan: VersionedRecord {}
extension PlanTask: VersionedRecord {}
extension Referral: VersionedRecord {}
extension TeamMeeting: VersionedRecord {}

/// A save refused by ``VersionedSave``: the conflict in words, and the record as it is now,
/// for the screen to show and to apply the worker's own changes to again.
public struct RecordConflict<Record: Sendable>: Error, Sendable {
    public var current: Record
    public var conflict: EditConflict
}

/// Saves a worker's edit without losing another's. The edit is compared with the version
/// the worker read (`seen`): when the record was saved since, the fields only one of them
/// changed are merged, and the fields both changed to different values refuse the save
/// (``RecordConflict``), naming both values and who saved before. Every save raises the version
/// and returns the fields it changed, with their old and new values, for the audit trail.
enum VersionedSave {
    /// Bookkeeping, not what a worker edits.
    static let bookkeeping: Set<String> = ["id", "version", "updatedAt", "createdAt"]

    static func save<Record: VersionedRecord & Sendable>(
        _ edited: Record, seen: Record, in db: Database, subject: String, lastSaved: (Database) throws -> (by: String?, at: Date?)
    ) throws -> (record: Record, changes: [FieldChange]) {
        guard let id = edited.id, let current = try Record.fetchOne(db, key: id) else {
            throw WorkRefusal("\(subject) is no longer in the database")
        }
        let fields = try db.columns(in: Record.databaseTableName).map(\.name)
        let base = try seen.databaseDictionary, mine = try edited.databaseDictionary, theirs = try current.databaseDictionary
        var result = edited
        if current.version != seen.version {
            let changedByMe = fields.filter { !bookkeeping.contains($0) && mine[$0] != base[$0] }
            let clashes = changedByMe.filter { theirs[$0] != base[$0] && theirs[$0] != mine[$0] }
            if !clashes.isEmpty {
                let (by, at) = try lastSaved(db)
                let conflict = EditConflict(subject: subject, fields: clashes.map {
                    EditConflict.Field(field: $0, yours: text(mine[$0]), theirs: text(theirs[$0]))
                }, changedBy: by, changedAt: at)
                throw RecordConflict(current: current, conflict: conflict)
            }
            var merged = theirs
            for field in changedByMe { merged[field] = mine[field] }
            if let updatedAt = mine["updatedAt"] { merged["updatedAt"] = updatedAt }
            result = try Record(row: Row(merged.mapValues { $0 as (any DatabaseValueConvertible)? }))
        }
        result.version = current.version + 1
        try result.update(db)
        let changes = FieldChange.between(try texts(of: current), try texts(of: result), fields: fields, ignoring: bookkeeping)
        return (result, changes)
    }

    /// The fields that differ between two versions of a record, for the audit trail.
    static func changes<Record: MutablePersistableRecord>(from old: Record, to new: Record, in db: Database) throws -> [FieldChange] {
        let fields = try db.columns(in: Record.databaseTableName).map(\.name)
        return FieldChange.between(try texts(of: old), try texts(of: new), fields: fields, ignoring: bookkeeping)
    }

    /// Refuses a workflow step taken on a record read at `seenVersion` that has been saved
    /// since, saying what changed. `seen` is the version as the worker read it, when known.
    static func requireUnchanged<Record: VersionedRecord>(
        _ current: Record, seenVersion: Int?, seen: Record? = nil, subject: String, in db: Database,
        lastSaved: (Database) throws -> (by: String?, at: Date?)
    ) throws {
        guard let seenVersion, seenVersion != current.version else { return }
        let (by, at) = try lastSaved(db)
        let changes = try seen.map { try Self.changes(from: $0, to: current, in: db) } ?? []
        throw StaleRecord(subject: subject, changes: changes, changedBy: by, changedAt: at)
    }

    /// Every field of a newly inserted record, as changes from nothing, for the audit trail.
    static func fields<Record: MutablePersistableRecord>(of inserted: Record, in db: Database) throws -> [FieldChange] {
        let fields = try db.columns(in: Record.databaseTableName).map(\.name)
        return FieldChange.between([:], try texts(of: inserted), fields: fields, ignoring: bookkeeping)
    }

    /// Who saved `subject` last, and when, from the audit trail's rows of `action` whose detail
    /// begins with `detailPrefix` (and not with a longer number: "referral 1" is not "referral 12").
    static func lastSaved(_ db: Database, action: AuditAction..., familyId: Int64, detailPrefix: String) throws -> (by: String?, at: Date?) {
        let actions = action.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        guard let row = try Row.fetchOne(db, sql: """
            SELECT auditEvent.at, coalesce(worker.name, auditEvent.account) AS who FROM auditEvent
            LEFT JOIN worker ON worker.account = auditEvent.account
            WHERE auditEvent.familyId = ? AND auditEvent.action IN (\(actions)) AND substr(auditEvent.detail, 1, ?) = ?
              AND substr(auditEvent.detail, ? + 1, 1) NOT GLOB '[0-9]'
            ORDER BY auditEvent.id DESC LIMIT 1
            """, arguments: [familyId, detailPrefix.count, detailPrefix, detailPrefix.count]) else { return (nil, nil) }
        return (row["who"], (row["at"] as String?).flatMap(auditTime.date(from:)))
    }

    private static let auditTime: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter
    }()

    private static func texts<Record: MutablePersistableRecord>(of record: Record) throws -> [String: String?] {
        try record.databaseDictionary.mapValues(text)
    }

    /// A stored value as text: what the audit trail keeps and a conflict shows.
    private static func text(_ value: DatabaseValue?) -> String? {
        guard let value else { return nil }
        switch value.storage {
        case .null: return nil
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .blob(let data): return data.base64EncodedString()
        }
    }
}
