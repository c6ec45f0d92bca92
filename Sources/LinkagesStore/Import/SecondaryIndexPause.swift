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

    /// Builds the indexes set aside again.
    func resume(_ db: Database) throws {
        for sql in indexSQL {
            try db.execute(sql: sql)
        }
    }
}
