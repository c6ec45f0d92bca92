import Foundation
import GRDB
import LinkagesDomain

/// A family with an Emergency Response referral open: the families an ER worker checks
/// against CalWORKs first ("check data systems from the beginning", seeds).
public struct EmergencyResponseRow: Sendable, Equatable, Identifiable {
    public var id: Int64 { familyId }
    public var familyId: Int64
    public var familyName: String
    public var referralDate: CalendarDate?
    public var referralId: String?
    /// True when a CalWORKs record of the family is known to Linkages.
    public var knownToCalWORKs: Bool
    public var tier: TierAssessment
    /// The in-person response clock of the family's latest finished ER intake, if any.
    public var responseClock: IntakeClock?
    /// That intake, for recording the contact from the list.
    public var responseIntakeId: Int64?
}

extension AppDatabase {
    /// Families with an ER referral open on `date`, newest referral first.
    public func emergencyResponseQueue(on date: CalendarDate, by account: String, at time: Date) throws -> [EmergencyResponseRow] {
        try auditedRead("ER intake list", by: account, at: time, families: { $0.map(\.familyId) }) { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT household.familyId, family.displayName, max(involvement.startDate) AS referralDate,
                       involvement.sourceCaseId,
                       EXISTS (SELECT 1 FROM household h WHERE h.familyId = household.familyId
                               AND h.source = 'calworks') AS knownToCalWORKs
                FROM involvement
                JOIN household ON household.id = involvement.householdId
                JOIN family ON family.id = household.familyId
                WHERE involvement.component = 'emergencyResponse' AND involvement.status != 'closed'
                  AND (involvement.endDate IS NULL OR involvement.endDate >= :today)
                  AND (involvement.startDate IS NULL OR involvement.startDate <= :today)
                GROUP BY household.familyId
                ORDER BY referralDate DESC, family.displayName
                """, arguments: ["today": date])
            let tiers = try TierQueries.assessments(db, familyIds: rows.map { $0["familyId"] }, on: date)
            let clocks = try Self.responseClocks(db)
            return rows.map { row in
                let familyId: Int64 = row["familyId"]
                return EmergencyResponseRow(
                    familyId: familyId, familyName: row["displayName"], referralDate: row["referralDate"],
                    referralId: row["sourceCaseId"], knownToCalWORKs: row["knownToCalWORKs"],
                    tier: tiers[familyId] ?? TierAssessment(tier: nil, reasons: []), responseClock: clocks[familyId]?.clock,
                    responseIntakeId: clocks[familyId]?.intakeId)
            }
        }
    }

    /// The in-person response clock of each family's latest finished intake that decided one,
    /// with the contacts recorded since.
    private static func responseClocks(_ db: Database) throws -> [Int64: (clock: IntakeClock, intakeId: Int64)] {
        let settings = IntakeSettings(holidays: try holidays(db))
        let intakes = try IntakeRecord
            .filter(Column("status") == IntakeRecord.Status.finished.rawValue && Column("familyId") != nil)
            .order(Column("finishedAt"), Column("id")).fetchAll(db)
        let contacts = try responseContacts(db, intakeIds: intakes.compactMap(\.id))
        var clocks: [Int64: (clock: IntakeClock, intakeId: Int64)] = [:]
        for intake in intakes {
            guard let id = intake.id, let familyId = intake.familyId,
                  let clock = IntakeClocks.clocks(for: intake.draft, settings: settings, recorded: contacts[id] ?? [])
                      .first(where: \.isInPersonResponse) else { continue }
            clocks[familyId] = (clock, id)
        }
        return clocks
    }

    /// The worker record mapped to an operating-system account, if any.
    public func worker(account: String) throws -> Worker? {
        try writer.read { db in try Worker.filter(Column("account") == account).fetchOne(db) }
    }
}
