import Foundation
import GRDB
import LinkagesDomain

/// One row of a family's audit trail, with the worker named.
public struct FamilyAuditRow: Equatable, Sendable {
    public var event: AuditEvent
    /// The worker's name, or the account when no worker has it ("demo", a removed account).
    public var workerName: String
}

extension AppDatabase {
    /// Who read or changed one family's records, newest first: every row that names the family,
    /// lists and searches that showed it among others included. For a supervisor (or, on
    /// practice data, a trainer) who sees at least one of the family's program records in full:
    /// she answers for the need-to-know of her workers (WIC 10850; docs/privacy-and-security.md).
    /// The values a change changed are not part of it. The review is itself audited.
    public func familyAuditTrail(familyId: Int64, for policy: AccessPolicy, limit: Int = 500, at time: Date) throws -> [FamilyAuditRow] {
        let role = policy.viewer.role
        guard role == .supervisor || (role == .trainer && policy.isPracticeData) else {
            throw WorkRefusal("a family's audit trail is read by a supervisor")
        }
        return try write { db in
            guard policy.mayOpenFamilies,
                  let detail = try Self.familyDetail(db, id: familyId, on: policy.today)?
                      .visible(under: policy, emergencyReason: nil, sensitiveQuestions: []),
                  detail.records.contains(where: { $0.access.isFull })
            else { throw WorkRefusal("you see neither program's record of this family in full, so not who read it either") }
            let rows = try Row.fetchAll(db, sql: """
                SELECT auditEvent.*, worker.name AS workerName FROM auditEvent
                LEFT JOIN worker ON worker.account = auditEvent.account
                WHERE auditEvent.id IN (SELECT eventId FROM auditEventFamily WHERE familyId = ?)
                ORDER BY auditEvent.id DESC LIMIT ?
                """, arguments: [familyId, limit])
            let trail = try rows.map { row in
                FamilyAuditRow(event: try AuditEvent(row: row), workerName: row["workerName"] ?? row["account"])
            }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .viewAuditTrail, familyId: familyId,
                                             detail: "\(trail.count) rows (family \(familyId)), on screen"), at: time, in: db)
            return trail
        }
    }
}
