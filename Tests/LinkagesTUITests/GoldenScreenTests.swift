import LinkagesDomain
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// Every screen rendered to text and compared with its golden file under Goldens/.
@Suite("Screens as the worker sees them")
struct GoldenScreenTests {
    func driver(_ width: Int = 80, _ height: Int = 24) -> ScreenDriver {
        ScreenDriver(database: DemoFixture.database, size: Size(width: width, height: height))
    }

    @Test("home") func home() {
        Golden.check(driver().screen, named: "home-80x24.txt")
        Golden.check(driver(200, 50).screen, named: "home-200x50.txt")
    }

    @Test("help overlay") func helpOverlay() {
        var d = driver()
        d.press(.char("?"))
        Golden.check(d.screen, named: "help-home-80x24.txt")
    }

    @Test("ER intake") func intake() {
        var d = driver()
        d.press(.char("i"))
        Golden.check(d.screen, named: "intake-80x24.txt")
    }

    @Test("match review") func matchReview() {
        var d = driver()
        d.press(.char("m"))
        Golden.check(d.screen, named: "match-review-80x24.txt")
        d.press(.char("b"))
        Golden.check(d.screen, named: "match-review-blind-80x24.txt")
        d.press(.char("x"))
        Golden.check(d.screen, named: "match-review-done-80x24.txt")
    }

    @Test("lookup") func lookup() {
        var d = driver()
        d.press(.char("l"))
        Golden.check(d.screen, named: "lookup-empty-80x24.txt")
        d.type("jose nunez")
        Golden.check(d.screen, named: "lookup-jose-nunez-80x24.txt")
        d.press(.ctrl("u"))
        d.type("zzyzx")
        Golden.check(d.screen, named: "lookup-no-match-80x24.txt")
        d.press(.ctrl("u"))
        d.type("pepe nunes garsia")
        Golden.check(d.screen, named: "lookup-nickname-typo-80x24.txt")
    }

    @Test("family") func family() {
        var d = driver()
        d.press(.char("l"))
        d.type("sarah mitchell")
        d.press(.down, .enter)
        Golden.check(d.screen, named: "family-sarah-80x24.txt")
        d.press(.pageDown)
        Golden.check(d.screen, named: "family-sarah-page2-80x24.txt")
        var wide = driver(200, 50)
        wide.press(.char("l"))
        wide.type("jose nunez")
        wide.press(.down, .enter)
        Golden.check(wide.screen, named: "family-nunez-garcia-200x50.txt")
    }

    /// A demo worker as themselves (not the trainer who sees everything).
    func driver(as name: String, _ width: Int = 80, _ height: Int = 24) throws -> ScreenDriver {
        var worker = try #require(try DemoFixture.database.workers().first { $0.name == name })
        worker.account = "golden-\(worker.id!)"
        return ScreenDriver(database: DemoFixture.database, size: Size(width: width, height: height), worker: worker)
    }

    @Test("family as a CalWORKs caseworker: Child Welfare's identifying details only, until the glass is broken")
    func familyRestricted() throws {
        var d = try driver(as: "Ana Ruiz", 120, 40)
        d.press(.char("l"))
        d.type("jose nunez")
        d.press(.down, .enter)
        Golden.check(d.screen, named: "family-nunez-garcia-calworks-120x40.txt")
        var prompt = try driver(as: "Ana Ruiz")
        prompt.press(.char("l"))
        prompt.type("jose nunez")
        prompt.press(.down, .enter, .char("!"))
        prompt.type("child at the hospital")
        Golden.check(prompt.screen, named: "family-break-glass-80x24.txt")
        d.press(.char("!"))
        d.type("child at the hospital, need the CWS worker")
        d.press(.enter)
        Golden.check(d.screen, named: "family-nunez-garcia-emergency-120x40.txt")
    }

