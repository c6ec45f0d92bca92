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
