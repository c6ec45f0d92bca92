import Foundation

/// What a worker records about a family's reunification: each finding given changes, each one
/// left nil stays as recorded before.
public struct ReunificationChanges: Equatable, Sendable {
    public var removedOn: CalendarDate?
    public var servicesNeeded: Bool?
    public var cashAidRecommendedOn: CalendarDate?
    public var allEligibleChildrenRemoved: Bool?
    public var receivesSSI: Bool?
    public var undocumentedNoncitizen: Bool?
    public var fleeingFelon: Bool?
    public var atTimeOnAidLimit: Bool?
    public var dispositionalHearingOn: CalendarDate?
    public var icwa: Bool?
    /// The worker corrects an amendment date recorded wrongly; without it, a second date for
    /// the same removal is refused, because AB 135 has no extension.
    public var correctingAmendment: Bool

    public init(
        removedOn: CalendarDate? = nil, servicesNeeded: Bool? = nil, cashAidRecommendedOn: CalendarDate? = nil,
        allEligibleChildrenRemoved: Bool? = nil, receivesSSI: Bool? = nil, undocumentedNoncitizen: Bool? = nil,
        fleeingFelon: Bool? = nil, atTimeOnAidLimit: Bool? = nil, dispositionalHearingOn: CalendarDate? = nil, icwa: Bool? = nil,
        correctingAmendment: Bool = false
    ) {
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
        self.correctingAmendment = correctingAmendment
    }
}

/// Why recorded findings were refused, in words for the worker.
public struct ReunificationRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension ReunificationRecord {
    /// The findings after `changes`, checked against the calendar and AB 135's single clock per
    /// removal (DOMAIN-FACTS: "no extension; six months per removal instance").
    ///
    /// - Parameters:
    ///   - existing: what was recorded before, if anything.
    ///   - reunificationStart: when Family Reunification began in the records: the removal,
    ///     unless the worker records another date.
    public static func updating(
        _ existing: ReunificationRecord?, familyId: Int64, with changes: ReunificationChanges,
        reunificationStart: CalendarDate, today: CalendarDate, by account: String, at time: Date
    ) throws(ReunificationRefusal) -> ReunificationRecord {
        var record = existing ?? ReunificationRecord(familyId: familyId, recordedBy: account, recordedAt: time)
        let removedBefore = record.removedOn ?? reunificationStart
        record.removedOn = changes.removedOn ?? record.removedOn
        let removed = record.removedOn ?? reunificationStart
        if removed > today {
            throw ReunificationRefusal("the removal date \(removed.usFormat) is after today; record it once the children are removed")
        }
        if removed != removedBefore {
            if let prior = record.priorCashAidRecommendedOn, removed <= prior {
                throw ReunificationRefusal("the removal before this one had its AB 135 clock from \(prior.usFormat); "
                    + "a later removal comes after that day, and an earlier one cannot have a second clock")
            }
            // A removal after the recorded amendment is a new removal: its own clock, once its
            // plan is amended, and its own dispositional hearing. An earlier date corrects the
            // current removal and keeps its findings.
            if let amended = record.cashAidRecommendedOn, removed > amended {
                record.priorCashAidRecommendedOn = amended
                record.cashAidRecommendedOn = nil
                record.dispositionalHearingOn = nil
            }
        }
        if let amended = changes.cashAidRecommendedOn {
            if amended < removed {
                throw ReunificationRefusal("the reunification plan cannot be amended on \(amended.usFormat), before the removal on \(removed.usFormat)")
            }
            if amended > today {
                throw ReunificationRefusal("\(amended.usFormat) is after today; record the amendment once the plan is amended")
            }
            // An amendment still recorded here belongs to this removal (a new one cleared it).
            if let earlier = record.cashAidRecommendedOn, earlier != amended, !changes.correctingAmendment {
                throw ReunificationRefusal("AB 135 has no extension: the six months for the removal on \(removed.usFormat) count from "
                    + "the amendment on \(earlier.usFormat). If that date was recorded wrongly, record the right one with --correct-amendment")
            }
            record.cashAidRecommendedOn = amended
        }
        if let amended = record.cashAidRecommendedOn, amended < removed {
            throw ReunificationRefusal("the plan was amended on \(amended.usFormat), before the removal on \(removed.usFormat)")
        }
        record.servicesNeeded = changes.servicesNeeded ?? record.servicesNeeded
        record.allEligibleChildrenRemoved = changes.allEligibleChildrenRemoved ?? record.allEligibleChildrenRemoved
        record.receivesSSI = changes.receivesSSI ?? record.receivesSSI
        record.undocumentedNoncitizen = changes.undocumentedNoncitizen ?? record.undocumentedNoncitizen
        record.fleeingFelon = changes.fleeingFelon ?? record.fleeingFelon
        record.atTimeOnAidLimit = changes.atTimeOnAidLimit ?? record.atTimeOnAidLimit
        record.dispositionalHearingOn = changes.dispositionalHearingOn ?? record.dispositionalHearingOn
        if let hearing = record.dispositionalHearingOn, hearing < removed {
            throw ReunificationRefusal("the dispositional hearing on \(hearing.usFormat) cannot come before the removal on \(removed.usFormat)")
        }
        record.icwa = changes.icwa ?? record.icwa
        record.recordedBy = account
        record.recordedAt = time
        return record
    }
}