    @Test("family as CalWORKs under a release that does not name substance use")
    func familySubstanceUse() throws {
        var ana = try driver(as: "Ana Ruiz", 120, 40)
        ana.press(.char("l"))
        ana.type("sarah mitchell")
        ana.press(.down, .enter, .pageDown)
        Golden.check(ana.screen, named: "family-sarah-calworks-page2-120x40.txt")
    }

    @Test("a release recorded on the family screen opens Child Welfare's record to CalWORKs once a Child Welfare supervisor approves it")
    func recordRelease() throws {
        let database = try Fixtures.demoDatabase()
        var worker = try #require(try database.workers().first { $0.name == "Ana Ruiz" })
        worker.account = "aruiz"
        var d = ScreenDriver(database: database, worker: worker)
        d.press(.char("l"))
        d.type("jose nunez")
        d.press(.down, .enter, .char("s"))
        Golden.check(d.screen, named: "release-form-80x24.txt")
        // A release that ends before it was signed is refused with the reason, and nothing is recorded.
        d.press(.tab, .tab, .tab, .tab, .tab)
        d.press(.ctrl("u"))
        d.type("11/22/2026")
        d.press(.enter)
        #expect(d.screen.contains("! It expires (11/22/2026) before it was signed (11/23/2026)."), "\(d.screen)")
        #expect(try database.sharingBases(familyId: d.top(as: ReleaseFormScreen.self)!.familyId, by: "test", at: Fixtures.now).isEmpty)
        d.press(.ctrl("u"))
        d.type("11/22/2027")
        d.press(.tab)
        d.type("ER file")
        d.press(.enter)
        #expect(d.top(as: FamilyScreen.self) != nil)
        #expect(d.screen.contains("Recorded. A supervisor must approve it before it opens any records."), "\(d.screen)")
        Golden.check(d.screen, named: "release-recorded-80x24.txt")
        let pending = try #require(d.top(as: FamilyScreen.self)?.detail)
        #expect(!pending.records.allSatisfy { $0.access.isFull }, "recorded by Ana alone, it opens nothing")
        #expect(pending.sharingBases.first?.recordedBy == "aruiz" && pending.sharingBases.first?.note == "ER file")

        var robert = try #require(try database.workers().first { $0.name == "Robert Chen" })
        robert.account = "rchen"
        var supervisor = ScreenDriver(database: database, worker: robert)
        #expect(supervisor.screen.contains("s  Releases to approve (1)"), "\(supervisor.screen)")
        supervisor.press(.char("s"))
        Golden.check(supervisor.screen, named: "releases-to-approve-80x24.txt")
        supervisor.press(.char("x"), .enter)
        #expect(supervisor.screen.contains("! Say why the basis is refused"), "a refusal needs a reason")
        supervisor.press(.escape, .char("a"), .char("y"))
        #expect(supervisor.screen.contains("Approved: Child Welfare records are now shared under it."), "\(supervisor.screen)")
        d.press(.char("R"))
        let family = try #require(d.top(as: FamilyScreen.self)?.detail)
        #expect(family.records.allSatisfy { $0.access.isFull })
    }

