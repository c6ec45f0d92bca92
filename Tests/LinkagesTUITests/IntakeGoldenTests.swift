import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// The intake form as the caseworker sees it, section by section, at 80×24.
@Suite("Intake screens as the worker sees them")
struct IntakeGoldenTests {
    @Test("every section of Sarah's intake, the outcome, and finishing")
    func sarahsIntake() throws {
        var d = ScreenDriver(database: try Fixtures.demoDatabase())
        d.press(.char("i"), .char("n"))
        d.play(SarahsIntake.referral + SarahsIntake.household)
        d.press(.ctrl("o"))
        Golden.check(d.screen, named: "intake-attach-picker-80x24.txt")
        d.press(.enter)
        d.play(SarahsIntake.financial + SarahsIntake.safety + SarahsIntake.icwa + SarahsIntake.protectiveFactors
               + SarahsIntake.familyVoice + [.key(.ctrl("s"))])
        Golden.check(d.screen, named: "intake-outcome-80x24.txt")
        for _ in 0..<16 { d.press(.down) }
        Golden.check(d.screen, named: "intake-outcome-scrolled-80x24.txt")
        d.press(.enter)
        Golden.check(d.screen, named: "intake-confirm-finish-80x24.txt")
        d.press(.escape)
        let sections = ["voice", "protective", "icwa", "safety", "financial", "household", "referral"]
        for section in sections {
            d.press(.pageUp)
            Golden.check(d.screen, named: "intake-\(section)-80x24.txt")
        }
        var wide = ScreenDriver(database: try Fixtures.demoDatabase(), size: Size(width: 200, height: 50))
        wide.press(.char("i"), .char("n"))
        wide.play(SarahsIntake.referral + SarahsIntake.household)
        Golden.check(wide.screen, named: "intake-household-200x50.txt")
    }

    @Test("a mistake on purpose: an impossible birth date")
    func invalidDate() throws {
        var d = ScreenDriver(database: try Fixtures.demoDatabase())
        d.press(.char("i"), .char("n"), .pageDown)
        d.play([.text("Sarah"), .key(.tab), .text("Mitchell"), .key(.tab), .text("02/30/1994")])
        Golden.check(d.screen, named: "intake-invalid-date-80x24.txt")
    }

    @Test("drafts: the list, and the offer at start")
    func drafts() throws {
        let database = try Fixtures.demoDatabase()
        var draft = IntakeDraft(bankVersion: 1, members: [MemberEntry(firstName: "Sarah", lastName: "Mitchell")])
        draft.fieldKey = "member.0.lastName"
        _ = try database.createIntakeDraft(account: "tester", draft: draft, at: Fixtures.now)
        var d = ScreenDriver(database: database)
        Golden.check(d.screen, named: "home-draft-offer-80x24.txt")
        d.press(.char("d"))
        Golden.check(d.screen, named: "drafts-80x24.txt")
    }
}
