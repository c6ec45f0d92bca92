import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Records (or replaces) the workers' findings for a family's reunification, audited.
    public func recordReunification(_ record: ReunificationRecord, at time: Date) throws {
        try writer.write { db in
            guard try Family.exists(db, key: record.familyId) else {
                throw StoreError.cannotOpen(path: "family \(record.familyId)", reason: "there is no such family")
            }
            try record.save(db)
            try AuditTrail.append(AuditEntry(account: record.recordedBy, action: .recordReunification, familyId: record.familyId),
                                  at: time, in: db)
        }
    }
}
