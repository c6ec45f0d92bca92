/// AB 429: Welfare-to-Work services (not the cash grant) continue for a parent whose children
/// were removed and placed out of the home with a reunification plan, when the Child Welfare
/// social worker finds them needed for reunification.
///
/// Conditions and exclusions as the project's domain notes give them (Santa Clara DEBS
/// handbook, Family Reunification AB 429 program overview; item C20). How long the services
/// continue is the county's setting: one county guide says 180 days after removal.
public enum AB429 {
    public static let source = "AB 429, as Santa Clara County's CalWORKs handbook states it (Family Reunification, AB 429 program overview)"

    /// Whether the parent may keep Welfare-to-Work services, with every condition in words.
    public static func assess(_ facts: RemovalFacts) -> EligibilityAnswer {
        EligibilityAnswer.from([
            (facts.receivingCalWORKsAtRemoval,
             "The family was receiving CalWORKs when the children were removed.",
             "The family was not receiving CalWORKs when the children were removed."),
            (facts.hasReunificationPlan,
             "The children are placed out of the home with a reunification plan.",
             "There is no reunification plan."),
            (facts.servicesNeededForReunification,
             "The Child Welfare social worker found Welfare-to-Work services needed for reunification.",
             "The Child Welfare social worker has not found Welfare-to-Work services needed for reunification."),
        ], personal: [
            (!facts.receivesSSI, "The parent does not receive SSI.", "The parent receives SSI (excluded)."),
            (!facts.undocumentedNoncitizen, "The parent is not an undocumented noncitizen.",
             "The parent is an undocumented noncitizen (excluded)."),
            (!facts.fleeingFelon, "The parent is not a fleeing felon.", "The parent is a fleeing felon (excluded)."),
            (!facts.atTimeOnAidLimit, "The parent has not reached the time-on-aid limit.",
             "The parent has reached the time-on-aid limit (excluded)."),
        ], source: source)
    }

    /// How long services continue after the removal when the county has not said otherwise:
    /// the one county guide that gives a period says 180 days (item C20).
    public static let defaultServiceDays = 180
    /// The worker is warned this many days before services end, as for AB 135.
    public static let warningDays = 30

    /// The period services continue for an eligible parent: `days` from the removal (the
    /// county's setting).
    public static func services(_ facts: RemovalFacts, days: Int) -> AB429Services {
        AB429Services(removedOn: facts.removedOn, days: days)
    }
}

/// The period a parent keeps Welfare-to-Work services under AB 429, as the county sets it.
public struct AB429Services: Equatable, Sendable {
    public var removedOn: CalendarDate
    /// The county's setting: how many days after the removal services continue.
    public var days: Int
    public var lastDay: CalendarDate { removedOn.adding(days: days) }

    /// Where the period stands on `date`, in one sentence for the worker.
    public func sentence(on date: CalendarDate) -> String {
        let left = date.days(until: lastDay)
        let period = "\(days) days after the removal, the county's setting"
        if left < 0 { return "AB 429 services ended on \(lastDay.usFormat) (\(period))." }
        if left == 0 { return "AB 429 services end today (\(period))." }
        return "AB 429 services continue to \(lastDay.usFormat) (\(period)); \(left) day\(left == 1 ? "" : "s") left."
    }

    /// Thirty days or fewer left: plan for the end of services now.
    public func endingSoon(on date: CalendarDate) -> Bool {
        (0...AB429.warningDays).contains(date.days(until: lastDay))
    }
}
