import Foundation

/// A deadline an intake starts, with the rule behind it.
public struct IntakeClock: Equatable, Sendable {
    public enum Due: Equatable, Sendable {
        /// A moment (the 24-hour immediate response).
        case moment(Date)
        /// By the end of a day.
        case day(CalendarDate)
        /// Before an event with no date of its own yet ("the court presentation").
        case before(String)
    }

    public var name: String
    public var due: Due
    public var rule: String
    /// The in-person contacts made so far, earliest first: the first one, attempted or
    /// completed, answers the in-person response [C8].
    public var contacts: [ResponseContact]

    public init(name: String, due: Due, rule: String, contacts: [ResponseContact] = []) {
        self.name = name
        self.due = due
        self.rule = rule
        self.contacts = ResponseContact.chronological(contacts)
    }

    /// The first contact, attempted or completed: what measure 2B times [C8].
    public var firstContact: ResponseContact? { contacts.first }
    /// The first contact in which the family was seen: what the "completed" measure times [C10].
    public var firstCompletedContact: ResponseContact? { contacts.first { $0.outcome == .completed } }

    /// How late `contact` came, or nil when it was in time. A 24-hour clock is compared to the
    /// minute when the contact's time is known, else by its day.
    public func lateness(of contact: ResponseContact, timeZone: TimeZone = .current) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if case .moment(let moment) = due, let at = contact.instant(timeZone: timeZone) {
            guard at > moment else { return nil }
            let minutes = Int((at.timeIntervalSince(moment) / 60).rounded(.up))
            return minutes < 60 ? "\(minutes) min late" : "\((minutes + 59) / 60) h late"
        }
        guard let dueDay = dueDay(calendar) else { return nil }
        let late = dueDay.days(until: contact.day)
        return late <= 0 ? nil : "\(late) day\(late == 1 ? "" : "s") late"
    }

    /// True when `contact` came by the deadline.
    public func isInTime(_ contact: ResponseContact, timeZone: TimeZone = .current) -> Bool {
        lateness(of: contact, timeZone: timeZone) == nil
    }

    /// "due 11/24/2026 14:05 · 21 hours left", "2 days overdue", or "met: first contact 11/24/2026 14:05, family seen".
    public func status(now: Date, today: CalendarDate, timeZone: TimeZone = .current) -> (text: String, overdue: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let first = firstContact, dueDay(calendar) != nil {
            var text = lateness(of: first, timeZone: timeZone).map { "first contact \(first.label), \($0)" }
                ?? "met: first contact \(first.label)"
            text += ", \(first.outcome.displayName)"
            if first.outcome == .attempted {
                text += firstCompletedContact.map { "; seen \($0.label)" } ?? "; record the visit when the family is seen"
            }
            return (text, false)
        }
        switch due {
        case .before(let event):
            return ("before \(event)", false)
        case .moment(let moment):
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

    /// The in-person response (immediate or 10-day), the clock CDSS measure 2B times.
    public var isInPersonResponse: Bool { name.hasPrefix(Self.inPersonResponse) }

    static let inPersonResponse = "In-person response"

    /// A few words for a list column: "met", "met late", "attempted", "21 h left", "3 d left", "today", "OVERDUE".
    public func shortStatus(now: Date, today: CalendarDate, timeZone: TimeZone = .current) -> (text: String, overdue: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let first = firstContact, dueDay(calendar) != nil {
            if firstCompletedContact == nil { return ("attempted", false) }
            return (isInTime(first, timeZone: timeZone) ? "met" : "met late", false)
        }
        switch due {
        case .before: return ("by court", false)
        case .moment(let moment):
            if moment < now { return ("OVERDUE", true) }
            return ("\(Int((moment.timeIntervalSince(now) / 3600).rounded(.down))) h left", false)
        case .day(let date):
            let days = today.days(until: date)
            return days < 0 ? ("OVERDUE", true) : (days == 0 ? "today" : "\(days) d left", false)
        }
    }

    /// The last day the clock may be met on, or nil for one due before an undated event.
    public func lastDay(timeZone: TimeZone = .current) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return dueDay(calendar)
    }

    /// The last day the clock may be met on (a 24-hour clock ends on its due moment's day).
    private func dueDay(_ calendar: Calendar) -> CalendarDate? {
        switch due {
        case .day(let date): return date
        case .moment(let moment):
            let parts = calendar.dateComponents([.year, .month, .day], from: moment)
            return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
        case .before: return nil
        }
    }
}

