import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain

/// What to import and how forgiving to be.
public struct ImportOptions: Sendable {
    public var program: Program
    /// The file's name, for messages.
    public var file: String
    public var columnMap: ColumnMap
    /// How many bad rows may be skipped; with 0 (the default) one bad row rejects the file.
    public var maxErrors: Int
    /// The account importing, written to the audit trail with the import; nil for the demo and benchmarks.
    public var account: String?
    /// The file is the whole of what the source holds about the people in it: a blank cell in
    /// one of its columns clears the stored value. Otherwise a blank keeps it.
    public var snapshot: Bool
    /// Work out everything the import would change, and write nothing.
    public var dryRun: Bool

    public init(program: Program, file: String, columnMap: ColumnMap = ColumnMap(), maxErrors: Int = 0, account: String? = nil,
                snapshot: Bool = false, dryRun: Bool = false) {
        self.program = program
        self.file = file
        self.columnMap = columnMap
        self.maxErrors = maxErrors
        self.account = account
        self.snapshot = snapshot
        self.dryRun = dryRun
    }
}

/// A row that could not be imported: where, which column, and why.
public struct ImportRowError: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: String
    public var reason: String

    public var description: String { "\(file), line \(line), column \(column): \(reason)" }
}

/// What an import did (or, in a dry run, would do).
public struct ImportReport: Equatable, Sendable {
    public var rows = 0
    public var peopleAdded = 0
    /// People stored before whose values the import changed.
    public var peopleUpdated = 0
    public var householdsAdded = 0
    /// Households stored before whose address the import changed.
    public var householdsUpdated = 0
    public var involvementsAdded = 0
    /// Stored involvements whose status, dates or standing the import changed.
    public var involvementsChanged = 0
    /// How many stored values each column changed (people, households and involvements).
    public var changedValues: [ExtractColumn: Int] = [:]
    /// The program's columns this file does not have: their stored values were kept.
    public var absentColumns: [ExtractColumn] = []
    /// Rows of empty cells, as spreadsheets leave below the data.
    public var emptyRowsSkipped = 0
    /// Rows of a person the file listed before (the later row's values are kept), and the
    /// first of their lines.
    public var repeatedPeople = 0
    public var repeatedPeopleLines: [Int] = []
    /// SSNs written as placeholders (000-00-0000 and the like), kept as not known.
    public var placeholderSSNs = 0
    /// Closed involvements the file says are open again (their end dates cleared).
    public var involvementsReopened = 0
    /// Problems in the rows skipped under `--max-errors` (a row may have several).
    public var skipped: [ImportRowError] = []

    /// How many rows were skipped.
    public var skippedRows: Int { Set(skipped.map(\.line)).count }
    /// Header columns Linkages does not use.
    public var ignoredColumns: [String] = []
}

/// Why nothing was imported.
public enum ImportFailure: Error, Equatable, CustomStringConvertible {
    case malformed(CSVError)
    case extract(ExtractError)
    case badRows([ImportRowError], allowed: Int)
    case empty(String)

    public var description: String {
        switch self {
        case .malformed(let error): return "\(error); nothing was imported"
        case .extract(let error): return "\(error); nothing was imported"
        case .empty(let file): return "\(file) has no rows; nothing was imported"
        case .badRows(let errors, let allowed):
            let list = errors.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            let more = errors.count > 20 ? "\n  … and \(errors.count - 20) more" : ""
            let rows = Set(errors.map(\.line)).count
            let rule = allowed == 0 ? "one bad row rejects the file" : "more than \(allowed) bad rows reject the file"
            return "\(rows) bad row\(rows == 1 ? "" : "s") (\(rule)); nothing was imported:\n\(list)\(more)"
        }
    }
}

extension AppDatabase {
    /// Imports one program's extract in a single transaction (see ``ImportSession``): every row
    /// or none. A row whose person id is already known from an earlier extract updates that person.
    ///
    /// - Parameter progress: called now and then with the share of the file read.
    public func importExtract(
        _ data: Data, options: ImportOptions, at time: Date, progress: (Double) -> Void = { _ in }
    ) throws -> ImportReport {
        let reader = CSVReader(data: data, file: options.file)
        let header: [String]
        do {
            guard let first = try reader.next() else { throw ImportFailure.empty(options.file) }
            header = first.fields
            let resolved = try options.columnMap.resolve(header: header, program: options.program, file: options.file)
            return try ImportSession.run(writer, commit: !options.dryRun) { db in
                try ensureStillInPlace()
                // A large page cache keeps the transaction's pages in memory until the commit,
                // instead of spilling them to the journal or the WAL along the way.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -262144")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                // A full extract's rows run to about 150 to 250 bytes; the maps are sized for the shorter.
                let expectedRows = data.count / 150
                let nameIndex = try NameIndexPause(db)
                var importer = try ExtractImporter(db: db, options: options, columns: resolved.columns,
                                                   headerWidth: header.count, expectedRows: expectedRows, time: time)
                let placer = try RowPlacer(db, source: importer.source, expectedRows: expectedRows)
                let indexes = try SecondaryIndexPause(db, firstExtract: placer.knowsNoHousehold, expectedRows: expectedRows)
                importer.report.ignoredColumns = resolved.ignored
                importer.report.absentColumns = ExtractColumn.columns(for: options.program).filter { resolved.columns[$0] == nil }
                let pipeline = RowPipeline(reader: reader, columns: resolved.columns, program: options.program,
                                           headerWidth: header.count, placer: consume placer)
                defer { pipeline.cancel() }
                while let batch = try pipeline.next() {
                    for item in batch { try importer.add(item) }
                    progress(pipeline.fractionRead)
                }
                try importer.finish()
                guard importer.report.rows > 0 || importer.errorCount > 0 else { throw ImportFailure.empty(options.file) }
                // A dry run is rolled back: there is nothing to index.
                if !options.dryRun {
                    try indexes.resume(db)
                    try nameIndex.resume(db)
                }
                if let account = options.account, !options.dryRun {
                    let report = importer.report
                    try AuditTrail.append(AuditEntry(
                        account: account, action: .importExtract,
                        detail: "\(options.program.rawValue) extract \(options.file): \(report.rows) rows, \(report.skippedRows) skipped"),
                        at: time, in: db)
                }
                progress(1)
                return importer.report
            }
        } catch let error as CSVError {
            throw ImportFailure.malformed(error)
        } catch let error as ExtractError {
            throw ImportFailure.extract(error)
        }
    }
}
