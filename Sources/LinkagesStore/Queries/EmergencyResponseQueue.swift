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
                    tier: tiers[familyId] ?? TierAssessment(tier: nil, reasons: []), responseClock: clocks[familyId])
            }
        }
    }

    /// The in-person response clock of each family's latest finished intake.
    private static func responseClocks(_ db: Database) throws -> [Int64: IntakeClock] {
        let settings = IntakeSettings(holidays: try holidays(db))
        var clocks: [Int64: IntakeClock] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT familyId, draft FROM intake WHERE status = 'finished' AND familyId IS NOT NULL ORDER BY finishedAt, id
            """) {
            guard let json: String = row["draft"],
                  let draft = try? JSONDecoder().decode(IntakeDraft.self, from: Data(json.utf8)),
                  let clock = IntakeClocks.clocks(for: draft, settings: settings).first(where: \.isInPersonResponse) else { continue }
            clocks[row["familyId"]] = clock
        }
        return clocks
    }

    /// The worker record mapped to an operating-system account, if any.
    public func worker(account: String) throws -> Worker? {
        try writer.read { db in try Worker.filter(Column("account") == account).fetchOne(db) }
    }
}
