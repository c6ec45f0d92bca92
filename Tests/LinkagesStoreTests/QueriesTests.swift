import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Lists the screens show")
struct QueriesTests {
    static let created = Fixtures.today.instant(hour: 9)

    @Test("home figures count families by tier, open ER referrals, referrals and tasks")
    func homeFigures() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let mutual = try database.addFamily(RecordsTests.family(), at: Self.created)
        try database.addFamily(NewFamily(displayName: "Prevention, Only", households: [
            NewHousehold(source: .calworks, people: [Person(householdId: 0, firstName: "P", lastName: "Only")],
                         involvements: [NewInvolvement(component: .cashAid, status: .open, startDate: CalendarDate("2026-01-01"))]),
        ]), at: Self.created)
        try database.addFamily(NewFamily(displayName: "Referral, Er", households: [
            NewHousehold(source: .childWelfare, people: [Person(householdId: 0, firstName: "E", lastName: "Er")],
                         involvements: [NewInvolvement(component: .emergencyResponse, status: .open, startDate: Fixtures.today)]),
        ]), at: Self.created)
        try database.addReferral(
            Referral(familyId: mutual.familyId, fromProgram: .childWelfare, toProgram: .calworks, type: .childCare, reason: "r", createdAt: Self.created),
            timeline: [ReferralEvent(referralId: 0, status: .draft, at: Self.created), ReferralEvent(referralId: 0, status: .sent, at: Self.created)])
        let plan = try database.addPlan(CasePlan(familyId: mutual.familyId, goals: "Home by summer", createdAt: Self.created), tasks: [
            PlanTask(planId: 0, title: "late", owner: .calworks, dueDate: Fixtures.today.adding(days: -1)),
            PlanTask(planId: 0, title: "soon", owner: .childWelfare, dueDate: Fixtures.today.adding(days: 3)),
            PlanTask(planId: 0, title: "done", owner: .family, dueDate: Fixtures.today.adding(days: -5), status: .done),
            PlanTask(planId: 0, title: "later", owner: .provider, dueDate: Fixtures.today.adding(days: 30)),
        ])
        let summary = try database.homeSummary(on: Fixtures.today)
        #expect(summary.familyCount == 3)
        #expect(summary.familiesByTier == [.mutualClient: 1, .primaryPrevention: 1])
        #expect(summary.familiesWithoutTier == 1)
        #expect(summary.openEmergencyResponse == 1)
        #expect(summary.openReferralsByStatus == [.sent: 1])
        #expect(summary.overdueTasks == 1)
        #expect(summary.tasksDueThisWeek == 1)

        let practice = AccessPolicy(viewer: Fixtures.trainer, isPracticeData: true, today: Fixtures.today)
        let plans = try database.planSummaries(for: practice, at: Fixtures.now)
        #expect(plans.count == 1)
        let administrator = AccessPolicy(viewer: Worker(id: 1, account: "root", name: "Admin", program: .calworks, office: "Central", role: .admin),
                                         isPracticeData: true, today: Fixtures.today)
        #expect(try database.planSummaries(for: administrator, at: Fixtures.now).isEmpty, "a plan's family name is not listed to a role that sees no family")
        #expect(plans[0].planId == plan.id)
        #expect(plans[0].openTasks == 3 && plans[0].overdueTasks == 1 && plans[0].nextDue == Fixtures.today.adding(days: 3))

        let queue = try database.emergencyResponseQueue(on: Fixtures.today, by: "test", at: Fixtures.now)
        #expect(queue.map(\.familyName) == ["Referral, Er"])
        #expect(queue[0].knownToCalWORKs == false)

        func policy(_ program: Program, _ role: WorkerRole = .caseworker) -> AccessPolicy {
            AccessPolicy(viewer: Worker(id: 1, account: "w", name: "W", program: program, office: "Central", role: role),
                         isPracticeData: false, today: Fixtures.today)
        }
        let referrals = try database.referralRows(.open, for: policy(.calworks), at: Fixtures.now)
        #expect(referrals.map(\.familyName) == ["Núñez-García, José"])
        #expect(referrals[0].referral.status == .sent)
        #expect(try database.referralRows(.closed, for: policy(.calworks), at: Fixtures.now).isEmpty)
        #expect(try database.referralRows(.open, for: policy(.childWelfare), at: Fixtures.now).count == 1, "the sender lists it too")
        #expect(try database.referralRows(.open, for: policy(.calworks, .admin), at: Fixtures.now).isEmpty)
    }
}
