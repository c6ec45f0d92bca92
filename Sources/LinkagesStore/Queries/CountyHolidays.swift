import Foundation
import GRDB
import LinkagesDomain

/// The county's holidays: days that do not count as working days for the referral service
/// levels and the intake's Linkages coordination window. Counties close on different days, so
/// each enters its own calendar; with none entered only weekends are skipped.
extension AppDatabase {
    /// The holidays entered, earliest first.
    public func holidays() throws -> [CalendarDate] {
        try writer.read { db in try Self.holidays(db).sorted() }
    }

    static func holidays(_ db: Database) throws -> Set<CalendarDate> {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'holidays'") ?? ""
        return Set(stored.split(separator: ",").compactMap { CalendarDate(String($0)) })
    }

    /// Replaces the county's holidays with `days` (an empty list clears them), audited.
    public func setHolidays(_ days: [CalendarDate], by account: String, at time: Date) throws {
        try setSetting("holidays", to: Set(days).sorted().map(\.iso).joined(separator: ","), by: account, at: time)
    }
}
