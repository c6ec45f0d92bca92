import Foundation

/// A deadline an intake starts, with the rule behind it.
public struct IntakeClock: Equatable, Sendable {
    public enum Due: Equatable, Sendable {
        /// A moment (the 24-hour immediate response).
        case moment(Date)
        /// By the end of a day.
        case day(CalendarDate)
    }

    public var name: String
    public var due: Due
    public var rule: String

    /// "due 11/24/2026 14:05 · 21 hours left", or "2 days overdue".
    public func status(now: Date, today: CalendarDate, timeZone: TimeZone = .current) -> (text: String, overdue: Bool) {
        switch due {
        case .moment(let moment):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
            let label = String(format: "%02d/%02d/%04d %02d:%02d", parts.month!, parts.day!, parts.year!, parts.hour!, parts.minute!)
            let hours = Int((moment.timeIntervalSince(now) / 3600).rounded(.down))
            if moment < now {
                let late = Int((now.timeIntervalSince(moment) / 3600).rounded(.up))
                return ("due \(label) · OVERDUE by \(late) h", true)
            }
            return ("due \(label) · \(hours) h left", false)
        case .day(let date):
            let days = today.days(until: date)
            if days < 0 { return ("due \(date.usFormat) · OVERDUE by \(-days) day\(-days == 1 ? "" : "s")", true) }
            if days == 0 { return ("due \(date.usFormat) · today", false) }
            return ("due \(date.usFormat) · \(days) day\(days == 1 ? "" : "s") left", false)
        }
    }
}

/// County choices that the intake clocks depend on.
public struct IntakeSettings: Equatable, Sendable {
    /// The county's Linkages coordination window in working days (Santa Clara uses 5 when the
    /// child is not in protective custody [C27]).
    public var coordinationWorkingDays: Int
    public var holidays: Set<CalendarDate>

    public init(coordinationWorkingDays: Int = 5, holidays: Set<CalendarDate> = []) {
        self.coordinationWorkingDays = coordinationWorkingDays
        self.holidays = holidays
    }
}

public enum IntakeClocks {
    /// The response time, the SDM safety assessment and the Linkages coordination window.
    public static func clocks(for draft: IntakeDraft, settings: IntakeSettings, timeZone: TimeZone = .current) -> [IntakeClock] {
        var clocks: [IntakeClock] = []
        let received = CalendarDate(draft.answer(.referralReceivedDate))
        if let received {
            switch draft.answer(.responseType) {
            case "immediate":
                let time = TimeOfDay(draft.answer(.referralReceivedTime)) ?? TimeOfDay("00:00")!
                let start = received.instant(hour: time.hour, minute: time.minute, timeZone: timeZone)
                clocks.append(IntakeClock(
                    name: "In-person response (immediate)", due: .moment(start.addingTimeInterval(24 * 3600)),
                    rule: "Immediate response within 24 hours (MPP 31-115; CDSS measure 2B)"))
            case "tenDay":
                clocks.append(IntakeClock(
                    name: "In-person response (10-day)", due: .day(received.adding(days: 10)),
                    rule: "In-person investigation within 10 calendar days (MPP 31-120; CDSS measure 2B)"))
            default:
                break
            }
        }
        if let contact = CalendarDate(draft.answer(.firstContactDate)) {
            clocks.append(IntakeClock(
                name: "SDM safety assessment", due: .day(contact.adding(workingDays: 2, holidays: settings.holidays)),
                rule: "Within 2 working days of first contact (SDM safety assessment)"))
        }
        if let received {
            let days = settings.coordinationWorkingDays
            clocks.append(IntakeClock(
                name: "Linkages coordination", due: .day(received.adding(workingDays: days, holidays: settings.holidays)),
                rule: "County Linkages window: \(days) working days from the referral"))
        }
        return clocks
    }
}
