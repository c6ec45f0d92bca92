import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// The outcomes dashboard as a program manager uses it: the measures for a period, a rate by
/// race/ethnicity, another period; and its charts, in blocks and in ASCII.
@Suite("Outcomes dashboard")
struct OutcomesScreenTests {
    func supervisor(size: Size = Size(width: 80, height: 24), plainCharts: Bool = false) throws -> ScreenDriver {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: Fixtures.now)
        return ScreenDriver(database: database, size: size, worker: robert, plainCharts: plainCharts)
    }

    @Test("the measures for the last 12 months, then closed-loop by race beside the county, then last year")
    func dashboard() throws {
        var d = try supervisor()
        #expect(d.screen.contains("o  Outcomes"))
        d.press(.char("o"))
        #expect(d.effectsRun.last == .loadOutcomes(PeriodPreset.lastTwelveMonths.period(today: Fixtures.today), breakdown: nil))
        Golden.check(d.screen, named: "outcomes-80x24.txt")
        // A count has no groups to compare: the key says why instead.
        d.press(.char("d"))
        #expect(d.top(as: OutcomesScreen.self)?.view == .measures)
        d.press(.down, .down, .down, .char("d"))
        #expect(d.top(as: OutcomesScreen.self)?.selected == .closedLoopRate)
        Golden.check(d.screen, named: "outcomes-disparity-80x24.txt")
        // ↓ goes to the next measure that can be compared: the median, then the overdue share.
        d.press(.down)
        #expect(d.top(as: OutcomesScreen.self)?.selected == .daysToFirstContact)
        d.press(.down)
        #expect(d.top(as: OutcomesScreen.self)?.selected == .overdueShare)
        d.press(.left)
        #expect(d.screen.contains("Last calendar year · 01/01/2025–12/31/2025"))
        let lastYear = PeriodPreset.lastYear.period(today: Fixtures.today)
        #expect(Array(d.effectsRun.suffix(2)) == [.loadOutcomes(lastYear, breakdown: nil), .loadOutcomes(lastYear, breakdown: .race)])
        d.press(.escape)
        #expect(d.top(as: OutcomesScreen.self)?.view == .measures)
        #expect(d.screen.contains("Last calendar year"))
    }

    @Test("a breakdown longer than the room left scrolls with PgDn and PgUp, and starts at its top for another measure")
    func scrollingBreakdown() throws {
        var d = try supervisor()
        d.press(.char("o"), .down, .down)
        #expect(d.top(as: OutcomesScreen.self)?.selected == .referralsSent)
        Golden.check(d.screen, named: "outcomes-breakdown-top-80x24.txt")
        d.press(.pageDown)
        Golden.check(d.screen, named: "outcomes-breakdown-scrolled-80x24.txt")
        for _ in 0..<20 { d.press(.pageDown) }
        let bottom = try #require(d.top(as: OutcomesScreen.self)?.detailOffset)
        #expect(d.screen.contains("PgUp for more") && !d.screen.contains("PgUp PgDn"))
        d.press(.pageUp)
        #expect(try #require(d.top(as: OutcomesScreen.self)?.detailOffset) < bottom)
        d.press(.down)
        #expect(d.top(as: OutcomesScreen.self)?.detailOffset == 0)
    }

    @Test("under NO_COLOR the charts are plain ASCII, on a larger terminal with more detail")
    func plainCharts() throws {
        var d = try supervisor(size: Size(width: 100, height: 30), plainCharts: true)
        d.press(.char("o"), .down)
        Golden.check(d.screen, named: "outcomes-plain-100x30.txt")
        let charts = d.screen.split(separator: "\n").dropFirst(2)
        #expect(!charts.contains { $0.contains { "▁▂▃▄▅▆▇█░▏▎▍▌▋▊▉·".contains($0) } })
    }

    @Test("an answer for a period no longer shown is dropped")
    func staleAnswer() throws {
        let session = Session(worker: Fixtures.trainer, databaseName: "t", databaseKind: .demo, today: Fixtures.today, now: Fixtures.now,
                              questionBank: Fixtures.questionBank)
        var screen = OutcomesScreen(session: session)
        _ = screen.perform(.nextPeriod, viewport: Size(width: 80, height: 22))
        #expect(screen.preset == .lastSixMonths)
        let old = OutcomeReport.compute(families: [], referrals: [], period: PeriodPreset.lastTwelveMonths.period(today: Fixtures.today),
                                        breakdown: nil, serviceLevels: ReferralServiceLevels())
        _ = screen.receive(.outcomes(old))
        #expect(screen.report == nil)
    }

    @Test("a caseworker has no outcomes on the home screen")
    func caseworker() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        var d = ScreenDriver(database: database, worker: marcus)
        #expect(!d.screen.contains("Outcomes"))
        d.press(.char("o"))
        #expect(d.top(as: HomeScreen.self) != nil)
    }
}

/// Sparklines and bars, drawn to scale except where a number is withheld.
@Suite("Terminal charts")
struct ChartTests {
    @Test("a sparkline: zero at the bottom, the largest at the top, 1 to 10 withheld")
    func sparkline() {
        #expect(Charts.sparkline([0, 11, 22, 44, 5], plain: false) == "▁▄▅█·")
        #expect(Charts.sparkline([0, 11, 22, 44, 5], plain: true) == "_=+#?")
        #expect(Charts.sparkline([3, 0], plain: false) == "·▁")
    }

    @Test("a bar fills in eighths of a cell and never runs past its width", arguments: [
        (0.0, "░░░░"), (0.5, "██░░"), (0.53, "██▏░"), (1.0, "████"), (1.7, "████"), (-1.0, "░░░░"),
    ])
    func bar(fraction: Double, expected: String) {
        #expect(Charts.bar(fraction, width: 4, plain: false) == expected)
    }

    @Test("a plain bar is hashes and dots")
    func plainBar() {
        #expect(Charts.bar(0.5, width: 4, plain: true) == "##..")
        #expect(Charts.bar(0.3, width: 10, plain: true) == "###.......")
    }
}
