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
        let inbox = try database.changeInbox(for: recipient)
        #expect(inbox.map(\.notice.text) == ["Moved to 22 Elm St, Fresno 93702."] && inbox.first?.fromWorkerName == "Ana Ruiz")
        #expect(throws: WorkRefusal("that notice is not in your inbox")) {
            try database.markChangeRead(id: notice.id!, by: ana.viewer, at: now)
        }
        try database.markChangeRead(id: notice.id!, by: recipient, at: now)
        try database.markChangeRead(id: notice.id!, by: recipient, at: now.addingTimeInterval(60))
        #expect(try database.changeInbox(for: recipient).first?.notice.readAt == now)
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
