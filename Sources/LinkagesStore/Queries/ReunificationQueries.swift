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

    /// How many days after a removal AB 429 services continue: the county's setting.
    public func ab429ServiceDays() throws -> Int {
        try writer.read(Self.ab429ServiceDays)
    }

    static func ab429ServiceDays(_ db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'ab429ServiceDays'").flatMap(Int.init)
            ?? AB429.defaultServiceDays
    }

    public func setAB429ServiceDays(_ days: Int, by account: String, at time: Date) throws {
        try setSetting("ab429ServiceDays", to: days, by: account, at: time)
    }
}
