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
/// Prevention Toolkit [L1] differs:
/// - *Primary prevention*: "All Applicants of CalWORKs not involved in CWS": a family applying
///   for or receiving CalWORKs, with no risk factor recorded.
/// - *Early intervention*: "Applicants for/recipients of CalWORKs with identified risk
///   factors/service needs who may/may not have been referred to CWS, but CWS case has not been
///   opened", the workbook listing Hotline/ER, Family Stabilization, home visiting and
///   Differential Response among its services. A past Child Welfare case, an open ER referral,
///   a recorded concern or Family Stabilization each count as the risk factor.
/// - *Mutual client coordination*: "Families who are open to CalWORKs and CWS (Family
///   Maintenance, Family Reunification)": receiving CalWORKs, not only applying, and a Family
///   Maintenance or Family Reunification case. Permanency Planning is not named, so it gives no tier.
///
/// The toolkit's extension that a family referred to Child Welfare but not on CalWORKs belongs
/// in early intervention when it "would benefit from a referral" to CalWORKs is applied only when
/// the family has a recorded financial need: Linkages' reading of "would benefit", not a rule of
/// the toolkit's.
///
/// What the family said at intake (``ReportedFact``) counts for a program only until a record of
/// that program is known: once CalSAWS or CWS/CMS has a record of the family, the record decides,
/// and the reasons say what the family had said.
public enum TierRules {
    /// - Parameters:
    ///   - withheld: programs whose details the reader may not see: the tier still counts them,
    ///     but the reasons only say the family is known there.
    ///   - shownConcerns: the concerns the reader may see, when fewer than `concerns`.
    ///   - confirmed: the programs whose own system (CalSAWS, CWS/CMS) has a record of the
    ///     family; nil when every involvement is such a record. The ER referral an intake
    ///     recorded is Linkages' own, and leaves what the family said standing.
    public static func assess(
        involvements: [Involvement], concerns: [ConcernKind], reported: Set<ReportedFact> = [], on date: CalendarDate,
        withheld: Set<Program> = [], shownConcerns: [ConcernKind]? = nil, confirmed: Set<Program>? = nil
    ) -> TierAssessment {
        let facts = TierFacts(involvements: involvements, reported: reported, on: date, confirmed: confirmed)
        let uniqueConcerns = ConcernKind.allCases.filter(concerns.contains)
        let economic = uniqueConcerns.filter(\.isEconomic)
        let calworksHidden = withheld.contains(.calworks) && facts.calworksKnown
        let childWelfareHidden = withheld.contains(.childWelfare) && facts.childWelfareKnown

        var reasons = calworksHidden ? [knownOnly(.calworks)] : facts.calworksReasons
        if childWelfareHidden {
            reasons.append(knownOnly(.childWelfare))
        } else {
            reasons += facts.childWelfareReasons
        }
        let namedConcerns = shownConcerns.map { shown in uniqueConcerns.filter(shown.contains) } ?? uniqueConcerns
        if !namedConcerns.isEmpty {
            reasons.append("Identified needs: " + namedConcerns.map(\.displayName).joined(separator: ", ") + ".")
        }

        let tier: LinkagesTier?
        if facts.onCalWORKs || facts.appliedForCalWORKs {
            if facts.caseOpen && facts.onCalWORKs {
                tier = .mutualClient
            } else if facts.caseOpen {
                tier = nil
                reasons.append("Applied for CalWORKs but not yet receiving it: mutual-client coordination is for families "
                               + "open to both programs, so it starts once CalWORKs opens.")
            } else if facts.permanencyPlanningOpen {
                tier = nil
                reasons.append("A Permanency Planning case is open: the Linkages tiers name Family Maintenance and Family "
                               + "Reunification cases only, so no tier applies.")
            } else if facts.referralOpen || facts.pastChildWelfare || !uniqueConcerns.isEmpty || facts.inFamilyStabilization {
                tier = .earlyIntervention
            } else {
                tier = .primaryPrevention
            }
        } else if facts.caseOpen {
            tier = nil
            reasons.append("Both programs must be open for mutual-client coordination: screen the family for CalWORKs.")
        } else if facts.referralOpen && !economic.isEmpty {
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
}

extension CalendarDate {
    /// The earliest representable date, for comparisons with missing dates.
    public static let distantPast = CalendarDate(year: 1, month: 1, day: 1)!
    /// A date later than any record's, for comparisons with missing dates.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
