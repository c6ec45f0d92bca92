/// Something the family says at intake about its program involvement, before anyone has
/// confirmed it in CalSAWS or CWS/CMS.
public enum ReportedFact: String, Hashable, Sendable, CaseIterable {
    case receivesCalWORKs
    case inWelfareToWork
    case openChildWelfareCase
    case pastChildWelfare

    /// What the family said about CalWORKs and Child Welfare in an intake.
    public static func facts(in draft: IntakeDraft) -> Set<ReportedFact> {
        var reported: Set<ReportedFact> = []
        if draft.answer(.receivingCalWORKs) == "yes" { reported.insert(.receivesCalWORKs) }
        if draft.answer(.welfareToWork) == "yes" { reported.insert(.inWelfareToWork) }
        switch draft.answer(.childWelfareInvolvement) {
        case "openCase": reported.insert(.openChildWelfareCase)
        case "past": reported.insert(.pastChildWelfare)
        default: break
        }
        return reported
    }
}

/// Derives a family's Linkages tier from its program involvement and recorded concerns.
///
/// Source: the trainee workbook's Linkages Logic Model (seeds), which wins where the Linkages
/// Prevention Toolkit [L1] differs. The toolkit's extension that a family referred to Child
/// Welfare but not on CalWORKs belongs in early intervention when it would benefit from
/// CalWORKs is applied only when the family has a recorded financial need, because that is
/// what makes a CalWORKs referral useful.
public enum TierRules {
    /// - Parameters:
    ///   - withheld: programs whose details the reader may not see: the tier still counts them,
    ///     but the reasons only say the family is known there.
    ///   - shownConcerns: the concerns the reader may see, when fewer than `concerns`.
    public static func assess(
        involvements: [Involvement], concerns: [ConcernKind], reported: Set<ReportedFact> = [], on date: CalendarDate,
        withheld: Set<Program> = [], shownConcerns: [ConcernKind]? = nil
    ) -> TierAssessment {
        let current = involvements.filter { $0.isCurrent(on: date) }
        let calworksRecords = current.filter { $0.program == .calworks }
        let calworksPast = involvements.filter { $0.program == .calworks && !$0.isCurrent(on: date) }
        let cwsCases = current.filter { $0.component.isChildWelfareCase }
        let cwsReferrals = current.filter { $0.component == .emergencyResponse }
        let cwsPastRecords = involvements.filter { $0.program == .childWelfare && !$0.isCurrent(on: date) }
        let uniqueConcerns = ConcernKind.allCases.filter(concerns.contains)
        let economic = uniqueConcerns.filter(\.isEconomic)

        let calworksReported = calworksRecords.isEmpty
            && (reported.contains(.receivesCalWORKs) || reported.contains(.inWelfareToWork))
        let onCalWORKs = !calworksRecords.isEmpty || calworksReported
        let caseReported = cwsCases.isEmpty && reported.contains(.openChildWelfareCase)
        let caseOpen = !cwsCases.isEmpty || caseReported
        let pastChildWelfare = !cwsPastRecords.isEmpty || reported.contains(.pastChildWelfare)

        var reasons: [String] = []
        let knownTo = Set(involvements.map(\.program))
        if withheld.contains(.calworks) && knownTo.contains(.calworks) {
            reasons.append(knownOnly(.calworks))
        } else if !calworksRecords.isEmpty {
            reasons.append(describeCalWORKs(calworksRecords))
        } else if calworksReported {
            reasons.append("The family says it receives CalWORKs (not yet confirmed in CalSAWS).")
        } else if let last = calworksPast.max(by: { ($0.endDate ?? .distantPast) < ($1.endDate ?? .distantPast) }) {
            reasons.append("Not on CalWORKs now; a past CalWORKs case" + closedPhrase(last) + ".")
        } else {
            reasons.append("Not known to CalWORKs.")
        }
        if withheld.contains(.childWelfare) && knownTo.contains(.childWelfare) {
            reasons.append(knownOnly(.childWelfare))
        } else if !cwsCases.isEmpty {
            reasons.append("Open Child Welfare case: " + componentList(cwsCases) + ".")
        } else if caseReported {
            reasons.append("The family says a Child Welfare case is open (not yet confirmed in CWS/CMS).")
        }
        if !(withheld.contains(.childWelfare) && knownTo.contains(.childWelfare)) {
            if !cwsReferrals.isEmpty {
                reasons.append("Child Welfare referral under Emergency Response, no case opened.")
            }
            if !caseOpen && cwsReferrals.isEmpty {
                reasons.append(pastChildWelfare ? "Past Child Welfare involvement, none open now." : "No Child Welfare involvement.")
            }
        }
        let namedConcerns = shownConcerns.map { shown in uniqueConcerns.filter(shown.contains) } ?? uniqueConcerns
        if !namedConcerns.isEmpty {
            reasons.append("Identified needs: " + namedConcerns.map(\.displayName).joined(separator: ", ") + ".")
        }

        let tier: LinkagesTier?
        if onCalWORKs {
            let inFamilyStabilization = calworksRecords.contains { $0.component == .familyStabilization }
            if caseOpen {
                tier = .mutualClient
            } else if !cwsReferrals.isEmpty || pastChildWelfare || !uniqueConcerns.isEmpty || inFamilyStabilization {
                tier = .earlyIntervention
            } else {
                tier = .primaryPrevention
            }
        } else if caseOpen {
            tier = nil
            reasons.append("Both programs must be open for mutual-client coordination: screen the family for CalWORKs.")
        } else if !cwsReferrals.isEmpty && !economic.isEmpty {
            tier = .earlyIntervention
            reasons.append("Referred to Child Welfare with a financial need: may benefit from a CalWORKs referral.")
        } else {
            tier = nil
        }
        return TierAssessment(tier: tier, reasons: reasons)
    }

    private static func knownOnly(_ program: Program) -> String {
        "Known to \(program.displayName); its details are shared only under a release or court order."
    }

    private static func describeCalWORKs(_ involvements: [Involvement]) -> String {
        let pendingOnly = involvements.allSatisfy { $0.status == .pending }
        let verb = pendingOnly ? "Applied for CalWORKs" : "Open to CalWORKs"
        return "\(verb): " + componentList(involvements) + "."
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

extension CalendarDate {
    /// The earliest representable date, for comparisons with missing dates.
    public static let distantPast = CalendarDate(year: 1, month: 1, day: 1)!
    /// A date later than any record's, for comparisons with missing dates.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
