import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// A change told from one program's screens lands in the other program's inbox; a supervisor
/// marks a family staffed from the agenda.
@Suite("Changes and staffings on screen")
struct ChangeInboxTests {
    @Test("Ana tells Child Welfare that Sarah lost her job; Marcus finds it in his inbox and opens the family")
    func tellAndRead() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: Fixtures.now)
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: ana)
        d.press(.char("l"))
        d.type("sarah mitchell")
        d.press(.down, .enter, .char("c"))
        #expect(d.top(as: ShareChangeScreen.self) != nil)
        d.type("e")
        d.press(.tab)
        d.type("Lost her job at the grocery store on 11/20.")
        d.press(.enter)
        #expect(d.screen.contains("Told Child Welfare; the notice is in their worker's inbox."), "\(d.screen)")

        var m = ScreenDriver(database: database, worker: marcus)
        m.press(.char("c"))
        #expect(m.screen.contains("1 new") && m.screen.contains("Employment") && m.screen.contains("Ana Ruiz [CW]"), "\(m.screen)")
        #expect(m.screen.contains("“Lost her job at the grocery store on 11/20.”"))
        m.press(.enter)
        #expect(m.top(as: FamilyScreen.self)?.detail?.family.displayName == "Mitchell, Sarah")
        m.press(.escape)
        #expect(m.screen.contains("Nothing new."), "\(m.screen)")
    }

    @Test("a supervisor marks the first family on the agenda staffed with the minutes; it then weighs less")
    func staffed() throws {
        let database = try Fixtures.demoDatabase()
        var d = ScreenDriver(database: database, worker: try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: Fixtures.now))
        d.press(.char("a"))
        let first = try #require(d.top(as: AgendaScreen.self)?.items?.first)
        d.press(.char("v"), .enter)
        #expect(d.screen.contains("Write the minutes"))
        d.type("CalWORKs re-opens cash aid; CWS arranges the home safety visit.")
        d.press(.enter)
        #expect(d.screen.contains("Recorded the staffing of \(first.familyName)."), "\(d.screen)")
        let again = try #require(d.top(as: AgendaScreen.self)?.items?.first { $0.familyId == first.familyId })
        #expect(again.score < first.score && again.reasons.last?.text == "Staffed today")
        // The minutes can be read again on the family's page.
        d.press(.char("/"))
        d.type(String(first.familyName.prefix(6)))
        d.press(.enter, .enter)
        for _ in 0..<8 { d.press(.pageDown) }
        #expect(d.screen.contains("Joint staffings") && d.screen.contains("Patricia Owens: CalWORKs re-opens cash aid;"), "\(d.screen)")
    }
}
