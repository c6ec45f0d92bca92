/// The periods a program manager picks from on the outcomes dashboard, each counted back from today.
public enum PeriodPreset: String, CaseIterable, Sendable {
    case lastTwelveMonths, lastSixMonths, lastThreeMonths, lastMonth, yearToDate, lastYear

    public var title: String {
        switch self {
        case .lastTwelveMonths: return "Last 12 months"
        case .lastSixMonths: return "Last 6 months"
        case .lastThreeMonths: return "Last 3 months"
        case .lastMonth: return "Last full month"
        case .yearToDate: return "This year so far"
        case .lastYear: return "Last calendar year"
        }
    }

    /// The days the preset covers when today is `today`. The rolling ones run from the first of
    /// a month to today, as the report's default does.
    public func period(today: CalendarDate) -> ReportPeriod {
        let thisMonth = today.startOfMonth
        switch self {
        case .lastTwelveMonths: return ReportPeriod.yearEnding(today)
        case .lastSixMonths: return ReportPeriod(from: thisMonth.adding(months: -5), to: today)!
        case .lastThreeMonths: return ReportPeriod(from: thisMonth.adding(months: -2), to: today)!
        case .lastMonth: return ReportPeriod(from: thisMonth.adding(months: -1), to: thisMonth.adding(days: -1))!
        case .yearToDate: return ReportPeriod(from: CalendarDate(year: today.year, month: 1, day: 1)!, to: today)!
        case .lastYear:
            return ReportPeriod(from: CalendarDate(year: today.year - 1, month: 1, day: 1)!,
                                to: CalendarDate(year: today.year - 1, month: 12, day: 31)!)!
        }
    }
}
