import GRDB
import GRDBSQLite

/// A prepared GRDB statement run many times in a bulk import, with its values bound straight
/// through SQLite's C API.
///
/// GRDB still opens the connection, owns the transaction and prepares the statement. Only the
/// binding skips GRDB's generic `StatementArguments`: converting each optional value through it
/// cost several microseconds of runtime type lookups per row, which made a million-row import
/// take minutes (measured in docs/decisions.md). Everything else in the store uses GRDB's API.
struct BulkStatement {
    private let statement: Statement
    private let connection: SQLiteConnection
    private var index: Int32 = 1

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection!
    }

    /// Binds the next value: text, or NULL for nil.
    mutating func bind(_ text: String?) {
        if var text {
            // Native strings hand over their UTF-8 with its length (no strlen, no copy here).
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let start = chars.baseAddress {
                        _ = sqlite3_bind_text(statement.sqliteStatement, index, start, Int32(chars.count), SQLITE_TRANSIENT_SWIFT)
                    } else {
                        _ = sqlite3_bind_text(statement.sqliteStatement, index, "", 0, SQLITE_TRANSIENT_SWIFT)
                    }
                }
            }
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
        index += 1
    }

    mutating func bind(_ number: Int64?) {
        if let number {
            sqlite3_bind_int64(statement.sqliteStatement, index, number)
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
        index += 1
    }

    /// Runs a query with the values bound since the last run and reads its rows, in order.
    /// `read` must take what it needs from the row: the row is gone once it returns.
    mutating func rows<Row>(_ read: (BulkRow) -> Row) throws -> [Row] {
        defer {
            sqlite3_reset(statement.sqliteStatement)
            index = 1
        }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(statement.sqliteStatement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                                    sql: statement.sql)
            }
            rows.append(read(BulkRow(statement: statement.sqliteStatement)))
        }
    }

    /// Runs the statement with the values bound since the last run.
    mutating func run() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        index = 1
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                                sql: statement.sql)
        }
    }
}

/// The current row of a ``BulkStatement`` query, read by column position.
struct BulkRow {
    fileprivate let statement: SQLiteStatement

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: bytes)
    }

    func int64(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }
}

/// SQLite copies a bound text value when told its storage is transient.
private let SQLITE_TRANSIENT_SWIFT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
