import GRDB
import LinkagesDomain

/// The numbers on the home screen: where the county's families stand today.
public struct HomeSummary: Sendable, Equatable {
    public var familyCount: Int
    public var familiesByTier: [LinkagesTier: Int]
    public var familiesWithoutTier: Int
    /// Families with an Emergency Response referral open now.
    public var openEmergencyResponse: Int
    /// Open referrals between programs and providers, by status.
    public var openReferralsByStatus: [ReferralStatus: Int]
    public var overdueTasks: Int
    public var tasksDueThisWeek: Int
    /// Families whose AB 135 months end within 30 days: aid stops then, with no extension.
    public var ab135EndingSoon = 0

    public init(
        familyCount: Int = 0, familiesByTier: [LinkagesTier: Int] = [:], familiesWithoutTier: Int = 0,
        openEmergencyResponse: Int = 0, openReferralsByStatus: [ReferralStatus: Int] = [:],
        overdueTasks: Int = 0, tasksDueThisWeek: Int = 0
    ) {
        self.familyCount = familyCount
        self.familiesByTier = familiesByTier
        self.familiesWithoutTier = familiesWithoutTier
        self.openEmergencyResponse = openEmergencyResponse
        self.openReferralsByStatus = openReferralsByStatus
        self.overdueTasks = overdueTasks
        self.tasksDueThisWeek = tasksDueThisWeek
    }

    public var openReferrals: Int {
        openReferralsByStatus.values.reduce(0, +)
    }
}

extension AppDatabase {
    public func homeSummary(on date: CalendarDate) throws -> HomeSummary {
        try writer.read { db in try HomeSummary.fetch(db, on: date) }
    }
}

extension HomeSummary {
    static func fetch(_ db: Database, on date: CalendarDate) throws -> HomeSummary {
        var summary = HomeSummary()
        let tiers = try TierQueries.assessments(db, familyIds: nil, on: date)
        summary.familyCount = tiers.count
        for assessment in tiers.values {
            if let tier = assessment.tier {
                summary.familiesByTier[tier, default: 0] += 1
            } else {
                summary.familiesWithoutTier += 1
            }
        }
        summary.openEmergencyResponse = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT household.familyId)
            FROM involvement JOIN household ON household.id = involvement.householdId
            WHERE involvement.component = ? AND involvement.status != ?
              AND (involvement.endDate IS NULL OR involvement.endDate >= ?)
            """, arguments: [ServiceComponent.emergencyResponse.rawValue, InvolvementStatus.closed.rawValue, date]) ?? 0
        let statusRows = try Row.fetchAll(db, sql: """
            SELECT status, count(*) AS n FROM referral WHERE status != ? GROUP BY status
            """, arguments: [ReferralStatus.closed.rawValue])
        for row in statusRows {
            if let status = ReferralStatus(rawValue: row["status"]) {
                summary.openReferralsByStatus[status] = row["n"]
            }
        }
        let openTask = "status IN ('\(TaskStatus.notStarted.rawValue)', '\(TaskStatus.inProgress.rawValue)')"
        summary.overdueTasks = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM planTask WHERE \(openTask) AND dueDate < ?
            """, arguments: [date]) ?? 0
        summary.tasksDueThisWeek = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM planTask WHERE \(openTask) AND dueDate >= ? AND dueDate <= ?
            """, arguments: [date, date.adding(days: 7)]) ?? 0
        summary.ab135EndingSoon = try ab135EndingSoon(db, on: date)
        return summary
    }

    /// How many families' AB 135 clocks are in their last 30 days: each recorded amendment
    /// weighed with the family's records, as the family page does.
    static func ab135EndingSoon(_ db: Database, on date: CalendarDate) throws -> Int {
        // An older amendment's clock has ended: read only the recent ones, and their families'
        // records in one query.
        let since = date.adding(days: -AB135.longestSpanDays)
        let records = try ReunificationRecord.filter(Column("cashAidRecommendedOn") >= since).fetchAll(db)
        guard !records.isEmpty else { return 0 }
        let rows = try Row.fetchAll(db, sql: """
            SELECT involvement.*, household.familyId AS familyOfRecord
            FROM involvement JOIN household ON household.id = involvement.householdId
            WHERE household.familyId IN (SELECT familyId FROM reunificationRecord WHERE cashAidRecommendedOn >= ?)
            """, arguments: [since])
        let involvements = try Dictionary(grouping: rows) { $0["familyOfRecord"] as Int64 }.mapValues { try $0.map(Involvement.init(row:)) }
        return records.filter { record in
            guard case .endingSoon? = ReunificationStatus.of(involvements: involvements[record.familyId] ?? [], record: record)?
                .ab135Clock?.state(on: date)
            else { return false }
            return true
        }.count
    }
}
