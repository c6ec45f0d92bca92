import Foundation

/// An in-person contact with a family after an ER referral: the day, the time when the worker
/// gave it, and whether the family was seen or the visit only attempted.
///
/// CDSS measure 2B counts a referral as answered in time when contact was attempted or
/// completed by the deadline [C8]; the "completed" measure CDSS added in 2015 leaves attempts
/// out [C10]. Both are kept so that both can be reported.
public struct ResponseContact: Equatable, Sendable, Codable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// The worker saw the child and family.
        case completed
        /// The worker went but did not see them (no one home, refused at the door).
        case attempted

        public var displayName: String {
            switch self {
            case .completed: "family seen"
            case .attempted: "attempted, family not seen"
            }
        }
    }

    public var day: CalendarDate
    public var time: ClockTime?
    public var outcome: Outcome
    /// The account of the worker who recorded it after the intake; nil when typed at intake.
    public var recordedBy: String?

    public init(day: CalendarDate, time: ClockTime? = nil, outcome: Outcome, recordedBy: String? = nil) {
        self.day = day
        self.time = time
        self.outcome = outcome
        self.recordedBy = recordedBy
    }

    /// "11/24/2026 14:05", or the day alone when no time was given.
    public var label: String {
        day.usFormat + (time.map { " \(Self.twoDigitHour($0))" } ?? "")
    }

    /// The moment of the contact, when its time is known.
    public func instant(timeZone: TimeZone = .current) -> Date? {
        time.map { day.instant(hour: $0.minutes / 60, minute: $0.minutes % 60, timeZone: timeZone) }
    }

    /// Earliest first; a contact without a time counts as early in its day.
    public static func chronological(_ contacts: [ResponseContact]) -> [ResponseContact] {
        contacts.sorted { ($0.day, $0.time?.minutes ?? -1) < ($1.day, $1.time?.minutes ?? -1) }
    }

    /// The contact typed on the intake itself ("Date of first in-person contact"): the family seen.
    public static func typedAtIntake(_ draft: IntakeDraft) -> ResponseContact? {
        guard let day = CalendarDate(draft.answer(.firstContactDate)) else { return nil }
        return ResponseContact(day: day, time: ClockTime(draft.answer(.firstContactTime)), outcome: .completed)
    }

    static func twoDigitHour(_ time: ClockTime) -> String {
        String(format: "%02d:%02d", time.minutes / 60, time.minutes % 60)
    }
}
