import Testing
@testable import LinkagesDomain

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("reads both the storage and the form formats")
    func parsesBothFormats() {
        #expect(CalendarDate("2026-11-23") == CalendarDate(year: 2026, month: 11, day: 23))
        #expect(CalendarDate("11/23/2026") == CalendarDate(year: 2026, month: 11, day: 23))
        #expect(CalendarDate("1/5/2020") == CalendarDate(year: 2020, month: 1, day: 5))
        #expect(CalendarDate(" 02/29/2024 ") == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test("explains impossible dates in plain words")
    func explainsImpossibleDates() {
        #expect(CalendarDate.parse("02/30/2024") == .failure(.noSuchDay(month: 2, day: 30, year: 2024)))
        #expect(CalendarDate.parse("02/29/2023").failureDescription == "February 2023 has no day 29")
        #expect(CalendarDate.parse("13/01/2024") == .failure(.noSuchMonth(13)))
        #expect(CalendarDate.parse("") == .failure(.empty))
        #expect(CalendarDate.parse("next tuesday") == .failure(.notADate("next tuesday")))
        #expect(CalendarDate.parse("2024-1-5") == .failure(.notADate("2024-1-5")))
        #expect(CalendarDate.parse("00/10/2020") == .failure(.noSuchMonth(0)))
        #expect(CalendarDate.parse("01/01/0000") == .failure(.notADate("01/01/0000")))
    }

    @Test("formats for storage and for forms")
    func formats() {
        let date = CalendarDate(year: 2025, month: 3, day: 7)!
        #expect(date.iso == "2025-03-07")
        #expect(date.usFormat == "03/07/2025")
    }

    @Test("day numbers round-trip across leap years and centuries", arguments: [
        "0001-01-01", "1900-02-28", "1900-03-01", "2000-02-29", "2000-12-31", "2024-02-29", "2026-11-23", "9999-12-31",
    ])
    func dayNumberRoundTrip(text: String) {
        let date = CalendarDate(text)!
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 1).adding(days: -1) == date)
    }

    @Test("adds days, months and years the way a calendar does")
    func arithmetic() {
        #expect(CalendarDate("2024-02-28")!.adding(days: 1) == CalendarDate("2024-02-29"))
        #expect(CalendarDate("2023-02-28")!.adding(days: 1) == CalendarDate("2023-03-01"))
        #expect(CalendarDate("2024-12-31")!.adding(days: 1) == CalendarDate("2025-01-01"))
        #expect(CalendarDate("2025-01-31")!.adding(months: 1) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2024-01-31")!.adding(months: 1) == CalendarDate("2024-02-29"))
        #expect(CalendarDate("2024-08-31")!.adding(months: 6) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2025-11-15")!.adding(months: -11) == CalendarDate("2024-12-15"))
        #expect(CalendarDate("2024-02-29")!.adding(years: 1) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2026-01-01")!.days(until: CalendarDate("2026-12-31")!) == 364)
    }

    @Test("ages count whole years, with leap-day birthdays")
    func ages() {
        let birth = CalendarDate("2016-11-24")!
        #expect(birth.age(on: CalendarDate("2026-11-23")!) == 9)
        #expect(birth.age(on: CalendarDate("2026-11-24")!) == 10)
        let leap = CalendarDate("2000-02-29")!
        #expect(leap.age(on: CalendarDate("2021-02-28")!) == 20)
        #expect(leap.age(on: CalendarDate("2021-03-01")!) == 21)
    }

    @Test("knows the day of the week")
    func weekdays() {
        #expect(CalendarDate("2026-11-23")!.isoWeekday == 1)  // a Monday
        #expect(CalendarDate("2026-11-28")!.isWeekend)
        #expect(!CalendarDate("2026-11-27")!.isWeekend)
        #expect(CalendarDate("2000-01-01")!.isoWeekday == 6)  // a Saturday
    }

    @Test("today follows the given time zone, not UTC")
    func todayUsesTimeZone() {
        // 2026-11-24 03:00 UTC is still the 23rd in California.
        let instant = Date(timeIntervalSince1970: 1_795_489_200)
        let pacific = TimeZone(identifier: "America/Los_Angeles")!
        #expect(CalendarDate.today(now: instant, timeZone: pacific) == CalendarDate("2026-11-23"))
        #expect(CalendarDate.today(now: instant, timeZone: TimeZone(identifier: "UTC")!) == CalendarDate("2026-11-24"))
    }
}

import Foundation

extension Result where Failure == DateParseError {
    var failureDescription: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
}
