import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// Writing a joint case plan against a real database: who may, what is refused, what the audit
/// trail keeps.
@Suite("Joint case plan desk")
struct PlanDeskTests {
    let now = Fixtures.now

    func policy(_ database: AppDatabase, as name: String, account: String) throws -> AccessPolicy {
        AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: false, today: Fixtures.today)
    }

    func familyId(_ name: String, in database: AppDatabase) throws -> Int64 {
        try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = ?", arguments: [name])
        })
    }

    @Test("both programs' workers build Sarah's plan; the clash between their hours shows; the audit keeps ids, not words")
    func sarahsPlan() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        #expect(throws: WorkRefusal("write the family's goals first: that starts the plan")) {
            try database.saveTask(PlanTask(planId: 0, title: "Child care", owner: .calworks), familyId: sarah, for: ana, at: now)
        }
        let plan = try database.savePlan(familyId: sarah, goals: "Keep my kids safe and get Emma back to school.",
                                         leadWorkerId: marcus.viewer.id, for: marcus, at: now)
        let visit = try database.saveTask(PlanTask(
            planId: 0, title: "Home visit", kind: .visit, owner: .childWelfare, ownerWorkerId: marcus.viewer.id,
            time: try TaskTime.parse("Tue 10:00-11:00").get()), familyId: sarah, for: marcus, at: now)
        var work = try database.saveTask(PlanTask(
            planId: 0, title: "Employment services orientation", kind: .welfareToWorkActivity, owner: .calworks,
            ownerWorkerId: ana.viewer.id, time: try TaskTime.parse("Mon-Fri 9:00-12:00").get()), familyId: sarah, for: ana, at: now)
        let detail = try #require(try database.familyDetail(id: sarah, on: Fixtures.today))
        #expect(detail.plan?.id == plan.id && detail.plan?.leadWorkerId == marcus.viewer.id)
        #expect(PlanConflicts.find(in: detail.tasks, today: Fixtures.today).map(\.taskIds) == [[work.id!, visit.id!]])
        #expect(try database.planSummaries(for: ana, at: Fixtures.now).first { $0.familyId == sarah }?.clashes == 1, "the plans list counts the clash")

        work.time = try TaskTime.parse("Mon,Wed,Fri 9:00-12:00").get()
        try database.saveTask(work, familyId: sarah, for: ana, at: now)
        let moved = try #require(try database.familyDetail(id: sarah, on: Fixtures.today))
        #expect(moved.tasks.count == 2 && PlanConflicts.find(in: moved.tasks, today: Fixtures.today).isEmpty)

        let audit = try database.auditEvents(familyId: sarah).filter { $0.action == .changePlan }
        #expect(audit.count == 4)
        #expect(audit.allSatisfy { !($0.detail ?? "").contains("Emma") && !($0.detail ?? "").contains("orientation") })
    }

    @Test("a team meeting's decision on a family with no plan starts one, led by the worker who recorded it, goals still to write; a meeting not yet held decides nothing")
    func decisionStartsPlan() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        let linh = try policy(database, as: "Linh Tran", account: "ltran")
        #expect(try database.familyDetail(id: jose, on: Fixtures.today)?.plan == nil)
        // A meeting set for tomorrow has not been held: what it decides waits for the day.
        let tomorrow = try database.scheduleMeeting(
            TeamMeeting(familyId: jose, date: Fixtures.today.adding(days: 1), place: "Sanger", scheduledBy: "ltran", scheduledAt: now),
            invitees: [], for: linh, at: now)
        let day = Fixtures.today.adding(days: 1).usFormat
        #expect(throws: WorkRefusal("the meeting is on \(day): record what it decided on that day or after")) {
            try database.recordDecision("Anything", meetingId: tomorrow.id!, task: nil, for: linh, at: now)
        }
        #expect(throws: WorkRefusal("the meeting is on \(day): mark it held on that day or after")) {
            try database.setMeetingStatus(.held, meetingId: tomorrow.id!, for: linh, at: now)
        }
        try database.setMeetingStatus(.cancelled, meetingId: tomorrow.id!, for: linh, at: now)
        let meeting = try database.scheduleMeeting(
            TeamMeeting(familyId: jose, date: Fixtures.today, place: "Sanger", scheduledBy: "ltran", scheduledAt: now),
            invitees: [MeetingInvitee(name: "The family", role: "the family")], for: linh, at: now)
        let decision = try database.recordDecision(
            "José keeps Welfare-to-Work services", meetingId: meeting.id!,
            task: PlanTask(planId: 0, title: "", kind: .welfareToWorkActivity, owner: .calworks), for: linh, at: now)
        let detail = try #require(try database.familyDetail(id: jose, on: Fixtures.today))
        #expect(detail.plan?.leadWorkerId == linh.viewer.id && detail.plan?.goals == "")
        #expect(detail.tasks.map(\.id) == [decision.taskId] && detail.tasks.first?.title == "José keeps Welfare-to-Work services")
        #expect(detail.tasks.first?.ownerWorkerId == detail.workers.values.first { $0.name == "David Kim" }?.id,
                "a CalWORKs task goes to the family's CalWORKs worker")
        #expect(detail.meetings.first { $0.meeting.id == meeting.id }?.meeting.status == .held)
        #expect(try database.auditEvents(familyId: jose).contains { $0.detail == "plan started by a team meeting's decision" })
    }

    @Test("a worker who sees neither program's record in full, or an administrator, may not touch the plan")
    func refused() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        try database.addWorker(Worker(account: "faraway", name: "Far Away", program: .calworks, office: "Nowhere", role: .caseworker),
                               by: "root", at: now)
        let stranger = try policy(database, as: "Far Away", account: "faraway")
        let admin = AccessPolicy(viewer: Worker(id: 1, account: "root", name: "Admin", program: .calworks, office: "County", role: .admin),
                                 isPracticeData: false, today: Fixtures.today)
        let everyPlan = try database.planSummaries(for: AccessPolicy(viewer: Fixtures.trainer, isPracticeData: true, today: Fixtures.today), at: Fixtures.now)
        #expect(try database.planSummaries(for: stranger, at: Fixtures.now).count < everyPlan.count, "the plan list shows only plans the worker may open")
        for policy in [stranger, admin] {
            #expect(throws: WorkRefusal.self) {
                try database.savePlan(familyId: jose, goals: "Anything", leadWorkerId: nil, for: policy, at: now)
            }
        }
    }

    @Test("a task waits only for a task of the same plan, never for itself through others; a blank title is refused")
    func waitsFor() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        try database.savePlan(familyId: sarah, goals: "Safe at home.", leadWorkerId: nil, for: marcus, at: now)
        let first = try database.saveTask(PlanTask(planId: 0, title: "Child care", owner: .calworks), familyId: sarah, for: marcus, at: now)
        var second = try database.saveTask(PlanTask(planId: 0, title: "Job search", owner: .family, afterTaskId: first.id),
                                           familyId: sarah, for: marcus, at: now)
        var loop = first
        loop.afterTaskId = second.id
        #expect(throws: WorkRefusal("“Child care” would end up waiting for itself")) {
            try database.saveTask(loop, familyId: sarah, for: marcus, at: now)
        }
        let otherPlanTask = try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM planTask WHERE planId != ? LIMIT 1", arguments: [second.planId])
        })
        second.afterTaskId = otherPlanTask
        #expect(throws: WorkRefusal("a task can wait only for another task of the same plan")) {
            try database.saveTask(second, familyId: sarah, for: marcus, at: now)
        }
        #expect(throws: WorkRefusal("say what the task is")) {
            try database.saveTask(PlanTask(planId: 0, title: "  ", owner: .family), familyId: sarah, for: marcus, at: now)
        }
    }
}
