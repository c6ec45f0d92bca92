/// AB 135: cash aid, child care and reunification services for up to six full months while the
/// children are in Family Reunification. The six months start on the day the reunification plan
/// is amended to recommend cash aid; a prorated first month does not count; there is no
/// extension; each removal has its own six months. Workers are warned 30 days before the end.
///
/// Source: the project's domain notes, item C21 (Santa Clara DEBS handbook, Family Reunification
/// Cash Aid and Services, AB 135 program overview).
public enum AB135 {
    public static let source = "AB 135, as Santa Clara County's CalWORKs handbook states it (Family Reunification Cash Aid and Services)"
    public static let fullMonths = 6
    public static let warningDays = 30
    /// The most days a clock's last day can fall after its amendment: amended on the 2nd of
    /// July, the six full months run from August 1 to January 31.
    public static let longestSpanDays = 213

    /// Whether cash aid and child care may continue, with every condition in words.
    public static func assess(_ facts: RemovalFacts) -> EligibilityAnswer {
        EligibilityAnswer.from([
            (facts.receivingCashAidAtRemoval,
             "The family was receiving cash aid when the children were removed.",
             "The family was not receiving cash aid when the children were removed."),
            (facts.allEligibleChildrenRemoved,
             "Every CalWORKs-eligible child was removed.",
             "Not every CalWORKs-eligible child was removed."),
            (facts.hasReunificationPlan,
             "The family has a reunification plan.",
             "There is no reunification plan."),
            (facts.cashAidRecommendedOn != nil,
             "The reunification plan was amended to recommend cash aid\(facts.cashAidRecommendedOn.map { " on \($0.usFormat)" } ?? "") (no court order is needed).",
             "The reunification plan does not recommend cash aid: Child Welfare or the court must find it necessary and the plan be amended first."),
        ], source: source)
    }

    /// The six months of one removal, from the day the plan was amended.
    public static func clock(amendedOn: CalendarDate) -> AB135Clock {
        // A month that starts on its first day is a full month; otherwise the prorated rest of
        // the month does not count and the six months start on the first of the next month.
        let firstFullMonth = amendedOn.day == 1 ? amendedOn : CalendarDate(year: amendedOn.year, month: amendedOn.month, day: 1)!.adding(months: 1)
        let lastDay = firstFullMonth.adding(months: fullMonths).adding(days: -1)
        return AB135Clock(amendedOn: amendedOn, firstFullMonth: firstFullMonth, lastDay: lastDay)
    }
}

/// The six months of AB 135 aid for one removal.
public struct AB135Clock: Equatable, Sendable {
    public var amendedOn: CalendarDate
    /// The first day of the first full month, from which the six months count.
    public var firstFullMonth: CalendarDate
    /// The last day of aid. There is no extension.
    public var lastDay: CalendarDate

    /// From this day the worker is warned that aid is ending.
    public var warnFrom: CalendarDate { lastDay.adding(days: -AB135.warningDays) }

    public func state(on date: CalendarDate) -> AB135ClockState {
        if date > lastDay { return .ended(lastDay) }
        let daysLeft = date.days(until: lastDay)
        if date >= warnFrom { return .endingSoon(daysLeft: daysLeft) }
        if date < firstFullMonth { return .proratedMonth(countsFrom: firstFullMonth) }
        return .running(daysLeft: daysLeft)
    }
}

/// Where an AB 135 clock stands on a given day.
public enum AB135ClockState: Equatable, Sendable {
    /// Aid is paid for the rest of the amendment month, which does not count toward the six.
    case proratedMonth(countsFrom: CalendarDate)
    case running(daysLeft: Int)
    /// Thirty days or fewer remain: plan for the end of aid now.
    case endingSoon(daysLeft: Int)
    case ended(CalendarDate)

    public var sentence: String {
        switch self {
        case .proratedMonth(let from): return "Prorated first month; the six months count from \(from.usFormat)."
        case .running(let days): return "\(days) days of AB 135 aid left."
        case .endingSoon(0): return "AB 135 aid ends today; there is no extension."
        case .endingSoon(let days): return "AB 135 aid ends in \(days) day\(days == 1 ? "" : "s"); there is no extension."
        case .ended(let day): return "AB 135 aid ended on \(day.usFormat)."
        }
    }
}
