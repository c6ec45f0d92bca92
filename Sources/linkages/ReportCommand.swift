import ArgumentParser
import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesStore

/// `linkages report`: the outcomes report for the county's own analysis.
struct ReportCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the outcomes report for a period (counts from 1 to 10 shown as <11), as Markdown, CSV or JSON.",
        discussion: "Every measure is defined in docs/outcomes.md. Without --from and --to, the twelve months up to today.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json
    }

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: ArgumentHelp("The period's first day (MM/DD/YYYY or YYYY-MM-DD).", valueName: "DATE")) var from: CalendarDate?
    @Option(help: ArgumentHelp("The period's last day; today when left out.", valueName: "DATE")) var to: CalendarDate?
    @Option(help: "Split every measure by office, program, tier or race.") var by: Breakdown?
    @Option(help: "md, csv or json.") var format = Format.md
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?

    func run() throws {
        try Failure.reported {
            let today = Clock.today()
            let last = to ?? today
            let first = from ?? ReportPeriod.yearEnding(last).from
            guard let period = ReportPeriod(from: first, to: last) else {
                throw InputError("--from (\(first.usFormat)) comes after --to (\(last.usFormat))")
            }
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let report = try database.outcomeReport(period: period, breakdown: by, for: policy, at: Date())
            let document: String
            switch format {
            case .md: document = report.markdown
            case .csv: document = ([OutcomeRow.header] + report.rows.map(\.cells)).map(CSVWriter.row).joined()
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                document = String(decoding: try encoder.encode(ReportFile(period: period, by: by, rows: report.rows)), as: UTF8.self) + "\n"
            }
            if let out {
                try WorkerFiles.write(Data(document.utf8), to: out)
            } else {
                print(document, terminator: "")
            }
        }
    }

    /// The JSON file: the period and breakdown, then every row.
    struct ReportFile: Encodable {
        var period: ReportPeriod
        var by: Breakdown?
        var rows: [OutcomeRow]
    }
}

extension Breakdown: ExpressibleByArgument {}
