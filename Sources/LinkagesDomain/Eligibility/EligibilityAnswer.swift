/// An eligibility answer a worker can check: the decision, and every condition in plain words,
/// met or not, with the rule's source.
public struct EligibilityAnswer: Equatable, Sendable {
    public var eligible: Bool
    public var met: [String]
    public var notMet: [String]
    /// Where the rule comes from, for the worker who wants to read it.
    public var source: String
    /// The conditions, among `met` and `notMet`, about the parent's own circumstances (SSI,
    /// immigration status, a warrant, time on aid): shown to workers who see both programs'
    /// records, never printed on a document the family's team takes away.
    public var personal: Set<String>

    public init(met: [String], notMet: [String], source: String, personal: Set<String> = []) {
        self.eligible = notMet.isEmpty
        self.met = met
        self.notMet = notMet
        self.source = source
        self.personal = personal
    }

    /// Sorts conditions into met and not met; `personal` ones are marked as such.
    static func from(
        _ conditions: [(holds: Bool, yes: String, no: String)], personal: [(holds: Bool, yes: String, no: String)] = [],
        source: String
    ) -> EligibilityAnswer {
        let all = conditions + personal
        return EligibilityAnswer(
            met: all.filter(\.holds).map(\.yes),
            notMet: all.filter { !$0.holds }.map(\.no),
            source: source,
            personal: Set(personal.flatMap { [$0.yes, $0.no] }))
    }
}

/// What is known about a parent whose children were removed, for the AB 429 and AB 135 rules.
public struct RemovalFacts: Equatable, Sendable {
    /// The day the children were removed and placed out of the home.
    public var removedOn: CalendarDate
    /// The assistance unit was receiving CalWORKs (AB 429: aid or services) at removal.
    public var receivingCalWORKsAtRemoval: Bool
    /// The assistance unit was receiving cash aid at removal (AB 135).
    public var receivingCashAidAtRemoval: Bool
    /// Every CalWORKs-eligible child of the assistance unit was removed (AB 135).
    public var allEligibleChildrenRemoved: Bool
    /// The family has a reunification plan (Family Reunification services).
    public var hasReunificationPlan: Bool
    /// The Child Welfare social worker found Welfare-to-Work services needed for reunification (AB 429).
    public var servicesNeededForReunification: Bool
    /// Child Welfare or the court found cash aid necessary for reunification, and the day the
    /// reunification plan was amended to recommend it (AB 135).
    public var cashAidRecommendedOn: CalendarDate?
    public var receivesSSI: Bool
    public var undocumentedNoncitizen: Bool
    public var fleeingFelon: Bool
    public var atTimeOnAidLimit: Bool

    public init(
        removedOn: CalendarDate, receivingCalWORKsAtRemoval: Bool = false, receivingCashAidAtRemoval: Bool = false,
        allEligibleChildrenRemoved: Bool = false, hasReunificationPlan: Bool = false,
        servicesNeededForReunification: Bool = false, cashAidRecommendedOn: CalendarDate? = nil, receivesSSI: Bool = false,
        undocumentedNoncitizen: Bool = false, fleeingFelon: Bool = false, atTimeOnAidLimit: Bool = false
    ) {
        self.removedOn = removedOn
        self.receivingCalWORKsAtRemoval = receivingCalWORKsAtRemoval
        self.receivingCashAidAtRemoval = receivingCashAidAtRemoval
        self.allEligibleChildrenRemoved = allEligibleChildrenRemoved
        self.hasReunificationPlan = hasReunificationPlan
        self.servicesNeededForReunification = servicesNeededForReunification
        self.cashAidRecommendedOn = cashAidRecommendedOn
        self.receivesSSI = receivesSSI
        self.undocumentedNoncitizen = undocumentedNoncitizen
        self.fleeingFelon = fleeingFelon
        self.atTimeOnAidLimit = atTimeOnAidLimit
    }
}