/// County choices that the intake clocks depend on.
public struct IntakeSettings: Equatable, Sendable {
    /// The county's Linkages coordination window in working days when no child is in
    /// protective custody (Santa Clara uses 5 [C27]).
    public var coordinationWorkingDays: Int
    public var holidays: Set<CalendarDate>

    public init(coordinationWorkingDays: Int = 5, holidays: Set<CalendarDate> = []) {
        self.coordinationWorkingDays = coordinationWorkingDays
        self.holidays = holidays
    }
}

public enum IntakeClocks {
    /// The response time (met by the first contact, attempted or completed), the SDM safety
    /// assessment and the Linkages coordination window.
    ///
    /// - Parameter recorded: contacts recorded after the intake was finished; the one typed on
    ///   the intake counts too.
    public static func clocks(for draft: IntakeDraft, settings: IntakeSettings, recorded: [ResponseContact] = [],
                              timeZone: TimeZone = .current) -> [IntakeClock] {
        var clocks: [IntakeClock] = []
        let received = CalendarDate(draft.answer(.referralReceivedDate))
        let contacts = ResponseContact.chronological(recorded + [ResponseContact.typedAtIntake(draft)].compactMap { $0 })
        // The safety assessment is made with the family, at the first visit that saw them.
        let contact = contacts.first { $0.outcome == .completed }?.day
        if let received {
            switch draft.answer(.responseType) {
            case "immediate":
                let time = TimeOfDay(draft.answer(.referralReceivedTime)) ?? TimeOfDay("00:00")!
                let start = received.instant(hour: time.hour, minute: time.minute, timeZone: timeZone)
                clocks.append(IntakeClock(
                    name: "\(IntakeClock.inPersonResponse) (immediate)", due: .moment(start.addingTimeInterval(24 * 3600)),
                    rule: "Immediate response within 24 hours (MPP 31-115; CDSS measure 2B)", contacts: contacts))
            case "tenDay":
                clocks.append(IntakeClock(
                    name: "\(IntakeClock.inPersonResponse) (10-day)", due: .day(received.adding(days: 10)),
                    rule: "In-person investigation within 10 calendar days (MPP 31-120; CDSS measure 2B)", contacts: contacts))
            default:
                break
            }
        }
        if let contact {
            clocks.append(IntakeClock(
                name: "SDM safety assessment", due: .day(contact.adding(workingDays: 2, holidays: settings.holidays)),
                rule: "Within 2 working days of first contact (SDM safety assessment)"))
        }
        // C27: five working days when the child is not in protective custody; before the court
        // presentation (usually 18-25 days) when the child is.
        let custody = draft.answer(.protectiveCustody)
        if custody == "yes" {
            clocks.append(IntakeClock(
                name: "Linkages coordination", due: .before("the court presentation (usually 18-25 days)"),
                rule: "A child is in protective custody: collaborate before the court presentation (Santa Clara practice [C27])"))
        } else if let received {
            let days = settings.coordinationWorkingDays
            clocks.append(IntakeClock(
                name: "Linkages coordination", due: .day(received.adding(workingDays: days, holidays: settings.holidays)),
                rule: "County Linkages window: \(days) working days from the referral, "
                    + (custody == "no" ? "no child in protective custody" : "until it is known whether a child is in protective custody")))
        }
        return clocks
    }
}
