import Foundation
import GRDB
import LinkagesDomain

/// An ER intake in the database: a draft while the worker types, finished once saved to the
/// family's records. The draft is stored as JSON text, exactly as typed.
public struct IntakeRecord: Identifiable, Equatable, Sendable, Codable, AutoIncrementedRecord {
    public static let databaseTableName = "intake"

    public enum Status: String, Codable, Sendable {
        case draft, finished
    }

    public var id: Int64?
    /// The operating-system account of the worker who started it.
    public var account: String
    public var familyId: Int64?
    public var status: Status
    public var bankVersion: Int
    public var draft: IntakeDraft
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?

    public init(
        id: Int64? = nil, account: String, familyId: Int64? = nil, status: Status, bankVersion: Int, draft: IntakeDraft,
        createdAt: Date, updatedAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.account = account
        self.familyId = familyId
        self.status = status
        self.bankVersion = bankVersion
        self.draft = draft
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }
}

/// A draft as the drafts list shows it.
public struct IntakeDraftSummary: Identifiable, Equatable, Sendable {
    public var id: Int64
    public var label: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64, label: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.label = label
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Why an intake cannot be finished yet.
public enum IntakeError: Error, Equatable, CustomStringConvertible {
    case notFound
    case alreadyFinished
    case notReady([String])

    public var description: String {
        switch self {
        case .notFound: return "this intake is no longer in the database"
        case .alreadyFinished: return "this intake was already finished"
        case .notReady(let missing): return "still needed: " + missing.joined(separator: "; ")
        }
    }
}

extension AppDatabase {
    /// Starts a draft for `account` and returns its id.
    public func createIntakeDraft(account: String, draft: IntakeDraft, at time: Date) throws -> Int64 {
        try write { db in
            var record = IntakeRecord(account: account, familyId: draft.attachedFamilyId, status: .draft,
                                      bankVersion: draft.bankVersion, draft: draft, createdAt: time, updatedAt: time)
            try record.insert(db)
            try AuditTrail.append(AuditEntry(account: account, action: .startIntake, familyId: draft.attachedFamilyId,
                                             detail: "intake \(record.id!)"), at: time, in: db)
            return record.id!
        }
    }

    /// Saves a draft as it is now: one small transaction, made before the next key is read.
    public func saveIntakeDraft(id: Int64, draft: IntakeDraft, at time: Date) throws {
        try write { db in
            let json = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
            try db.execute(
                sql: "UPDATE intake SET draft = ?, familyId = ?, updatedAt = ? WHERE id = ? AND status = 'draft'",
                arguments: [json, draft.attachedFamilyId, time, id])
            if db.changesCount == 0 {
                throw try IntakeRecord.exists(db, key: id) ? IntakeError.alreadyFinished : IntakeError.notFound
            }
        }
    }

    public func intake(id: Int64) throws -> IntakeRecord? {
        try writer.read { db in try IntakeRecord.fetchOne(db, key: id) }
    }

    /// The drafts `account` has not finished, most recently changed first.
    public func intakeDrafts(account: String) throws -> [IntakeDraftSummary] {
        try writer.read { db in
            try IntakeRecord.filter(Column("account") == account && Column("status") == IntakeRecord.Status.draft.rawValue)
                .order(Column("updatedAt").desc)
                .fetchAll(db)
                .map { IntakeDraftSummary(id: $0.id!, label: $0.draft.label, createdAt: $0.createdAt, updatedAt: $0.updatedAt) }
        }
    }

    /// Deletes a draft (the worker confirmed). Finished intakes are never deleted this way.
    public func discardIntakeDraft(id: Int64, by account: String, at time: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM intake WHERE id = ? AND status = 'draft'", arguments: [id])
            if db.changesCount > 0 {
                try AuditTrail.append(AuditEntry(account: account, action: .discardIntake, detail: "intake \(id)"), at: time, in: db)
            }
        }
    }
}
