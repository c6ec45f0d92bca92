import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

@Suite("Keys in, state and effects out")
struct AppUpdateTests {
    func driver(size: Size = Size(width: 80, height: 24)) -> ScreenDriver {
        ScreenDriver(database: DemoFixture.database, size: size)
    }

    @Test("the idle limit counts from the last key, not the clock's minutes; when it passes the session ends, nothing of the family left")
    func idleClose() {
        var d = driver()
        d.press(.char("l"))
        d.type("sarah mitchell")
        d.press(.down, .enter)
        #expect(d.screen.contains("Mitchell, Sarah"))
        // A key at 10:09:50, then the minute ticks: 10 minutes from the key, not from 10:09.
        d.send(.clock(Fixtures.now.addingTimeInterval(9 * 60 + 50)))
        d.press(.char("j"))
        for minute in 10...19 {
            d.send(.tick(now: Fixtures.now.addingTimeInterval(Double(minute) * 60), today: Fixtures.today))
            #expect(d.exitStatus == nil, "closed at minute \(minute), less than 10 minutes after the key")
        }
        d.send(.tick(now: Fixtures.now.addingTimeInterval(20 * 60), today: Fixtures.today))
        #expect(d.exitStatus == 0)
        #expect(d.state.farewell?.hasPrefix("Linkages closed after 10 minutes without a key") == true)
        #expect(d.state.stack.count == 1 && !d.screen.contains("Mitchell"), "nothing of the family is left to draw")
    }

    @Test("a change of the worker's access ends the session with its sentence; a change of the releases reads the screen again")
    func accessChecks() {
        var d = driver()
        d.press(.char("l"))
        d.type("sarah mitchell")
        d.press(.down, .enter)
        let reads = d.effectsRun.count
        d.send(.accessChanged)
        #expect(d.effectsRun.count == reads + 1 && d.effectsRun.last == .loadFamily(id: d.top(as: FamilyScreen.self)!.familyId))
        d.send(.accessEnded("your Linkages account was disabled; ask your administrator"))
        #expect(d.exitStatus == 1 && d.state.farewell == "your Linkages account was disabled; ask your administrator")
        #expect(d.state.stack.count == 1)
    }

