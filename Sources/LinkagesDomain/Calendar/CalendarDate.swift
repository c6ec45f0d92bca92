import Foundation

/// A day on the calendar, without a time or a time zone: a date of birth, a referral date,
/// a due date. Stored and exchanged as `YYYY-MM-DD`; shown to workers as `MM/DD/YYYY`.
///
/// Dates of birth and due dates must never shift by a day because of a time zone, which is
/// what happens when they are kept as `Date` instants; this type makes that impossible.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when the day does not exist (February 30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: Text

    /// `YYYY-MM-DD`, the storage and file format (built from its ten bytes: dates are written by the million).
    public var iso: String {
        guard year < 10_000 else { return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) }
        let bytes: [UInt8] = [
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 45,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `MM/DD/YYYY`, the way California forms write dates.
    public var usFormat: String {
        Self.padded(month, 2) + "/" + Self.padded(day, 2) + "/" + Self.padded(year, 4)
    }

    /// Zero-padded digits, without the cost of `String(format:)` (dates are written by the million).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public var description: String { iso }

    /// Reads `YYYY-MM-DD` or `MM/DD/YYYY` (surrounding spaces allowed).
    public static func parse(_ text: String) -> Result<CalendarDate, DateParseError> {
        if let date = isoFastPath(text) { return .success(date) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.empty) }
        let parts: [Substring]
        let order: (y: Int, m: Int, d: Int)
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
                return .failure(.notADate(trimmed))
            }
        } else if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            order = (2, 0, 1)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4
            else { return .failure(.notADate(trimmed)) }
        } else {
            return .failure(.notADate(trimmed))
        }
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[order.y]), let month = Int(parts[order.m]), let day = Int(parts[order.d])
        else { return .failure(.notADate(trimmed)) }
        guard year >= 1 else { return .failure(.notADate(trimmed)) }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(month)) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(.noSuchDay(month: month, day: day, year: year))
        }
        return .success(date)
    }

    /// `YYYY-MM-DD` read straight from the bytes: most dates in extracts and in the database.
    private static func isoFastPath(_ text: String) -> CalendarDate? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> CalendarDate? in
            guard bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        } ?? nil
    }

    /// Reads `YYYY-MM-DD` or `MM/DD/YYYY`, or returns nil.
    public init?(_ text: String) {
        guard case .success(let date) = CalendarDate.parse(text) else { return nil }
        self = date
    }

    // MARK: Arithmetic

    /// Days since 0001-01-01 (proleptic Gregorian), for arithmetic.
    public var dayNumber: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDate.daysIn(month: m, year: year) }
        return days + day - 1
    }

    public init(dayNumber: Int) {
        // Walk forward by 400-year cycles (146,097 days), then years, then months.
        var remaining = dayNumber
        var year = 1 + 400 * (remaining / 146_097)
        remaining %= 146_097
        while true {
            let length = CalendarDate.isLeapYear(year) ? 366 : 365
            if remaining < length { break }
            remaining -= length
            year += 1
        }
        var month = 1
        while remaining >= CalendarDate.daysIn(month: month, year: year) {
            remaining -= CalendarDate.daysIn(month: month, year: year)
            month += 1
        }
        self.year = year
        self.month = month
        self.day = remaining + 1
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Adds calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> CalendarDate {
        let total = (year * 12 + (month - 1)) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay)!
    }

    public func adding(years: Int) -> CalendarDate {
        adding(months: years * 12)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Age in whole years on `date` (a birthday on February 29 counts on March 1 in common years).
    public func age(on date: CalendarDate) -> Int {
        var age = date.year - year
        if (date.month, date.day) < (month, day) { age -= 1 }
        return age
    }

    /// 1 = Monday … 7 = Sunday. 0001-01-01 was a Monday.
    public var isoWeekday: Int {
        dayNumber % 7 + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The first day of this date's month.
    public var startOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Today

    /// Today's date in the given time zone (the county's, by default the machine's).
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    // MARK: Codable as a single `YYYY-MM-DD` string

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch CalendarDate.parse(text) {
        case .success(let date): self = date
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Why a date could not be read, in words a worker understands.
public enum DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notADate(String)
    case noSuchMonth(Int)
    case noSuchDay(month: Int, day: Int, year: Int)

    public var description: String {
        switch self {
        case .empty:
            return "no date given"
        case .notADate(let text):
            return "'\(text)' is not a date; write it as MM/DD/YYYY"
        case .noSuchMonth(let month):
            return "there is no month \(month)"
        case .noSuchDay(let month, let day, let year):
            return "\(CalendarDate.monthNames[month - 1]) \(year) has no day \(day)"
        }
    }
}

extension CalendarDate {
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension CalendarDate {
    /// The instant at the given local time on this day, for timestamps built from dates
    /// (demo data, fixtures).
    public func instant(hour: Int = 12, minute: Int = 0, timeZone: TimeZone = .current) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }
}
