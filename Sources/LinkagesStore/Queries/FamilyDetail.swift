import GRDB
import LinkagesDomain

/// Everything Linkages knows about one family, each program's records side by side.
public struct FamilyDetail: Sendable, Equatable {
    public var family: Family
    public var records: [HouseholdRecord]
    public var workers: [Int64: Worker]
    public var concerns: [Concern]
    public var referrals: [Referral]
    public var plan: CasePlan?
    public var tasks: [PlanTask]
    /// Finished ER intakes of the family, newest first.
    public var intakes: [IntakeRecord]
    public var tier: TierAssessment

    /// The records one source holds for this family.
    public func records(from source: RecordSource) -> [HouseholdRecord] {
        records.filter { $0.household.source == source }
    }
}

/// One household record with its people and its program involvement.
public struct HouseholdRecord: Sendable, Equatable {
    public var household: Household
    public var people: [Person]
    public var involvements: [Involvement]
}

extension AppDatabase {
    public func familyDetail(id familyId: Int64, on date: CalendarDate) throws -> FamilyDetail? {
        try writer.read { db in
            guard let family = try Family.fetchOne(db, key: familyId) else { return nil }
            let households = try Household.filter(Column("familyId") == familyId)
                .order(Column("source"), Column("id")).fetchAll(db)
            let householdIds = households.compactMap(\.id)
            let people = try Person.filter(householdIds.contains(Column("householdId"))).order(Column("id")).fetchAll(db)
            let involvements = try Involvement.filter(householdIds.contains(Column("householdId")))
                .order(Column("startDate")).fetchAll(db)
            let records = households.map { household in
                HouseholdRecord(
                    household: household,
                    people: people.filter { $0.householdId == household.id },
                    involvements: involvements.filter { $0.householdId == household.id })
            }
            let concerns = try Concern.filter(Column("familyId") == familyId).order(Column("recordedAt")).fetchAll(db)
            let referrals = try Referral.filter(Column("familyId") == familyId)
                .order(Column("createdAt").desc).fetchAll(db)
            let plan = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db)
            let tasks = try plan.map { try PlanTask.filter(Column("planId") == $0.id).order(Column("dueDate")).fetchAll(db) } ?? []
            var workerIds = Set(involvements.compactMap(\.workerId))
            workerIds.formUnion(referrals.compactMap(\.fromWorkerId))
            workerIds.formUnion(tasks.compactMap(\.ownerWorkerId))
            if let lead = plan?.leadWorkerId { workerIds.insert(lead) }
            let workers = try Worker.fetchAll(db, keys: Array(workerIds))
            let tier = try TierQueries.assessments(db, familyIds: [familyId], on: date)[familyId]!
            let intakes = try IntakeRecord
                .filter(Column("familyId") == familyId && Column("status") == IntakeRecord.Status.finished.rawValue)
                .order(Column("finishedAt").desc).fetchAll(db)
            return FamilyDetail(
                family: family, records: records,
                workers: Dictionary(uniqueKeysWithValues: workers.map { ($0.id!, $0) }),
                concerns: concerns, referrals: referrals, plan: plan, tasks: tasks, intakes: intakes, tier: tier)
        }
    }
}
