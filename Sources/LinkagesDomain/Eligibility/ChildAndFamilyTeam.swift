/// The first Child and Family Team meeting's deadline: within 60 days of entering placement or
/// before the dispositional hearing, whichever comes first; within 30 days in ICWA cases.
///
/// Source: ACL 22-35 as summarised in the project's domain notes, item C15.
public enum ChildAndFamilyTeam {
    public static let source = "ACL 22-35 (the first Child and Family Team meeting)"

    /// The last day the first CFT meeting may be held, and the rule that set it.
    public static func firstMeetingDue(
        placedOn: CalendarDate, dispositionalHearing: CalendarDate?, icwa: Bool
    ) -> (due: CalendarDate, rule: String) {
        let days = icwa ? 30 : 60
        let byPlacement = placedOn.adding(days: days)
        let placementRule = "within \(days) days of placement" + (icwa ? " (ICWA case)" : "")
        guard let hearing = dispositionalHearing else { return (byPlacement, placementRule) }
        // "Before the hearing": the day before it at the latest.
        let beforeHearing = hearing.adding(days: -1)
        return beforeHearing < byPlacement ? (beforeHearing, "before the dispositional hearing on \(hearing.usFormat)") : (byPlacement, placementRule)
    }
}

/// When a family's first Child and Family Team meeting is due, and the rule that set the date.
public struct TeamMeetingDeadline: Equatable, Sendable {
    public var due: CalendarDate
    public var rule: String

    /// The deadline for a family with a child in placement: from the removal date recorded for
    /// reunification, else the start of the open Family Reunification case; nil when no child
    /// is placed. `icwa` is true when there is reason to know the child is an Indian child; a
    /// dispositional hearing set before the placement deadline brings the deadline forward.
    public static func of(
        involvements: [Involvement], removedOn: CalendarDate?, dispositionalHearing: CalendarDate? = nil, icwa: Bool,
        on date: CalendarDate
    ) -> TeamMeetingDeadline? {
        let placement = removedOn ?? involvements
            .filter { $0.component == .familyReunification && $0.isCurrent(on: date) }
            .compactMap(\.startDate).min()
        guard let placement else { return nil }
        let (due, rule) = ChildAndFamilyTeam.firstMeetingDue(placedOn: placement, dispositionalHearing: dispositionalHearing,
                                                           icwa: icwa)
        return TeamMeetingDeadline(due: due, rule: "first meeting " + rule + " (\(placement.usFormat))")
    }

    /// The meeting that meets the deadline: the last one held or scheduled on or before the due
    /// date (`meetings` newest first, as the family page lists them).
    public func metBy(_ meetings: [TeamMeeting]) -> TeamMeeting? {
        meetings.last { $0.status != .cancelled && $0.date <= due }
    }

    /// The first meeting held after the due date, when none met it: the deadline was missed,
    /// but the meeting took place and the family is no longer waiting for it.
    public func heldLate(_ meetings: [TeamMeeting]) -> TeamMeeting? {
        meetings.last { $0.status == .held && $0.date > due }
    }

    /// Whether the family still waits for its first meeting: none met the deadline and none
    /// was held since.
    public func stillAwaited(_ meetings: [TeamMeeting]) -> Bool {
        metBy(meetings) == nil && heldLate(meetings) == nil
    }
}
