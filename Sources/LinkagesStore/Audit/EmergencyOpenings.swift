import Foundation
import GRDB
import LinkagesDomain

/// A flagged audit row as a supervisor reviews it: a break-the-glass opening, a worker who read
/// many families, or records opened by a basis the reader recorded or approved. Who, which
/// family, when, why.
public struct EmergencyOpening: Equatable, Sendable {
    public var event: AuditEvent
    public var workerName: String
    public var familyName: String?
    public var reviewedBy: String?
}

extension AppDatabase {
    /// The flagged rows of workers of the supervisor's program and office, newest first; only
    /// those not yet reviewed unless `includeReviewed`. A supervisor's own flags are for another
    /// supervisor to review, and are left out.
    public func emergencyOpenings(for supervisor: Worker, includeReviewed: Bool = false, at time: Date) throws -> [EmergencyOpening] {
        try auditedRead("flagged for review", by: supervisor.account ?? "", at: time, families: { $0.compactMap(\.event.familyId) }) { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT auditEvent.*, worker.name AS workerName, family.displayName AS familyName,
                       emergencyReview.reviewedBy AS reviewedBy
                FROM auditEvent
                JOIN worker ON worker.account = auditEvent.account
                LEFT JOIN family ON family.id = auditEvent.familyId
                LEFT JOIN emergencyReview ON emergencyReview.eventId = auditEvent.id
                WHERE auditEvent.flagged
                  AND worker.program = ? AND worker.office = ? AND auditEvent.account <> ?
                  AND (? OR emergencyReview.eventId IS NULL)
                ORDER BY auditEvent.id DESC
                """, arguments: [supervisor.program.rawValue, supervisor.office, supervisor.account ?? "", includeReviewed])
            return try rows.map { row in
                EmergencyOpening(event: try AuditEvent(row: row), workerName: row["workerName"],
                                 familyName: row["familyName"], reviewedBy: row["reviewedBy"])
            }
        }
    }

    /// Marks an emergency opening reviewed, audited in the same transaction.
    public func reviewEmergency(eventId: Int64, by account: String, at time: Date) throws {
        try write { db in
            guard let event = try AuditEvent.fetchOne(db, key: eventId), event.flagged else {
                throw StoreError.cannotOpen(path: "the audit trail", reason: "there is no flagged row \(eventId)")
            }
            guard event.account != account else {
                throw WorkRefusal("a flag on your own work is reviewed by another supervisor")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO emergencyReview(eventId, reviewedBy, reviewedAt) VALUES (?, ?, ?)",
                           arguments: [eventId, account, time])
            guard db.changesCount > 0 else { return }
            try AuditTrail.append(AuditEntry(account: account, action: .reviewEmergency, familyId: event.familyId,
                                             detail: "event \(eventId)"), at: time, in: db)
        }
    }
}
