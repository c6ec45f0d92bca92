import GRDB
import LinkagesDomain

/// Calendar dates are stored as `YYYY-MM-DD` text, so that SQL comparisons and the sqlite3
/// shell both read them correctly.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}
