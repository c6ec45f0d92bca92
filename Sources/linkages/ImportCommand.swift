import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages import calworks|cws FILE.csv`: one program's extract, in one transaction.
struct ImportCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CalWORKs or Child Welfare extract (CSV).",
        discussion: """
            The file's header names its columns (docs/import-formats.md). Columns named as \
            Linkages names them need no mapping; map others with --map FILE or --column. By \
            default one bad row rejects the whole file and nothing is imported.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case calworks, cws

        var program: Program { self == .calworks ? .calworks : .childWelfare }
    }

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Argument(help: ArgumentHelp("Which program the extract comes from.", valueName: "calworks|cws"))
    var source: Source

    @Argument(help: ArgumentHelp("The extract.", valueName: "FILE.csv"))
    var file: String

    @Option(name: .customLong("map"), help: ArgumentHelp("A file mapping Linkages' columns to the extract's (person_id = CLIENT_ID per line).", valueName: "FILE"))
    var mapFile: String?

    @Option(name: .customLong("column"), help: ArgumentHelp("Map one column: linkages_name=their_name (may be repeated).", valueName: "ours=theirs"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Import the good rows when there are at most this many bad ones.", valueName: "N"))
    var maxErrors = 0

    @Flag(help: ArgumentHelp("The file is all the source holds about its people: a blank cell clears the stored value (by default a blank keeps it)."))
    var snapshot = false

    @Flag(help: ArgumentHelp("Say what the import would change, column by column, and write nothing."))
    var dryRun = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let worker = try Identity.worker(in: database, withRole: [.admin, .supervisor], to: "import extracts")
            let name = (file as NSString).lastPathComponent
            guard let data = try WorkerFiles.read(file) else {
                throw InputError("cannot read \(file): no such file, or no permission")
            }
            let map = try columnMap()
            let progress = ProgressBar(label: "Importing \(name)")
            let started = Date()
            let options = ImportOptions(program: source.program, file: name, columnMap: map, maxErrors: maxErrors,
                                        account: worker.account, snapshot: snapshot, dryRun: dryRun)
            let report = try database.importExtract(data, options: options, at: started, progress: progress.update)
            progress.finish()
            print(Self.summary(report, file: name, seconds: Date().timeIntervalSince(started), dryRun: dryRun))
        }
    }

    func columnMap() throws -> ColumnMap {
        var map = ColumnMap()
        if let mapFile {
            guard let data = try WorkerFiles.read(mapFile) else {
                throw InputError("cannot read the map file \(mapFile)")
            }
            let name = (mapFile as NSString).lastPathComponent
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                throw InputError("\(name) is saved as UTF-16; save it again as plain text in UTF-8 (in Notepad: Save as, Encoding UTF-8)")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw InputError("\(name) is not UTF-8 text; save it again as plain text in UTF-8 (in Notepad: Save as, Encoding UTF-8)")
            }
            map = try ColumnMap.parse(text, file: name)
        }
        if !columns.isEmpty {
            let flags = try ColumnMap.parse(columns.joined(separator: "\n"), file: "--column")
            map.renames.merge(flags.renames) { _, flag in flag }
        }
        return map
    }

    static func summary(_ report: ImportReport, file: String, seconds: Double, dryRun: Bool = false) -> String {
        let rate = report.rows >= 10_000 ? " (\(Int(Double(report.rows) / seconds).formatted()) rows a second)" : ""
        let opening = dryRun
            ? "Checked \(report.rows.formatted()) rows from \(file) in \(String(format: "%.1f", seconds)) s; nothing was written (--dry-run). The import would make these changes:"
            : "Imported \(report.rows.formatted()) rows from \(file) in \(String(format: "%.1f", seconds)) s\(rate):"
        var lines = [
            opening,
            "  households: \(report.householdsAdded.formatted()) new, \(report.householdsUpdated.formatted()) with a changed address",
            "  people: \(report.peopleAdded.formatted()) new, \(report.peopleUpdated.formatted()) changed",
            "  program involvement: \(report.involvementsAdded.formatted()) new, \(report.involvementsChanged.formatted()) changed",
        ]
        let changed = ExtractColumn.allCases.compactMap { column in
            report.changedValues[column].map { "\(column.rawValue) \($0.formatted())" }
        }
        lines.append("  stored values changed: " + (changed.isEmpty ? "none" : changed.joined(separator: ", ")))
        if !report.absentColumns.isEmpty && report.peopleAdded < report.rows {
            lines.append("  not in this file, so kept as stored: " + report.absentColumns.map(\.rawValue).joined(separator: ", "))
        }
        if report.involvementsReopened > 0 {
            let count = report.involvementsReopened
            lines.append("  reopened: \(count.formatted()) closed involvement\(count == 1 ? "" : "s") the file says \(count == 1 ? "is" : "are") open again "
                + "(if this extract is older than the last one imported, import the newer one again)")
        }
        if report.repeatedPeople > 0 {
            let count = report.repeatedPeople
            let shown = report.repeatedPeopleLines.map(String.init).joined(separator: ", ") + (count > report.repeatedPeopleLines.count ? ", …" : "")
            lines.append("  \(count.formatted()) row\(count == 1 ? "" : "s") repeat a person listed earlier (line\(count == 1 ? "" : "s") \(shown)): "
                + "the later row's values were kept")
        }
        if report.placeholderSSNs > 0 {
            let count = report.placeholderSSNs
            lines.append("  \(count.formatted()) placeholder SSN\(count == 1 ? "" : "s") (such as 000-00-0000) kept as not known")
        }
        if report.emptyRowsSkipped > 0 {
            let rows = report.emptyRowsSkipped
            lines.append("  skipped \(rows.formatted()) empty row\(rows == 1 ? "" : "s") (rows of empty cells, as spreadsheets leave)")
        }
        if !report.skipped.isEmpty {
            lines.append("  skipped \(report.skippedRows) bad row\(report.skippedRows == 1 ? "" : "s"):")
            lines += report.skipped.map { "    \($0)" }
        }
        if !report.ignoredColumns.isEmpty {
            lines.append("  columns not used: " + report.ignoredColumns.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}


/// A progress bar on standard error when it is a terminal; nothing when piped.
///
/// It is drawn from a queue of its own: the import calls `update` while its transaction holds
/// the database, and a terminal that stops taking output (Ctrl-S, an SSH connection gone
/// quiet) must not keep that transaction, and every other worker, waiting.
final class ProgressBar: @unchecked Sendable {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1
    private let drawing = DispatchQueue(label: "linkages.progress")

    init(label: String) {
        self.label = label
    }

    func update(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int(fraction * 100)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let filled = percent / 5
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 20 - filled)
        let text = Data("\r\(label)  \(bar)  \(percent)%".utf8)
        drawing.async { FileHandle.standardError.write(text) }
    }

    /// Clears the bar once everything before it is drawn (after the import has committed).
    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        drawing.sync { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
