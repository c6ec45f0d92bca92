import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Records a worker's findings for a family's reunification: only the findings given
    /// change, dates are checked (no amendment before the removal or after today, no second
    /// AB 135 clock for the same removal unless correcting), and only a worker who sees both
    /// programs' records of the family may record them. Audited.
    @discardableResult
    public func recordReunification(
        familyId: Int64, _ changes: ReunificationChanges, for policy: AccessPolicy, at time: Date
    ) throws -> ReunificationRecord {
        try write { db in
            guard policy.mayOpenFamilies, let detail = try Self.familyDetail(db, id: familyId, on: policy.today) else {
                throw WorkRefusal("there is no such family")
            }
            let start = detail.records.flatMap(\.involvements).filter { $0.component == .familyReunification }
                .compactMap(\.startDate).min()
            guard let start, detail.visible(under: policy, emergencyReason: nil, sensitiveQuestions: []).reunification != nil else {
                throw WorkRefusal("family \(familyId) has no Family Reunification case you may see with both programs' records")
            }
            let existing = try ReunificationRecord.fetchOne(db, key: familyId)
            let record: ReunificationRecord
            do {
                record = try ReunificationRecord.updating(existing, familyId: familyId, with: changes, reunificationStart: start,
                                                          today: policy.today, by: policy.viewer.account ?? "", at: time)
            } catch let refusal as ReunificationRefusal {
                throw WorkRefusal(refusal.description)
            }
            try record.save(db)
            let correction = changes.correctingAmendment && existing?.cashAidRecommendedOn != record.cashAidRecommendedOn
                ? "corrected the amendment date from \(existing?.cashAidRecommendedOn?.usFormat ?? "none")" : nil
            let changed = try existing.map { try VersionedSave.changes(from: $0, to: record, in: db) }
                ?? VersionedSave.fields(of: record, in: db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordReunification, familyId: familyId,
                                             detail: correction, changes: changed), at: time, in: db)
            return record
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
