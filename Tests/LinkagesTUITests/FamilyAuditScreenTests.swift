import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// The family's audit trail, from the family page.
@Suite("A family's audit trail, on screen")
struct FamilyAuditScreenTests {
    @Test("a supervisor presses a on the family page and reads who opened it; a caseworker is told why not")
    func fromFamilyPage() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: robert)
        d.press(.char("l"))
        d.type("sarah mitchell")
        d.press(.down, .enter, .char("a"))
        let screen = try #require(d.top(as: FamilyAuditScreen.self), "\(d.screen)")
        #expect(screen.list.rows?.contains { $0.workerName == "Robert Chen" && $0.event.action == .viewFamily } == true)
        #expect(d.screen.contains("Audit trail: Mitchell, Sarah") && d.screen.contains("Robert Chen"), "\(d.screen)")
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var caseworker = ScreenDriver(database: database, worker: marcus)
        caseworker.press(.char("l"))
        caseworker.type("sarah mitchell")
        caseworker.press(.down, .enter, .char("a"))
        #expect(caseworker.top(as: FamilyAuditScreen.self) == nil)
        #expect(caseworker.screen.contains("A family's audit trail is read by a supervisor."), "\(caseworker.screen)")
    }
}
