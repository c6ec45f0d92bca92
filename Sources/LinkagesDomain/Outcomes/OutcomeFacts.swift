/// What the outcomes report reads about one family: plain data the store gathers, so that every
/// measure is computed here, from rules a reader can check against docs/outcomes.md.
public struct FamilyFacts: Equatable, Sendable {
    public var familyId: Int64
    /// The office of the family's Child Welfare record, else of its CalWORKs record.
    public var office: String?
    /// The race or ethnicity recorded for the family's case head (else its first person).
    public var race: RaceEthnicity
    public var involvements: [Involvement]
    /// Each concern with the day it was recorded.
    public var concerns: [DatedConcern]
    /// What the family said at each finished intake about its programs, with the day.
    public var reported: [DatedReport]
    /// The involvements an ER intake recorded (Linkages' own, not CalSAWS's or CWS/CMS's).
    public var intakeInvolvementIds: Set<Int64> = []
    /// When and how Linkages first found the family known to both programs.
    public var identifiedOn: CalendarDate?
    public var identifiedBy: IdentificationMethod?
    public var planStartedOn: CalendarDate?
    /// Days on which a Child and Family Team meeting was held.
    public var meetingsHeldOn: [CalendarDate]
    /// Days on which a Child and Family Team meeting was held with a CalWORKs worker present.
    public var meetingsWithCalWORKsOn: [CalendarDate] = []
    /// Days on which the family was staffed jointly.
    public var staffedOn: [CalendarDate]
    public var reunification: ReunificationRecord?
    /// The in-person response of each finished ER intake, with the contacts made.
    public var responses: [ResponseFacts] = []

    public init(
        familyId: Int64, office: String? = nil, race: RaceEthnicity = .unknown, involvements: [Involvement] = [],
        concerns: [DatedConcern] = [], reported: [DatedReport] = [], identifiedOn: CalendarDate? = nil, identifiedBy: IdentificationMethod? = nil,
        planStartedOn: CalendarDate? = nil, meetingsHeldOn: [CalendarDate] = [], staffedOn: [CalendarDate] = [],
        reunification: ReunificationRecord? = nil
    ) {
        self.familyId = familyId
        self.office = office
        self.race = race
        self.involvements = involvements
        self.concerns = concerns
        self.reported = reported
        self.identifiedOn = identifiedOn
        self.identifiedBy = identifiedBy
        self.planStartedOn = planStartedOn
        self.meetingsHeldOn = meetingsHeldOn
        self.staffedOn = staffedOn
        self.reunification = reunification
    }

    /// The involvements as they stood on `date`: only those begun by then, and one closed
    /// since still open.
    public func involvements(asOf date: CalendarDate) -> [Involvement] {
        involvements.compactMap { involvement in
            guard (involvement.startDate ?? .distantPast) <= date else { return nil }
            var then = involvement
            if then.status == .closed, let end = then.endDate, end >= date { then.status = .open }
            return then
        }
    }

    /// The family's tier on `date`, by the tier rules over what was known that day: its
    /// involvements as they stood then, the concerns recorded by then and the intake answers
    /// given by then (as the screens would have shown it).
    public func tier(on date: CalendarDate) -> LinkagesTier? {
        let concernsThen = concerns.filter { $0.recordedOn <= date }.map(\.kind)
        let reportedThen = reported.filter { $0.on <= date }.reduce(into: Set<ReportedFact>()) { $0.formUnion($1.facts) }
        let then = involvements(asOf: date)
        let confirmed = Set(then.filter { !intakeInvolvementIds.contains($0.id ?? -1) }.map(\.program))
        return TierRules.assess(involvements: then, concerns: concernsThen, reported: reportedThen, on: date, confirmed: confirmed).tier
    }

    /// Which programs had the family open on `date`.
    public func programs(on date: CalendarDate) -> Set<Program> {
        Set(involvements(asOf: date).filter { $0.isCurrent(on: date) }.map(\.program))
    }
}

/// An ER referral's in-person response: the day the referral came in, and its clock with the
/// contacts recorded (CDSS measure 2B [C8]).
public struct ResponseFacts: Equatable, Sendable {
    public var receivedOn: CalendarDate
    public var clock: IntakeClock

    public init(receivedOn: CalendarDate, clock: IntakeClock) {
        self.receivedOn = receivedOn
        self.clock = clock
    }

    /// An immediate (24-hour) response, not a 10-day one.
    public var isImmediate: Bool { if case .moment = clock.due { true } else { false } }
}

/// A concern and the day it was recorded.
public struct DatedConcern: Equatable, Sendable {
    public var kind: ConcernKind
    public var recordedOn: CalendarDate

    public init(_ kind: ConcernKind, recordedOn: CalendarDate) {
        self.kind = kind
        self.recordedOn = recordedOn
    }
}

/// What a family said at an intake finished on a day.
public struct DatedReport: Equatable, Sendable {
    public var facts: Set<ReportedFact>
    public var on: CalendarDate

    public init(_ facts: Set<ReportedFact>, on: CalendarDate) {
        self.facts = facts
        self.on = on
    }
}

/// What the outcomes report reads about one referral.
public struct ReferralFacts: Equatable, Sendable {
    public var referralId: Int64
    public var familyId: Int64
    public var type: ReferralType
    public var fromProgram: Program
    /// Each status the referral reached, in order, with the day it did.
    public var steps: [ReferralMilestone]
    public var outcome: ReferralOutcome?

    public init(referralId: Int64, familyId: Int64, type: ReferralType, fromProgram: Program, steps: [ReferralMilestone],
                outcome: ReferralOutcome? = nil) {
        self.referralId = referralId
        self.familyId = familyId
        self.type = type
        self.fromProgram = fromProgram
        self.steps = steps
        self.outcome = outcome
    }

    /// The first day the referral reached `status`.
    public func first(_ status: ReferralStatus) -> CalendarDate? {
        steps.first { $0.status == status }?.on
    }

    /// Where the referral stood at the end of `date`, and since when.
    public func standing(on date: CalendarDate) -> ReferralMilestone? {
        steps.last { $0.on <= date }
    }
}

/// One status a referral reached, and the day.
public struct ReferralMilestone: Equatable, Sendable {
    public var status: ReferralStatus
    public var on: CalendarDate

    public init(_ status: ReferralStatus, on: CalendarDate) {
        self.status = status
        self.on = on
    }
}
