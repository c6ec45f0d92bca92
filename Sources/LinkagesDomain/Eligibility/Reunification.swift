import Foundation

/// What the workers record about a Family Reunification case that the programs' data does not
/// hold: the Child Welfare findings, the plan amendment, and the CalWORKs exclusions.
public struct ReunificationRecord: Identifiable, Codable, Equatable, Sendable {
    public var id: Int64 { familyId }
    public var familyId: Int64
    /// The removal date, when it differs from the Family Reunification start in CWS/CMS.
    public var removedOn: CalendarDate?
    public var servicesNeeded: Bool
    public var cashAidRecommendedOn: CalendarDate?
    public var allEligibleChildrenRemoved: Bool
    public var receivesSSI: Bool
    public var undocumentedNoncitizen: Bool
    public var fleeingFelon: Bool
    public var atTimeOnAidLimit: Bool
    /// The dispositional hearing, when set: the first team meeting comes before it.
    public var dispositionalHearingOn: CalendarDate?
    /// There is reason to know a child is an Indian child (ICWA): the first team meeting is due
    /// within 30 days.
    public var icwa: Bool
    /// The amendment that started the previous removal's AB 135 clock: a removal recorded
    /// later must come after it, so that no removal gets a second clock.
    public var priorCashAidRecommendedOn: CalendarDate?
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        familyId: Int64, removedOn: CalendarDate? = nil, servicesNeeded: Bool = false, cashAidRecommendedOn: CalendarDate? = nil,
        allEligibleChildrenRemoved: Bool = false, receivesSSI: Bool = false, undocumentedNoncitizen: Bool = false,
        fleeingFelon: Bool = false, atTimeOnAidLimit: Bool = false, dispositionalHearingOn: CalendarDate? = nil,
        icwa: Bool = false, priorCashAidRecommendedOn: CalendarDate? = nil, recordedBy: String, recordedAt: Date
    ) {
        self.familyId = familyId
        self.removedOn = removedOn
        self.servicesNeeded = servicesNeeded
        self.cashAidRecommendedOn = cashAidRecommendedOn
        self.allEligibleChildrenRemoved = allEligibleChildrenRemoved
        self.receivesSSI = receivesSSI
        self.undocumentedNoncitizen = undocumentedNoncitizen
        self.fleeingFelon = fleeingFelon
        self.atTimeOnAidLimit = atTimeOnAidLimit
        self.dispositionalHearingOn = dispositionalHearingOn
        self.icwa = icwa
        self.priorCashAidRecommendedOn = priorCashAidRecommendedOn
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// AB 429 and AB 135 for one family, from its records and what the workers recorded.
public struct ReunificationStatus: Equatable, Sendable {
    public var facts: RemovalFacts
    public var ab429: EligibilityAnswer
    public var ab135: EligibilityAnswer
    /// The AB 135 clock, once the plan recommends cash aid and the family is eligible.
    public var ab135Clock: AB135Clock?
    /// How long the parent keeps Welfare-to-Work services, once eligible under AB 429.
    public var ab429Services: AB429Services?

    /// The family's status, or nil when it has no Family Reunification case. `ab429ServiceDays`
    /// is the county's setting for how long AB 429 services continue after the removal.
    public static func of(
        involvements: [Involvement], record: ReunificationRecord?, ab429ServiceDays: Int = AB429.defaultServiceDays
    ) -> ReunificationStatus? {
        let reunification = involvements.filter { $0.component == .familyReunification }
        guard let start = reunification.compactMap(\.startDate).min() else { return nil }
        let removed = record?.removedOn ?? start
        // C20/C21: the assistance unit *receiving* aid at removal; an application still pending
        // then does not count.
        func receiving(_ component: ServiceComponent?) -> Bool {
            involvements.contains { involvement in
                (component == nil ? involvement.program == .calworks : involvement.component == component)
                    && involvement.status != .pending && involvement.wasActive(on: removed)
            }
        }
        let facts = RemovalFacts(
            removedOn: removed, receivingCalWORKsAtRemoval: receiving(nil), receivingCashAidAtRemoval: receiving(.cashAid),
            allEligibleChildrenRemoved: record?.allEligibleChildrenRemoved ?? false,
            hasReunificationPlan: reunification.contains { $0.status != .closed },
            servicesNeededForReunification: record?.servicesNeeded ?? false,
            cashAidRecommendedOn: record?.cashAidRecommendedOn, receivesSSI: record?.receivesSSI ?? false,
            undocumentedNoncitizen: record?.undocumentedNoncitizen ?? false, fleeingFelon: record?.fleeingFelon ?? false,
            atTimeOnAidLimit: record?.atTimeOnAidLimit ?? false)
        let ab429 = AB429.assess(facts)
        let ab135 = AB135.assess(facts)
        return ReunificationStatus(
            facts: facts, ab429: ab429, ab135: ab135,
            ab135Clock: ab135.eligible ? facts.cashAidRecommendedOn.map(AB135.clock(amendedOn:)) : nil,
            ab429Services: ab429.eligible ? AB429.services(facts, days: ab429ServiceDays) : nil)
    }
}

extension Involvement {
    /// The involvement covered `date`, whatever its status now (closed since, or still open).
    public func wasActive(on date: CalendarDate) -> Bool {
        guard let start = startDate, start <= date else { return false }
        if let end = endDate { return end >= date }
        return status != .closed
    }
}
