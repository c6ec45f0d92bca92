import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The outcomes report against a real database: every query docs/outcomes.md gives recomputes
/// the report's number; who may read it; how mutual families get noted.
@Suite("Outcomes in the store")
struct OutcomeStoreTests {
    let now = Fixtures.now

    /// The `-- measure: ID PART` queries of docs/outcomes.md, by "ID PART".
    static func documentedQueries() throws -> [String: String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/outcomes.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        var queries: [String: String] = [:]
        for block in text.components(separatedBy: "-- measure: ").dropFirst() {
            let name = String(block.prefix { $0 != "\n" })
            let body = block.drop { $0 != "\n" }
            queries[name] = String(body.prefix { $0 != ";" })
        }
        return queries
    }

    static func run(_ sql: String, period: ReportPeriod, in database: AppDatabase) throws -> [Row] {
        let bound = sql.replacingOccurrences(of: ":from", with: "'\(period.from.iso)'").replacingOccurrences(of: ":to", with: "'\(period.to.iso)'")
        return try database.writer.read { db in try Row.fetchAll(db, sql: bound) }
    }

    @Test("each query in docs/outcomes.md gives the report's number on the demo database")
    func documentedQueriesAgree() throws {
        let database = try Fixtures.demoDatabase()
        let owens = AccessPolicy(viewer: try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: now),
                                 isPracticeData: true, today: Fixtures.today)
        let queries = try Self.documentedQueries()
        #expect(queries.count == 12, "\(queries.keys.sorted())")
        for period in [ReportPeriod.yearEnding(Fixtures.today), ReportPeriod(from: Fixtures.today.adding(days: -30), to: Fixtures.today.adding(days: -3))!] {
            let report = try database.outcomeReport(period: period, breakdown: nil, for: owens, at: now)
            func number(_ name: String) throws -> Int {
                let sql = try #require(queries[name], "no query \(name)")
                let value: Int? = try Self.run(sql, period: period, in: database).first?[0]
                return try #require(value)
            }
            func rate(_ measure: OutcomeMeasure) throws -> Figure {
                .rate(numerator: try number("\(measure.rawValue) numerator"), denominator: try number("\(measure.rawValue) denominator"))
            }
            #expect(report.result(.mutualIdentified)?.overall == .count(try number("mutual-identified count")))
            #expect(report.result(.referralsSent)?.overall == .count(try number("referrals-sent count")))
            #expect(report.result(.closedLoopRate)?.overall == (try rate(.closedLoopRate)))
            #expect(report.result(.plansWithTeamMeeting)?.overall == (try rate(.plansWithTeamMeeting)))
            #expect(report.result(.staffingCoverage)?.overall == (try rate(.staffingCoverage)))
            let days = try Self.run(try #require(queries["days-to-first-contact days"]), period: period, in: database).map { Int($0[0] as Double) }
            let middle = days.count / 2
            let median: Double? = days.isEmpty ? nil : days.count % 2 == 1 ? Double(days[middle]) : Double(days[middle - 1] + days[middle]) / 2
            #expect(report.result(.daysToFirstContact)?.overall == .median(days: median, of: days.count))
            let open = try Self.run(try #require(queries["overdue-share open"]), period: period, in: database)
            guard case .rate(_, let denominator)? = report.result(.overdueShare)?.overall else {
                Issue.record("the overdue share is a rate")
                continue
            }
            #expect(open.count == denominator)
            for listing in ["ab135-reunified clocks", "reentry-12-months closures"] {
                _ = try Self.run(try #require(queries[listing]), period: period, in: database)
            }
        }
        #expect(try database.auditEvents(limit: 1).first?.action == .viewOutcomes)
    }

    @Test("the demo's year tells a story: every measure has a number, and the county got better at closing the loop")
    func demoYear() throws {
        let database = try Fixtures.demoDatabase()
        let owens = AccessPolicy(viewer: try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: now),
                                 isPracticeData: true, today: Fixtures.today)
        let year = try database.outcomeReport(period: .yearEnding(Fixtures.today), breakdown: nil, for: owens, at: now)
        // Re-entry rests on a handful of closures in a county this small, so it is withheld.
        for measure in OutcomeMeasure.allCases where measure != .reentryWithinYear {
            let figure = try #require(year.result(measure)?.overall)
            #expect((figure.value ?? 0) > 0, "\(measure.rawValue): \(figure.text)")
        }
        #expect(year.result(.mutualIdentified)?.categories.allSatisfy { ($0.figure.value ?? 0) > 0 } == true,
                "\(year.result(.mutualIdentified)?.categories.map(\.figure.text) ?? [])")
        // A quarter at the year's start against one three to six months ago: the same length,
        // each as far from today, so that as many referrals have had time to close.
        func report(monthsAgo: ClosedRange<Int>) throws -> OutcomeReport {
            let period = try #require(ReportPeriod(from: Fixtures.today.adding(months: -monthsAgo.upperBound),
                                                   to: Fixtures.today.adding(months: -monthsAgo.lowerBound)))
            return try database.outcomeReport(period: period, breakdown: nil, for: owens, at: now)
        }
        let early = try report(monthsAgo: 9...12)
        let late = try report(monthsAgo: 3...6)
        let closedEarly = try #require(early.result(.closedLoopRate)?.overall.value)
        let closedLate = try #require(late.result(.closedLoopRate)?.overall.value)
        #expect(closedLate > closedEarly, "\(closedEarly) then \(closedLate)")
        let contactEarly = try #require(early.result(.daysToFirstContact)?.overall.value)
        let contactLate = try #require(late.result(.daysToFirstContact)?.overall.value)
        #expect(contactLate < contactEarly, "\(contactEarly) then \(contactLate)")
    }

    @Test("caseworkers may not read the report; a supervisor may")
    func whoMayRead() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = AccessPolicy(viewer: try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now),
                                  isPracticeData: true, today: Fixtures.today)
        #expect(throws: WorkRefusal("the outcomes report is for supervisors, liaisons and administrators")) {
            try database.outcomeReport(period: .yearEnding(Fixtures.today), breakdown: nil, for: marcus, at: now)
        }
    }
}