    @Test("a whole SSN in the match review: a supervisor's choice, audited; a caseworker is told why not")
    func revealSSN() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: robert)
        d.press(.char("m"), .char("s"))
        let review = try #require(d.top(as: MatchReviewScreen.self))
        #expect(review.revealedPair == review.current?.id && review.revealedPair != nil)
        #expect(try database.auditEvents(limit: 1).first?.action == .revealSSN)
        d.press(.escape, .char("m"))
        #expect(d.top(as: MatchReviewScreen.self)?.revealedPair == nil, "a new visit starts masked")

        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var caseworker = ScreenDriver(database: database, worker: marcus)
        caseworker.press(.char("m"))
        #expect(caseworker.top(as: HomeScreen.self) != nil && caseworker.screen.contains("The match review is for supervisors."))
        #expect(try database.auditEvents(limit: 500).filter { $0.action == .revealSSN }.count == 1)
    }

    @Test("a worker's overdue referrals show on the home screen, and follow the clock without a key")
    func homeOverdue() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        let policy = AccessPolicy(viewer: marcus, isPracticeData: true, today: Fixtures.today)
        let overdue = try database.referralRows(.mineOverdue, for: policy, at: Fixtures.now).count
        #expect(overdue > 0)
        var d = ScreenDriver(database: database, worker: marcus)
        #expect(d.screen.contains("Referrals (\(overdue) overdue)"), "\(d.screen)")
        let rows = try database.referralRows(.mineOverdue, for: policy, at: Fixtures.now)
        try database.takeReferralStep(.close(.withdrawn), referralId: rows.first { $0.referral.status == .sent }?.id ?? -1,
                                      by: marcus, at: Fixtures.now)
        d.send(.tick(now: Fixtures.now.addingTimeInterval(60), today: Fixtures.today))
        #expect(d.screen.contains("Referrals (\(overdue - 1) overdue)"), "\(d.screen)")
    }

    @Test("a liaison gives a referral in their queue to another liaison of their program")
    func reassignReferral() throws {
        let database = try Fixtures.demoDatabase()
        let rosa = try database.actAs(workerNamed: "Rosa Delgado", account: "rdelgado", at: Fixtures.now)
        let jordan = try database.addWorker(Worker(account: "jlee", name: "Jordan Lee", program: .calworks, office: "South",
                                                   role: .liaison), by: "root", at: Fixtures.now)
        let policy = AccessPolicy(viewer: rosa, isPracticeData: true, today: Fixtures.today)
        let queued = try #require(try database.referralRows(.mine, for: policy, at: Fixtures.now).first { $0.referral.assignedLiaisonId == rosa.id })
        var d = ScreenDriver(database: database, worker: rosa)
        d.press(.char("r"), .char("f"))
        d.press(.char("/"))
        d.type(queued.familyName)
        d.press(.enter)
        for _ in 0..<50 where d.top(as: ReferralsScreen.self)?.list.selected?.id != queued.id { d.press(.down) }
        d.press(.enter, .char("g"))
        #expect(d.top(as: ReferralScreen.self)?.prompt == .reassign(jordan.id!))
        d.press(.enter)
        let detail = try #require(d.top(as: ReferralScreen.self)?.detail)
        #expect(detail.referral.assignedLiaisonId == jordan.id)
        #expect(detail.events.last?.note == "Reassigned to Jordan Lee")
    }

    @Test("a supervisor sees a family's links across the programs with their evidence, and rejects a wrong one")
    func familyLinks() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: robert)
        d.press(.char("l"))
        d.type("jose nunez")
        d.press(.down, .enter, .char("L"))
        let links = try #require(d.top(as: MatchReviewScreen.self))
        #expect(links.title == "Links: Núñez-García, José" && links.pairs.count == 4)
        #expect(d.screen.contains("Link 1 of 4 · linked"), "\(d.screen)")
        d.press(.char("x"))
        #expect(d.top(as: MatchReviewScreen.self)?.pairs.count == 3, "a rejected link leaves the family's list")
        #expect(d.screen.contains("This pair will not be suggested again."))

        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var caseworker = ScreenDriver(database: database, worker: marcus)
        caseworker.press(.char("l"))
        caseworker.type("sarah mitchell")
        caseworker.press(.down, .enter, .char("L"))
        #expect(caseworker.screen.contains("Links are reviewed by supervisors."))
    }

    @Test("CalWORKs to Child Welfare, received and declined there, re-sent to a provider from the directory, accepted, closed")
    func referralAcrossPrograms() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: Fixtures.now)
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        func openSarah(_ d: inout ScreenDriver) {
            d.press(.char("l"))
            d.type("sarah mitchell")
            d.press(.down, .enter)
        }
        var calworks = ScreenDriver(database: database, worker: ana)
        openSarah(&calworks)
        calworks.press(.char("n"))
        // For Sarah herself; the help asked for: home safety.
        calworks.press(.right, .tab)
        calworks.type("h")
        calworks.press(.tab)
        calworks.press(.left)
        calworks.press(.tab, .tab, .tab)
        calworks.type("Outlets and cleaning supplies within reach")
        calworks.press(.enter)
        let sent = try #require(calworks.top(as: ReferralScreen.self)?.detail?.referral)
        #expect(sent.type == .homeSafety && sent.toProgram == .childWelfare && sent.status == .sent)
        #expect(sent.personId != nil)

        var childWelfare = ScreenDriver(database: database, worker: marcus)
        childWelfare.press(.char("r"), .char("f"))
        #expect(childWelfare.top(as: ReferralsScreen.self)?.filter == .incoming)
        for _ in 0..<80 where childWelfare.top(as: ReferralsScreen.self)?.list.selected?.id != sent.id { childWelfare.press(.down) }
        childWelfare.press(.enter, .char("v"), .char("d"))
        childWelfare.type("A home-safety provider fits better")
        childWelfare.press(.enter)
        #expect(childWelfare.top(as: ReferralScreen.self)?.detail?.referral.status == .declined)

        calworks.press(.char("R"), .char("t"))
        #expect(calworks.screen.contains("F2 Valley Family Resource Center: Home safety kits"), "\(calworks.screen)")
        calworks.press(.function(2), .enter)
        calworks.press(.char("v"), .char("a"), .char("c"), .enter)
        let closed = try #require(calworks.top(as: ReferralScreen.self)?.detail)
        #expect(closed.referral.destinationName == "Valley Family Resource Center: Home safety kits")
        #expect(closed.events.map(\.status) == [.draft, .sent, .received, .declined, .sent, .received, .accepted, .closed])
        #expect(closed.events[3].note == "A home-safety provider fits better")
    }

    @Test("starting loads the home figures")
    func startLoadsHome() {
        let driver = driver()
        #expect(driver.effectsRun == [.loadHome, .loadIntakeDrafts, .loadReferrals(.mineOverdue), .loadEmergencyOpenings, .loadPendingBases])
        #expect(driver.top(as: HomeScreen.self)?.summary?.familyCount ?? 0 > 190)
    }

    @Test("a letter on the home screen opens its screen, which loads its data")
    func homeLetters() {
        var d = driver()
        d.press(.char("i"))
        #expect(d.top(as: IntakeScreen.self) != nil)
        #expect(d.effectsRun.last == .loadEmergencyResponseQueue)
        d.press(.escape)
        #expect(d.top(as: HomeScreen.self) != nil)
        #expect(d.effectsRun.suffix(5) == [.loadHome, .loadIntakeDrafts, .loadReferrals(.mineOverdue), .loadEmergencyOpenings, .loadPendingBases])
        d.press(.down, .down, .enter)
        #expect(d.top(as: ReferralsScreen.self) != nil)
        d.press(.char("q"))
        d.press(.char("p"))
        #expect(d.top(as: PlansScreen.self) != nil)
    }

    @Test("typing in the lookup searches at every key, and q is typed, not 'back'")
    func lookupTyping() throws {
        var d = driver()
        d.press(.char("l"))
        d.type("quiq")
        let lookup = try #require(d.top(as: LookupScreen.self))
        #expect(lookup.field.text == "quiq")
        #expect(d.effectsRun.suffix(4) == [
            .search(query: "q", generation: 1), .search(query: "qu", generation: 2),
            .search(query: "qui", generation: 3), .search(query: "quiq", generation: 4),
        ])
        d.press(.ctrl("u"))
        #expect(d.top(as: LookupScreen.self)?.hits.isEmpty == true)
    }

    @Test("a slow answer to an earlier search is dropped")
    func staleResults() {
        var lookup = LookupScreen()
        _ = lookup.type(.char("a"), viewport: Size(width: 80, height: 21))
        _ = lookup.type(.char("b"), viewport: Size(width: 80, height: 21))
        let hit = FamilyHit(familyId: 1, displayName: "Old", matchedPeople: [], sources: [], city: nil,
                            tier: TierAssessment(tier: nil, reasons: []))
        _ = lookup.receive(.searchResults(generation: 1, LookupAnswer(hits: [hit], truncated: false, unfinished: [])))
        #expect(lookup.hits.isEmpty)
        _ = lookup.receive(.searchResults(generation: 2, LookupAnswer(hits: [hit], truncated: false, unfinished: [])))
        #expect(lookup.hits.map(\.displayName) == ["Old"])
    }

    @Test("from a search to the family, and back")
    func lookupToFamily() throws {
        var d = driver()
        d.press(.char("l"))
        d.type("sarah mitchell")
        #expect(d.top(as: LookupScreen.self)?.hits.first?.displayName == "Mitchell, Sarah")
        d.press(.down)
        #expect(d.top(as: LookupScreen.self)?.focus == .results)
        d.press(.enter)
        let family = try #require(d.top(as: FamilyScreen.self))
        #expect(family.detail?.family.displayName == "Mitchell, Sarah")
        #expect(d.screen.contains("Mitchell, Sarah"))
        d.press(.char("q"))
        #expect(d.top(as: LookupScreen.self)?.field.text == "sarah mitchell")
        d.press(.up)
        #expect(d.top(as: LookupScreen.self)?.focus == .search)
    }

    @Test("a key that does nothing now says why")
    func disabledKeys() {
        var d = driver()
        d.press(.char("l"))
        d.press(.enter)
        #expect(d.state.message == "No family is listed yet; type a name first.")
        #expect(d.screen.contains("No family is listed yet"))
        d.press(.escape)
        d.press(.char("z"))
        #expect(d.state.message == "z does nothing here; press ? to see the keys.")
        d.press(.char("j"))
        #expect(d.state.message == nil)
    }

    @Test("? shows every key of the screen, and any key closes it")
    func help() {
        var d = driver()
        d.press(.char("?"))
        #expect(d.state.helpScroll == 0)
        #expect(d.screen.contains("Keys for Home"))
        #expect(d.screen.contains("Open Household lookup"))
        d.press(.down)
        #expect(d.state.helpScroll == 1)
        d.press(.char("x"))
        #expect(d.state.helpScroll == nil)
        #expect(d.top(as: HomeScreen.self) != nil)
    }

    @Test("q leaves from home; Ctrl-C leaves from anywhere; signals leave with their status")
    func leaving() {
        var d = driver()
        d.press(.char("q"))
        #expect(d.exitStatus == 0)
        d = driver()
        d.press(.char("l"))
        d.type("ana")
        d.press(.ctrl("c"))
        #expect(d.exitStatus == 0)
        for (signal, code) in [(QuitSignal.hangup, Int32(129)), (.interrupt, 130), (.terminate, 143)] {
            var d = driver()
            d.send(.signal(signal))
            #expect(d.exitStatus == code)
        }
    }

    @Test("a window smaller than 80×24 says so, and only q does anything")
    func tooSmall() {
        var d = driver(size: Size(width: 60, height: 20))
        #expect(d.screen.contains("needs a window of at least 80×24"))
        d.press(.char("l"))
        #expect(d.top(as: HomeScreen.self) != nil)
        d.resize(to: Size(width: 100, height: 30))
        #expect(d.screen.contains("What do you want to do?"))
        d.resize(to: Size(width: 1, height: 1))
        #expect(d.grid.lines.count == 1)
        d.press(.char("q"))
        #expect(d.exitStatus == 0)
    }

    @Test("the referral list switches between open, incoming, outgoing, overdue, closed and all, and filters by text")
    func referralFilters() throws {
        var d = driver()
        d.press(.char("r"))
        func rows() throws -> [ReferralRow] { try #require(d.top(as: ReferralsScreen.self)?.list.rows) }
        let open = try rows().count
        d.press(.char("f"))
        #expect(d.top(as: ReferralsScreen.self)?.filter == .incoming)
        #expect(try rows().allSatisfy { $0.referral.toProgram == .calworks } && !rows().isEmpty)
        d.press(.char("f"))
        #expect(d.top(as: ReferralsScreen.self)?.filter == .outgoing)
        #expect(try rows().isEmpty, "the trainer sent none")
        d.press(.char("f"))
        #expect(d.top(as: ReferralsScreen.self)?.filter == .overdue)
        #expect(try rows().allSatisfy { $0.isOverdue(on: Fixtures.today) } && !rows().isEmpty)
        d.press(.char("f"))
        #expect(try rows().allSatisfy { $0.referral.status == .closed })
        d.press(.char("f"))
        #expect(try rows().count > open)
        d.press(.char("/"))
        d.type("housing")
        let shown = try #require(d.top(as: ReferralsScreen.self)?.list.visible)
        #expect(!shown.isEmpty && shown.allSatisfy { $0.referral.type == .housing || $0.familyName.localizedCaseInsensitiveContains("housing") })
        d.press(.enter)
        #expect(d.top(as: ReferralsScreen.self)?.list.filter.isEditing == false)
        d.press(.enter)
        #expect(d.top(as: ReferralScreen.self)?.detail?.referral.type == .housing)
    }

    @Test("/ filters the ER and plan lists too; Esc clears the filter")
    func listFilters() throws {
        var d = driver()
        d.press(.char("i"), .char("/"))
        d.type("mitchell")
        #expect(d.top(as: IntakeScreen.self)?.list.visible.map(\.familyName) == ["Mitchell, Sarah"])
        d.press(.escape)
        #expect(d.top(as: IntakeScreen.self)?.list.visible.count == d.top(as: IntakeScreen.self)?.list.rows?.count)
        #expect(d.top(as: IntakeScreen.self) != nil)
        d.press(.escape, .char("p"), .char("/"))
        d.type("linh")
        d.press(.enter)
        let plans = try #require(d.top(as: PlansScreen.self))
        #expect(!plans.list.visible.isEmpty && plans.list.visible.allSatisfy { $0.leadWorkerName == "Linh Tran" })
        #expect(!plans.list.filter.isEditing)
        d.press(.enter)
        #expect(d.top(as: PlanScreen.self) != nil)
    }

    @Test("a plan opens from the list and shows its tasks with their owners")
    func plans() throws {
        var d = driver()
        d.press(.char("p"), .enter)
        let plan = try #require(d.top(as: PlanScreen.self))
        #expect(plan.detail?.plan != nil)
        #expect(d.screen.contains("Goals: “"))
        d.press(.char("f"))
        #expect(d.top(as: FamilyScreen.self)?.detail?.plan != nil)
        d.press(.char("p"))
        #expect(d.top(as: PlanScreen.self) != nil)
    }

    @Test("the clock ticks every minute: lists others change are read again; a new day refreshes everything")
    func ticks() {
        // The trainer on practice data sees the supervisor's home: emergency openings too.
        var d = driver()
        let start: [Effect] = [.loadHome, .loadIntakeDrafts, .loadReferrals(.mineOverdue), .loadEmergencyOpenings, .loadPendingBases]
        let everyMinute: [Effect] = [.loadReferrals(.mineOverdue), .loadEmergencyOpenings, .loadPendingBases]
        #expect(d.effectsRun == start)
        d.send(.tick(now: Fixtures.now.addingTimeInterval(60), today: Fixtures.today))
        #expect(d.state.session.now == Fixtures.now.addingTimeInterval(60))
        #expect(d.effectsRun == start + everyMinute)
        // A key just before midnight keeps the session open past the idle limit.
        d.send(.clock(Fixtures.now.addingTimeInterval(86_340)))
        d.press(.char("j"))
        d.send(.tick(now: Fixtures.now.addingTimeInterval(86_400), today: Fixtures.today.adding(days: 1)))
        #expect(d.state.session.today == Fixtures.today.adding(days: 1))
        #expect(d.effectsRun == start + everyMinute + start)
    }
}
