/// The days an outcomes report covers, first and last included.
public struct ReportPeriod: Equatable, Codable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate

    /// Nil when the period ends before it begins.
    public init?(from: CalendarDate, to: CalendarDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The twelve months up to and including `today`'s month, ending on `today`.
    public static func yearEnding(_ today: CalendarDate) -> ReportPeriod {
        ReportPeriod(from: today.startOfMonth.adding(months: -11), to: today)!
    }

    public func contains(_ date: CalendarDate) -> Bool {
        from <= date && date <= to
    }

    /// Each calendar month the period touches, cut to the period: (first day, last day).
    public var months: [(first: CalendarDate, last: CalendarDate)] {
        var result: [(CalendarDate, CalendarDate)] = []
        var start = from
        while start <= to {
            let nextMonth = start.startOfMonth.adding(months: 1)
            let end = min(nextMonth.adding(days: -1), to)
            result.append((start, end))
            start = nextMonth
        }
        return result
    }

    /// "10/01/2025–09/30/2026".
    public var description: String { "\(from.usFormat)–\(to.usFormat)" }
}
