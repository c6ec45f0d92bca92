/// Derives a family's Linkages tier from its program involvement and recorded concerns.
///
/// Source: the trainee workbook's Linkages Logic Model (seeds), which wins where the Linkages
/// Prevention Toolkit [L1] differs. The toolkit's extension that a family referred to Child
/// Welfare but not on CalWORKs belongs in early intervention when it would benefit from
/// CalWORKs is applied only when the family has a recorded financial need, because that is
/// what makes a CalWORKs referral useful.
public enum TierRules {
    public static func assess(
        involvements: [Involvement], concerns: [ConcernKind], on date: CalendarDate
    ) -> TierAssessment {
        let current = involvements.filter { $0.isCurrent(on: date) }
        let calworksCurrent = current.filter { $0.program == .calworks }
        let calworksPast = involvements.filter { $0.program == .calworks && !$0.isCurrent(on: date) }
        let cwsCases = current.filter { $0.component.isChildWelfareCase }
        let cwsReferrals = current.filter { $0.component == .emergencyResponse }
        let cwsPast = involvements.filter { $0.program == .childWelfare && !$0.isCurrent(on: date) }
        let uniqueConcerns = ConcernKind.allCases.filter(concerns.contains)
        let economic = uniqueConcerns.filter(\.isEconomic)

        var reasons: [String] = []
        if !calworksCurrent.isEmpty {
            reasons.append(describeCalWORKs(calworksCurrent))
        } else if let last = calworksPast.max(by: { ($0.endDate ?? .distantPast) < ($1.endDate ?? .distantPast) }) {
            reasons.append("Not on CalWORKs now; a past CalWORKs case" + closedPhrase(last) + ".")
        } else {
            reasons.append("Not known to CalWORKs.")
        }
        if !cwsCases.isEmpty {
            reasons.append("Open Child Welfare case: " + componentList(cwsCases) + ".")
        }
        if !cwsReferrals.isEmpty {
            reasons.append("Child Welfare referral under Emergency Response, no case opened.")
        }
        if cwsCases.isEmpty && cwsReferrals.isEmpty {
            reasons.append(cwsPast.isEmpty
                ? "No Child Welfare involvement."
                : "Past Child Welfare involvement, none open now.")
        }
        if !uniqueConcerns.isEmpty {
            reasons.append("Identified needs: " + uniqueConcerns.map(\.displayName).joined(separator: ", ") + ".")
        }

        let tier: LinkagesTier?
        if !calworksCurrent.isEmpty {
            let inFamilyStabilization = calworksCurrent.contains { $0.component == .familyStabilization }
            if !cwsCases.isEmpty {
                tier = .mutualClient
            } else if !cwsReferrals.isEmpty || !cwsPast.isEmpty || !uniqueConcerns.isEmpty || inFamilyStabilization {
                tier = .earlyIntervention
            } else {
                tier = .primaryPrevention
            }
        } else if !cwsCases.isEmpty {
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
}
