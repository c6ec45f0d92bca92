import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The referral desk against a real database: the closed loop across two programs and a
/// provider, liaisons' queues, notes, service levels and the audit rows.
@Suite("Referral desk")
struct ReferralDeskTests {
    let now = Fixtures.now

    func worker(_ database: AppDatabase, _ name: String, account: String) throws -> Worker {
        try database.actAs(workerNamed: name, account: account, at: now)
    }

    func familyId(_ database: AppDatabase, _ name: String) throws -> Int64 {
        try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = ?", arguments: [name])
        })
    }

    @Test("CalWORKs to Child Welfare, received, declined with a reason, re-sent to a provider, accepted and closed")
    func closedLoop() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try worker(database, "Ana Ruiz", account: "aruiz")
        let marcus = try worker(database, "Marcus Bell", account: "mbell")
        let sarah = try familyId(database, "Mitchell, Sarah")
        var clock = now
        func tick() -> Date { clock = clock.addingTimeInterval(3600); return clock }

        let draft = try database.createReferral(Referral(
            familyId: sarah, fromProgram: .calworks, toProgram: .childWelfare, type: .homeSafety,
            reason: "Outlets and cleaning supplies within the children's reach.", createdAt: now), by: ana, at: tick())
        #expect(draft.status == .draft && draft.fromWorkerId == ana.id)
        #expect(try database.workers().first { $0.id == draft.assignedLiaisonId }?.name == "Denise Walker",
                "a referral to Child Welfare lands in its liaison's queue")
        let id = try #require(draft.id)
        try database.takeReferralStep(.send, referralId: id, by: ana, at: tick())
        #expect(throws: ReferralDeskError(description: "only Child Welfare can take this step on this referral")) {
            try database.takeReferralStep(.receive, referralId: id, by: ana, at: tick())
        }
        try database.takeReferralStep(.receive, referralId: id, by: marcus, at: tick())
        #expect(throws: ReferralStepError.self) {
            try database.takeReferralStep(.close(.servicesReceived), referralId: id, by: marcus, at: tick())
        }
        try database.takeReferralStep(.decline(reason: "A home-safety provider fits better"), referralId: id, by: marcus, at: tick())
        try database.addReferralNote(referralId: id, text: "Try Valley Family Resource Center.", sensitive: false, by: marcus, at: tick())
        let resent = try database.takeReferralStep(
            .resend(toProgram: nil, toProvider: "Valley Family Resource Center"), referralId: id, by: ana, at: tick())
        #expect(resent.assignedLiaisonId == nil && resent.destinationName == "Valley Family Resource Center")
        for step in [ReferralStep.receive, .accept, .startService, .close(.servicesReceived)] {
            try database.takeReferralStep(step, referralId: id, by: ana, at: tick())
        }
        let policy = AccessPolicy(viewer: ana, isPracticeData: false, today: Fixtures.today)
        let detail = try #require(try database.referralDetail(id: id, for: policy, at: tick()))
        #expect(detail.events.map(\.status) == [.draft, .sent, .received, .declined, .sent, .received, .accepted, .inService, .closed])
        #expect(detail.events[3].note == "A home-safety provider fits better" && detail.events[3].workerId == marcus.id)
        #expect(detail.notes.map(\.text) == ["Try Valley Family Resource Center."])
        #expect(detail.referral.outcome == .servicesReceived && detail.due == nil)
        let audited = try database.auditEvents(familyId: sarah).filter { $0.detail?.hasPrefix("referral \(id)") ?? false }
        #expect(audited.count == 1 + 8 + 1 + 1, "created, eight steps, a note and a view")
    }

    @Test("a duplicate is found before sending; overdue referrals are listed by their service level")
    func duplicatesAndOverdue() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try worker(database, "Ana Ruiz", account: "aruiz")
        let jose = try familyId(database, "Núñez-García, José")
        let first = try database.createReferral(Referral(
            familyId: jose, fromProgram: .calworks, toProviderName: "Hope Housing Collaborative", type: .housing,
            reason: "Eviction notice", createdAt: now), by: ana, at: now)
        let second = Referral(familyId: jose, fromProgram: .calworks, toProviderName: "Other", type: .housing,
                              reason: "r", createdAt: now)
        #expect(try database.duplicateReferral(of: second)?.id == first.id)

        // Sent on Monday 11/16: two working days to be received, so overdue from Thursday 11/19.
        let monday = CalendarDate(year: 2026, month: 11, day: 16)!.instant(hour: 9)
        try database.takeReferralStep(.send, referralId: first.id!, by: ana, at: monday)
        func overdue(on day: Int) throws -> Bool {
            let policy = AccessPolicy(viewer: ana, isPracticeData: false, today: CalendarDate(year: 2026, month: 11, day: day)!)
            return try database.referralRows(.overdue, for: policy, at: Fixtures.now).contains { $0.id == first.id }
        }
        #expect(try !overdue(on: 18))
        #expect(try overdue(on: 19))
        // A county that allows five working days: due the next Monday.
        try database.setReferralServiceLevels(ReferralServiceLevels(receiveWithinWorkingDays: 5), by: "root", at: now)
        #expect(try !overdue(on: 23))
        #expect(try overdue(on: 24))
        // The county's holidays are not working days: two of them move it to Wednesday 11/25.
        try database.setHolidays([CalendarDate(year: 2026, month: 11, day: 20)!, CalendarDate(year: 2026, month: 11, day: 19)!],
                                 by: "root", at: now)
        #expect(try database.holidays() == [CalendarDate(year: 2026, month: 11, day: 19)!, CalendarDate(year: 2026, month: 11, day: 20)!])
        #expect(try database.intakeSettings().holidays.count == 2, "the intake's coordination window skips them too")
        #expect(try !overdue(on: 25))
        #expect(try overdue(on: 26))
        try database.setHolidays([], by: "root", at: now)
        #expect(try overdue(on: 24))
        let mine = try database.referralRows(.mine, for: AccessPolicy(viewer: ana, isPracticeData: false, today: Fixtures.today), at: Fixtures.now)
        #expect(mine.contains { $0.id == first.id } && mine.allSatisfy { $0.referral.fromWorkerId == ana.id || $0.referral.assignedLiaisonId == ana.id })
    }

    @Test("a liaison reassigns a referral to another liaison of the same program; the timeline says so")
    func reassign() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try worker(database, "Marcus Bell", account: "mbell")
        let rosa = try worker(database, "Rosa Delgado", account: "rdelgado")
        let referral = try database.createReferral(Referral(
            familyId: try familyId(database, "Mitchell, Sarah"), fromProgram: .childWelfare, toProgram: .calworks,
            type: .childCare, reason: "Emma should be back in school", createdAt: now), by: marcus, at: now)
        #expect(referral.assignedLiaisonId == rosa.id)
        #expect(throws: ReferralDeskError.self) {
            try database.reassignReferral(id: referral.id!, toLiaison: marcus.id!, by: rosa, at: now)
        }
        let other = try database.addWorker(Worker(account: "jlee", name: "Jordan Lee", program: .calworks, office: "South",
                                                  role: .liaison), by: "root", at: now)
        let moved = try database.reassignReferral(id: referral.id!, toLiaison: other.id!, by: rosa, at: now)
        #expect(moved.assignedLiaisonId == other.id)
        let detail = try #require(try database.referralDetail(
            id: referral.id!, for: AccessPolicy(viewer: rosa, isPracticeData: false, today: Fixtures.today), at: now))
        #expect(detail.events.last?.note == "Reassigned to Jordan Lee")
    }
}
