/// What the tier rules read from a family's program records and intake answers on one day,
/// with the sentences that explain it (``TierRules``).
struct TierFacts {
    /// CalWORKs involvements open on the day: the family receives aid or services.
    let calworksOpen: [Involvement]
    /// CalWORKs applications pending on the day.
    let calworksApplied: [Involvement]
    let calworksPast: [Involvement]
    /// Family Maintenance and Family Reunification cases open on the day.
    let mutualClientCases: [Involvement]
    let permanencyPlanning: [Involvement]
    let referrals: [Involvement]
    let childWelfarePast: [Involvement]
    /// Whether CalSAWS, or CWS/CMS, has any record of the family, current or past.
    let calworksKnown: Bool
    let childWelfareKnown: Bool
    let reported: Set<ReportedFact>

    init(involvements: [Involvement], reported: Set<ReportedFact>, on date: CalendarDate, confirmed: Set<Program>? = nil) {
        let current = involvements.filter { $0.isCurrent(on: date) }
        calworksOpen = current.filter { $0.program == .calworks && $0.status == .open }
        calworksApplied = current.filter { $0.program == .calworks && $0.status == .pending }
        calworksPast = involvements.filter { $0.program == .calworks && !$0.isCurrent(on: date) }
        mutualClientCases = current.filter { [.familyMaintenance, .familyReunification].contains($0.component) }
        permanencyPlanning = current.filter { $0.component == .permanencyPlanning }
        referrals = current.filter { $0.component == .emergencyResponse }
        childWelfarePast = involvements.filter { $0.program == .childWelfare && !$0.isCurrent(on: date) }
        let known = confirmed ?? Set(involvements.map(\.program))
        calworksKnown = known.contains(.calworks)
        childWelfareKnown = known.contains(.childWelfare)
        self.reported = reported
    }

    /// The family said at intake that it receives CalWORKs or takes part in Welfare-to-Work.
    private var saidOnCalWORKs: Bool { reported.contains(.receivesCalWORKs) || reported.contains(.inWelfareToWork) }

    /// What the family said about CalWORKs, while CalSAWS has no record of it.
    var calworksReported: Bool { !calworksKnown && saidOnCalWORKs }
    var caseReported: Bool { !childWelfareKnown && reported.contains(.openChildWelfareCase) }

    /// Receiving CalWORKs: an open CalWORKs record, or the family's word while there is none.
    var onCalWORKs: Bool { !calworksOpen.isEmpty || calworksReported }
    /// Applying for CalWORKs and not receiving it yet.
    var appliedForCalWORKs: Bool { !onCalWORKs && !calworksApplied.isEmpty }
    /// A Family Maintenance or Family Reunification case open, on record or by the family's word.
    var caseOpen: Bool { !mutualClientCases.isEmpty || caseReported }
    var permanencyPlanningOpen: Bool { !permanencyPlanning.isEmpty }
    var referralOpen: Bool { !referrals.isEmpty }
    var pastChildWelfare: Bool { !childWelfarePast.isEmpty || (!childWelfareKnown && reported.contains(.pastChildWelfare)) }
    var inFamilyStabilization: Bool { calworksOpen.contains { $0.component == .familyStabilization } }

    var calworksReasons: [String] {
        var reasons: [String] = []
        if !calworksOpen.isEmpty {
            reasons.append("Open to CalWORKs: " + Self.componentList(calworksOpen) + ".")
        } else if !calworksApplied.isEmpty {
            reasons.append("Applied for CalWORKs, not yet receiving it: " + Self.componentList(calworksApplied) + ".")
        } else if calworksReported {
            reasons.append("The family says it receives CalWORKs (not yet confirmed: this counts until CalSAWS has a record of the family).")
        } else if let last = calworksPast.max(by: { ($0.endDate ?? .distantPast) < ($1.endDate ?? .distantPast) }) {
            reasons.append("Not on CalWORKs now; a past CalWORKs case" + Self.closedPhrase(last) + ".")
        } else {
            reasons.append("Not known to CalWORKs.")
        }
        if calworksKnown && saidOnCalWORKs && calworksOpen.isEmpty {
            reasons.append("At intake the family said it receives CalWORKs; the CalSAWS record, which does not show it open, is used.")
        }
        return reasons
    }

    var childWelfareReasons: [String] {
        var reasons: [String] = []
        let cases = mutualClientCases + permanencyPlanning
        if !cases.isEmpty {
            reasons.append("Open Child Welfare case: " + Self.componentList(cases) + ".")
        } else if caseReported {
            reasons.append("The family says a Child Welfare case is open (not yet confirmed: this counts until CWS/CMS has a record of the family).")
        }
        if referralOpen {
            reasons.append("Child Welfare referral under Emergency Response, no case opened.")
        }
        if cases.isEmpty && !caseReported && !referralOpen {
            reasons.append(pastChildWelfare ? "Past Child Welfare involvement, none open now." : "No Child Welfare involvement.")
        }
        if childWelfareKnown && reported.contains(.openChildWelfareCase) && cases.isEmpty {
            reasons.append("At intake the family said a Child Welfare case is open; the CWS/CMS record, which shows none open, is used.")
        }
        return reasons
    }

    private static func componentList(_ involvements: [Involvement]) -> String {
        ServiceComponent.allCases
            .filter { component in involvements.contains { $0.component == component } }
            .map(\.displayName)
            .joined(separator: ", ")
    }

    private static func closedPhrase(_ involvement: Involvement) -> String {
        guard let end = involvement.endDate else { return " is closed" }
        return " closed \(end.usFormat)"
    }
}
