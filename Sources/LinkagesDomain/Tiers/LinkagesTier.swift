/// The three tiers of the Linkages logic model (trainee workbook, "Linkages Logic Model").
public enum LinkagesTier: String, Codable, CaseIterable, Sendable, Comparable {
    /// Primary prevention: CalWORKs applicants and recipients not involved with Child Welfare.
    /// Activity: information and materials that promote child and family well-being.
    case primaryPrevention
    /// Early intervention (secondary prevention): CalWORKs applicants or recipients with
    /// identified risk factors or service needs, who may or may not have been referred to
    /// Child Welfare, but with no Child Welfare case opened.
    /// Activity: align and coordinate early intervention services and supports.
    case earlyIntervention
    /// Mutual client coordination (tertiary prevention): families open to both CalWORKs and
    /// Child Welfare (Family Maintenance, Family Reunification).
    /// Activity: coordinate joint services to prevent re-entry and relieve economic stress.
    case mutualClient

    public var displayName: String {
        switch self {
        case .primaryPrevention: return "Primary prevention"
        case .earlyIntervention: return "Early intervention"
        case .mutualClient: return "Mutual client"
        }
    }

    /// A short label for narrow columns.
    public var shortName: String {
        switch self {
        case .primaryPrevention: return "Prevention"
        case .earlyIntervention: return "Early int."
        case .mutualClient: return "Mutual"
        }
    }

    /// What Linkages does for families in this tier, in the logic model's words.
    public var linkagesActivity: String {
        switch self {
        case .primaryPrevention:
            return "Provide information and materials to promote child and family wellbeing."
        case .earlyIntervention:
            return "Align and coordinate early intervention services and supports."
        case .mutualClient:
            return "Coordinate joint services, supports and resources to prevent re-entry to CWS and alleviate economic stressors."
        }
    }

    public static func < (lhs: LinkagesTier, rhs: LinkagesTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A family's tier with the reasons that put it there, in plain words a caseworker can repeat.
public struct TierAssessment: Hashable, Sendable {
    /// Nil when the family is in no Linkages tier (not on CalWORKs and no Child Welfare referral
    /// with financial need).
    public var tier: LinkagesTier?
    public var reasons: [String]

    public init(tier: LinkagesTier?, reasons: [String]) {
        self.tier = tier
        self.reasons = reasons
    }

    public var label: String {
        tier?.displayName ?? "No Linkages tier"
    }
}