    @Test("a supervisor's home and what is flagged for review")
    func emergencies() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: Fixtures.now)
        let jose = try #require(try database.lookUp("jose nunez", on: Fixtures.today).hits.first?.familyId)
        _ = try database.familyDetail(id: jose, for: AccessPolicy(viewer: ana, isPracticeData: false, today: Fixtures.today),
                                      emergencyReason: "child at the hospital, need the CWS worker", at: Fixtures.now)
        let patricia = try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: patricia)
        Golden.check(d.screen, named: "home-supervisor-80x24.txt")
        d.press(.char("a"))
        Golden.check(d.screen, named: "agenda-80x24.txt")
        d.press(.escape)
        d.press(.char("e"))
        Golden.check(d.screen, named: "emergencies-80x24.txt")
        d.press(.char("v"))
        #expect(d.screen.contains("Nothing is waiting for review."))
        #expect(d.screen.contains("Marked reviewed; it stays in the audit trail."))
    }

    @Test("a referral from the family page, sent, answered for the provider and closed")
    func referralDesk() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: marcus)
        d.press(.char("l"))
        d.type("jose nunez")
        d.press(.down, .enter, .char("n"))
        Golden.check(d.screen, named: "referral-new-80x24.txt")
        d.press(.enter)
        #expect(d.screen.contains("! Name the provider the family is referred to."))
        d.press(.tab, .tab, .tab)
        Golden.check(d.screen, named: "referral-new-directory-80x24.txt")
        d.press(.function(2))
        d.press(.tab, .tab)
        d.type("Eviction notice for December; four people in the household")
        d.press(.enter)
        let sent = try #require(d.top(as: ReferralScreen.self)?.detail?.referral)
        #expect(sent.status == .sent && sent.type == .housing && sent.toProviderName == "Hope Housing Collaborative: Emergency rental help")
        Golden.check(d.screen, named: "referral-sent-80x24.txt")

        // A second housing referral for the same family is questioned before it goes.
        d.press(.escape, .char("n"))
        d.press(.tab, .tab, .tab)
        d.type("Other Housing")
        d.press(.tab, .tab)
        d.type("again")
        d.press(.enter)
        #expect(d.state.confirmation?.question.contains("already has an open housing referral") == true)
        d.press(.char("n"))

        // The provider's answers, recorded by the sender, then closed with the outcome.
        d.press(.escape, .escape, .escape, .escape, .char("r"))
        d.press(.char("f"), .char("f"))
        #expect(d.top(as: ReferralsScreen.self)?.filter == .outgoing)
        d.press(.char("/"))
        d.type("hope housing")
        d.press(.enter, .enter)
        d.press(.char("v"), .char("a"), .char("i"), .char("c"))
        Golden.check(d.screen, named: "referral-closing-80x24.txt")
        d.press(.enter)
        let closed = try #require(d.top(as: ReferralScreen.self)?.detail)
        #expect(closed.referral.status == .closed && closed.referral.outcome == .servicesReceived)
        #expect(closed.events.map(\.status) == [.draft, .sent, .received, .accepted, .inService, .closed])
        #expect(d.screen.contains("Saved: the referral is closed."))
    }

    @Test("referrals") func referrals() {
        var d = driver()
        d.press(.char("r"))
        Golden.check(d.screen, named: "referrals-80x24.txt")
        d.press(.char("/"))
        d.type("child care")
        Golden.check(d.screen, named: "referrals-filter-80x24.txt")
    }

    @Test("a plan with a clash, and its task form") func planClash() {
        var d = driver()
        d.press(.char("p"), .char("/"))
        d.type("Cruz-N")
        d.press(.enter, .enter)
        Golden.check(d.screen, named: "plan-clash-80x24.txt")
        d.press(.enter)
        Golden.check(d.screen, named: "plan-task-80x24.txt")
        d.resize(to: Size(width: 120, height: 40))
        Golden.check(d.screen, named: "plan-task-120x40.txt")
    }

    @Test("case plans") func plans() {
        var d = driver()
        d.press(.char("p"))
        Golden.check(d.screen, named: "plans-80x24.txt")
        d.press(.enter)
        Golden.check(d.screen, named: "plan-80x24.txt")
    }

    @Test("too small") func tooSmall() {
        Golden.check(driver(60, 20).screen, named: "too-small-60x20.txt")
    }

    @Test("docs/keybindings.md is generated from the key tables")
    func keybindingsDocument() {
        let session = Session(worker: Fixtures.trainer, databaseName: "test.sqlite", databaseKind: .demo, today: Fixtures.today,
                              now: Fixtures.now, questionBank: Fixtures.questionBank)
        Golden.check(KeybindingsDocument.markdown(session: session), named: "keybindings.md", folder: "../../docs")
    }
}
