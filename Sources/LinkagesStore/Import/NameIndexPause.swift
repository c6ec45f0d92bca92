import GRDB

/// Keeps the people's name indexes (FTS5) in step with a bulk import at a tenth of the cost of
/// their per-row triggers: the triggers are set aside inside the import's transaction, the import
/// writes each new person's lookup terms itself (worked out on the reading thread) and moves a
/// renamed person's entries in both indexes, and the intake's index takes the new people in one
/// statement at the end. A rollback brings the triggers back with everything else.
struct NameIndexPause {
    private let triggerSQL: [String]
    private let firstNewPerson: Int64

    /// Sets the person table's name-index triggers aside. Call inside the transaction.
    init(_ db: Database) throws {
        triggerSQL = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person' AND (name LIKE '__personFts_%' OR name LIKE 'personLookup_%')
            """)
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'person' AND (name LIKE '__personFts_%' OR name LIKE 'personLookup_%')
            """)
        for name in names {
            try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
        }
        firstNewPerson = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0) + 1
    }

    /// Indexes the new people in the intake's index and puts the triggers back. (The import
    /// itself moves renamed people in both indexes, and writes new people's lookup terms.)
    func resume(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO personFts(rowid, firstName, middleName, lastName)
            SELECT id, firstName, middleName, lastName FROM person WHERE id >= ?
            """, arguments: [firstNewPerson])
        for sql in triggerSQL {
            try db.execute(sql: sql)
        }
    }
}
