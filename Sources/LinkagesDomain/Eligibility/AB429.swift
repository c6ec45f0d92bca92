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
            (!facts.receivesSSI, "The parent does not receive SSI.", "The parent receives SSI (excluded)."),
            (!facts.undocumentedNoncitizen, "The parent is not an undocumented noncitizen.",
             "The parent is an undocumented noncitizen (excluded)."),
            (!facts.fleeingFelon, "The parent is not a fleeing felon.", "The parent is a fleeing felon (excluded)."),
            (!facts.atTimeOnAidLimit, "The parent has not reached the time-on-aid limit.",
             "The parent has reached the time-on-aid limit (excluded)."),
        ], source: source)
    }

    /// The last day services continue, counting `days` from the removal (the county's setting).
    public static func servicesEnd(_ facts: RemovalFacts, days: Int) -> CalendarDate {
        facts.removedOn.adding(days: days)
    }
}
