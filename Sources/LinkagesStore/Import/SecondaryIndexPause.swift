import Foundation
import GRDB

/// Sets the person and involvement tables' secondary indexes aside while a large extract is
/// imported, and builds them again at the end: sorting a million keys once costs about half as
/// much as a million insertions at random places in each index (docs/benchmarks.md). A rollback
/// brings the indexes back with everything else.
///
/// Only for a program's first extract, which adds rows and never looks one up by these indexes
/// (a later extract deletes each known household's involvement by household), and only when it
/// may add at least as many people as the table holds: a small extract into a large county is
/// cheaper to index row by row.
struct SecondaryIndexPause {
    private let indexSQL: [String]

    /// Sets the indexes aside for a first extract of `expectedRows` rows or so, when that is at
    /// least the people already stored. Call inside the transaction.
    init(_ db: Database, firstExtract: Bool, expectedRows: Int) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        guard firstExtract && expectedRows >= stored else {
            indexSQL = []
            return
        }
        // Indexes SQLite makes for UNIQUE constraints have no SQL and stay.
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('person', 'involvement') AND sql IS NOT NULL
            """)
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        indexSQL = indexes.map { $0["sql"] }
    }

    /// Builds the indexes set aside again, sorting on a second core when there is one.
    func resume(_ db: Database) throws {
        guard !indexSQL.isEmpty else { return }
        // SQLite's sorter hands sorted runs to a helper thread only once they outgrow the page
        // cache, so the cache is made small for these statements, and told not to spill, which
        // keeps the transaction's pages in memory (about 0.8 s less on a million people, see
        // docs/decisions.md). The runs go to temporary files only the user can read, deleted as
        // they are opened; an installed Linkages keeps them in memory and sorts on one core.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let helpers = max(0, min(ProcessInfo.processInfo.activeProcessorCount - 1, 4))
        try db.execute(sql: "PRAGMA threads = \(helpers)")
        try db.execute(sql: "PRAGMA cache_spill = OFF")
        try db.execute(sql: "PRAGMA cache_size = -8192")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
            try? db.execute(sql: "PRAGMA cache_spill = ON")
            try? db.execute(sql: "PRAGMA threads = 0")
        }
        for sql in indexSQL {
            try db.execute(sql: sql)
        }
    }
}
