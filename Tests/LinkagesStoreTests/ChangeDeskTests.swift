import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// Telling the other program of a change, and recording joint staffings, against a real database.
@Suite("Changes between programs and joint staffings")
struct ChangeDeskTests {
    let now = Fixtures.now

    func policy(_ database: AppDatabase, as name: String, account: String, practice: Bool = false) throws -> AccessPolicy {
        AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: practice, today: Fixtures.today)
    }

    func familyId(_ name: String, in database: AppDatabase) throws -> Int64 {
        try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = ?", arguments: [name])
        })
    }

    @Test("an address change goes to the other program's assigned worker, read once, audited; household and work need a release")
    func addressAndRelease() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        let notice = try database.shareChange(familyId: jose, kind: .address, text: "Moved to 22 Elm St, Fresno 93702.", for: ana, at: now)
        let recipient = try #require(try database.workers().first { $0.id == notice.toWorkerId })
        #expect(recipient.program == .childWelfare)
        #expect(throws: WorkRefusal.self) {
            try database.shareChange(familyId: jose, kind: .employment, text: "Started at the cannery.", for: ana, at: now)
        }
        // The demo's own notice about the Vang family is in the same inbox.
        let inbox = try database.changeInbox(for: recipient, at: Fixtures.now).filter { $0.notice.familyId == jose }
        #expect(inbox.map(\.notice.text) == ["Moved to 22 Elm St, Fresno 93702."] && inbox.first?.fromWorkerName == "Ana Ruiz")
        #expect(throws: WorkRefusal("that notice is not in your inbox")) {
            try database.markChangeRead(id: notice.id!, by: ana.viewer, at: now)
        }
        try database.markChangeRead(id: notice.id!, by: recipient, at: now)
        try database.markChangeRead(id: notice.id!, by: recipient, at: now.addingTimeInterval(60))
        #expect(try database.changeInbox(for: recipient, at: Fixtures.now).first { $0.notice.id == notice.id }?.notice.readAt == now)
        let actions = try database.auditEvents(familyId: jose).map(\.action)
        #expect(actions.filter { $0 == .shareChange }.count == 1 && actions.filter { $0 == .readChange }.count == 1)
        #expect(try database.auditEvents(familyId: jose).allSatisfy { !($0.detail ?? "").contains("Elm") })
    }

    @Test("under Sarah's release a change of work goes to Child Welfare; a family known to one program has no one to tell")
    func underRelease() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        let notice = try database.shareChange(familyId: sarah, kind: .employment, text: "Lost her job at the grocery store.", for: ana, at: now)
        #expect(try database.workers().first { $0.id == notice.toWorkerId }?.name == "Marcus Bell")
        let agenda = try database.staffingAgenda(for: try policy(database, as: "Karen López", account: "klopez", practice: true),
                                                 weights: Fixtures.staffingWeights, at: now)
        #expect(agenda.first { $0.familyId == sarah }?.reasons.contains { $0.text == "1 change told between the programs this month" } == true)
    }

    @Test("a family just taken through the ER intake is on its office's Child Welfare agenda at once, and only its office's")
    func finishedIntakeOnAgenda() throws {
        let database = try Fixtures.demoDatabase()
        func intake(by name: String, account: String, surname: String) throws -> Int64 {
            _ = try database.actAs(workerNamed: name, account: account, at: now)
            var draft = IntakeDraft(bankVersion: 1, members: [
                MemberEntry(firstName: "Rosa", lastName: surname, dateOfBirth: "04/02/1991", relationship: "head", sex: "female"),
                MemberEntry(firstName: "Tomás", lastName: surname, dateOfBirth: "08/19/2019", relationship: "child", sex: "male"),
            ])
            draft.answers = ["referral.receivedDate": Fixtures.today.usFormat, "referral.responseType": "immediate",
                             "referral.receivedTime": "08:15", "safety.domesticViolence": "yes", "icwa.ancestry": "unknown"]
            let id = try database.createIntakeDraft(account: account, draft: draft, at: now)
            return try database.finishIntake(id: id, bank: Fixtures.questionBank, account: account, at: now, today: Fixtures.today)
        }
        let central = try intake(by: "Marcus Bell", account: "mbell", surname: "Quintero-Ávila")
        let south = try intake(by: "Gabriel Soto", account: "gsoto", surname: "Benítez")
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        let agenda = try database.staffingAgenda(for: robert, weights: Fixtures.staffingWeights, at: now)
        let item = try #require(agenda.first { $0.familyId == central })
        #expect(item.reasons.map(\.text).contains("Emergency Response referral open"))
        #expect(item.reasons.map(\.text).contains { $0.hasPrefix("Safety concerns: domestic violence") })
        #expect(!agenda.contains { $0.familyId == south }, "the South office's intake is for the South office's supervisor")
        // The ER list shows the intake's in-person response clock: immediate, 24 hours from 08:15.
        let queue = try database.emergencyResponseQueue(on: Fixtures.today, by: "rchen", at: now)
        let clock = try #require(queue.first { $0.familyId == central }?.responseClock)
        #expect(clock.name == "In-person response (immediate)" && clock.contacts.isEmpty)
        #expect(queue.first { $0.familyId == Int64.max }?.responseClock == nil)
        // The family page credits the intake to its worker by name, not by Unix account.
        let detail = try #require(try database.familyDetail(id: central, on: Fixtures.today))
        #expect(detail.workers.values.first { $0.account == detail.intakes.first?.account }?.name == "Marcus Bell")
    }

    @Test("the demo county's CalWORKs supervisor sees every kind of reason the agenda weighs, AB 135 near its end among the first")
    func demoAgendaShowsEveryReason() throws {
        let database = try Fixtures.demoDatabase()
        let patricia = try policy(database, as: "Patricia Owens", account: "powens", practice: true)
        let agenda = try database.staffingAgenda(for: patricia, weights: Fixtures.staffingWeights, at: now)
        let reasons = agenda.flatMap(\.reasons).map(\.text)
        for kind in ["Emergency Response referral open", "Safety concerns: ", "AB 135 aid ends in ", "First CFT meeting ",
                     "Welfare-to-Work: sanction", "Welfare-to-Work: non-compliance", "referral overdue", "plan task", "clash", "change told between the programs",
                     "Never staffed jointly", "Last staffed ", "Mutual client", "Early intervention"] {
            #expect(reasons.contains { $0.contains(kind) }, "no family on the demo agenda shows \(kind)")
        }
        let vang = try #require(agenda.firstIndex { $0.familyName == "Vang, Mai Yer" })
        #expect(vang < 3)
        #expect(agenda[vang].reasons.map(\.text).contains("AB 135 aid ends in 7 days"))
        #expect(try database.homeSummary(on: Fixtures.today).ab135EndingSoon == 1, "the home screen warns of it too")
    }

    @Test("only a supervisor records a staffing; the family then drops down the agenda")
    func staffing() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        #expect(throws: WorkRefusal("only a supervisor records a joint staffing")) {
            try database.recordStaffing(familyId: sarah, minutes: "Agreed.", for: marcus, at: now)
        }
        let trainer = try policy(database, as: "Karen López", account: "klopez", practice: true)
        let before = try #require(try database.staffingAgenda(for: trainer, weights: Fixtures.staffingWeights, at: now).first { $0.familyId == sarah })
        #expect(before.reasons.contains { $0.text == "Never staffed jointly" })
        try database.recordStaffing(familyId: sarah, minutes: "CalWORKs re-opens cash aid; CWS arranges the home safety visit.",
                                    for: trainer, at: now)
        let after = try #require(try database.staffingAgenda(for: trainer, weights: Fixtures.staffingWeights, at: now).first { $0.familyId == sarah })
        #expect(after.score == before.score - Fixtures.staffingWeights.staffingDue - Fixtures.staffingWeights.recentlyStaffed)
        #expect(after.reasons.last?.text == "Staffed today")
    }
}
