import Foundation
import LinkagesTestSupport
import Testing

/// `linkages report` through the real binary, as a program manager runs it.
@Suite("The outcomes report from the shell", .serialized)
struct ReportEndToEndTests {
    func linkages(_ arguments: [String], home: URL) throws -> (status: Int32, output: String) {
        try LinkagesCommand.run(arguments, home: home)
    }

    @Test("a supervisor exports the year by race as CSV with small counts suppressed; a reversed period and a caseworker are refused")
    func report() throws {
        let home = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let database = home.appendingPathComponent("demo.sqlite").path
        #expect(try linkages(["demo", "--db", database, "--seed-only", "--as", "Patricia Owens"], home: home).status == 0)

        let csv = try linkages(["report", "--db", database, "--by", "race", "--format", "csv"], home: home)
        #expect(csv.status == 0, "\(csv.output)")
        let lines = csv.output.components(separatedBy: "\r\n")
        #expect(lines.first == "measure,part,label,count,numerator,denominator,value,shown")
        #expect(lines.contains { $0.hasPrefix("staffing-coverage,race,Black,") }, "\(csv.output)")
        #expect(lines.contains { $0.hasSuffix(",,,,,<11") }, "small counts leave their numbers empty")

        let markdown = try linkages(["report", "--db", database, "--from", "2026-01-01", "--to", "06/30/2026"], home: home)
        #expect(markdown.output.hasPrefix("# Linkages outcomes, 01/01/2026–06/30/2026"), "\(markdown.output)")
        #expect(markdown.output.contains("## Closed-loop rate"))

        let reversed = try linkages(["report", "--db", database, "--from", "12/31/2026", "--to", "01/01/2026"], home: home)
        #expect(reversed.status == 1 && reversed.output.contains("--from (12/31/2026) comes after --to (01/01/2026)"), "\(reversed.output)")

        #expect(try linkages(["demo", "--db", database, "--seed-only"], home: home).status == 0)
        let refused = try linkages(["report", "--db", database], home: home)
        #expect(refused.status == 1 && refused.output.contains("the outcomes report is for supervisors"), "\(refused.output)")
    }
}
