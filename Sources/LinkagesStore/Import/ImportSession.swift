import GRDB

/// How a bulk import holds the database: one immediate transaction, with the two costs that buy
/// nothing for rows the import links itself set aside.
///
/// - **Foreign keys are not checked row by row.** Every household, person and involvement the
///   import writes refers to a row it inserted or loaded in the same transaction, so a check per
///   row (three B-tree lookups) proves nothing. They are back on before the connection is used
///   for anything else.
/// - **The rollback journal instead of the WAL, when no one else has the database open.** A new
///   page then goes to the file once, where through the WAL it is written twice (to the log,
///   then checkpointed into the file): about 1.5 of a million-row import's 15 seconds. Switching
///   needs every other connection closed, so when a worker's terminal has the database open the
///   import keeps the WAL and they can go on reading. The WAL is restored at the end; if the
///   process dies before that, the next opening restores it (and rolls a half-written import
///   back from the journal, as it would from the log).
enum ImportSession {
    /// Runs `body` in one transaction, committed when it returns (rolled back instead when
    /// `commit` is false: a dry run) and rolled back when it throws.
    static func run<T>(_ writer: any DatabaseWriter, commit: Bool = true, _ body: (Database) throws -> T) throws -> T {
        // This process's idle readers would keep the database "open elsewhere".
        (writer as? DatabasePool)?.invalidateReadOnlyConnections()
        return try writer.writeWithoutTransaction { db in
            let tookOver = try useRollbackJournalIfAlone(db)
            // Should this fail (it needs the database to itself again), the next opening turns
            // the WAL back on: every connection Linkages opens asks for it.
            defer { if tookOver { try? db.execute(sql: "PRAGMA journal_mode = WAL") } }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return commit ? .commit : .rollback
            }
            guard let result else { preconditionFailure("a committed transaction ran its body") }
            return result
        }
    }

    /// Leaves the WAL for the rollback journal when no other connection has the database open;
    /// true when it did. Does not wait: a busy database keeps the WAL.
    private static func useRollbackJournalIfAlone(_ db: Database) throws -> Bool {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" else { return false }
        do {
            return try LockWait.withoutWaiting {
                try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")?.lowercased() == "delete"
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        }
    }
}
