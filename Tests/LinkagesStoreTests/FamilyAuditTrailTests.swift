import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// A family's audit trail on screen: read by a supervisor who sees the family, never by the
/// caseworker whose reads it lists, and audited itself.
@Suite("A family's audit trail for its supervisor")
struct FamilyAuditTrailTests {
    let now = Fixtures.now

    func policy(_ database: AppDatabase, as name: String, account: String) throws -> AccessPolicy {
        AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: false, today: Fixtures.today)
    }

    @Test("the supervisor sees who opened the family, by name, newest first; her review is a row of its own")
    func supervisorReads() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try #require(try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = 'Mitchell, Sarah'") })
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        _ = try database.familyDetail(id: sarah, for: marcus, at: now)
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        let trail = try database.familyAuditTrail(familyId: sarah, for: robert, at: now.addingTimeInterval(60))
        let view = try #require(trail.first { $0.event.account == "mbell" && $0.event.action == .viewFamily })
        #expect(view.workerName == "Marcus Bell")
        #expect(zip(trail, trail.dropFirst()).allSatisfy { $0.event.id > $1.event.id })
        let review = try database.auditEvents(familyId: sarah, limit: 1).first
        #expect(review?.action == .viewAuditTrail && review?.account == "rchen")
    }

    @Test("a caseworker, or a supervisor who sees neither of the family's records in full, is refused, and nothing is shown")
    func refused() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try #require(try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = 'Núñez-García, José'") })
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        #expect(throws: WorkRefusal("a family's audit trail is read by a supervisor")) {
            try database.familyAuditTrail(familyId: jose, for: marcus, at: now)
        }
        try database.addWorker(Worker(account: "faraway", name: "Far Away", program: .calworks, office: "Nowhere", role: .supervisor),
                               by: "root", at: now)
        let stranger = try policy(database, as: "Far Away", account: "faraway")
        #expect(throws: WorkRefusal("you see neither program's record of this family in full, so not who read it either")) {
            try database.familyAuditTrail(familyId: jose, for: stranger, at: now)
        }
    }
}
