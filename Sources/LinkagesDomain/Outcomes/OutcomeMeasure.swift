/// The measures a Linkages county reports. Each is defined in words in docs/outcomes.md, under
/// its id, with the query that recomputes it in the sqlite3 shell.
public enum OutcomeMeasure: String, CaseIterable, Codable, Sendable {
    case mutualIdentified = "mutual-identified"
    case familiesByTier = "families-by-tier"
    case referralsSent = "referrals-sent"
    case closedLoopRate = "closed-loop-rate"
    case daysToFirstContact = "days-to-first-contact"
    case overdueShare = "overdue-share"
    case plansWithTeamMeeting = "plans-with-cft"
    case ab135Reunified = "ab135-reunified"
    case reentryWithinYear = "reentry-12-months"
    case staffingCoverage = "staffing-coverage"
    case responseInTime = "er-response-in-time"

    public var title: String {
        switch self {
        case .mutualIdentified: return "Mutual families identified"
        case .familiesByTier: return "Families by tier"
        case .referralsSent: return "Referrals sent"
        case .closedLoopRate: return "Closed-loop rate"
        case .daysToFirstContact: return "Days from sent to first contact"
        case .overdueShare: return "Open referrals overdue"
        case .plansWithTeamMeeting: return "Joint plans with a CFT meeting held"
        case .ab135Reunified: return "AB 135 clocks ended in reunification"
        case .reentryWithinYear: return "Re-entry within 12 months of closure"
        case .staffingCoverage: return "Mutual families staffed"
        case .responseInTime: return "In-person ER response in time"
        }
    }

    /// One sentence a program manager can read aloud.
    public var definition: String {
        switch self {
        case .mutualIdentified:
            return "Families first found known to both programs during the period, by how they were found."
        case .familiesByTier:
            return "Families by Linkages tier on the period's last day, and at each month's end."
        case .referralsSent:
            return "Referrals first sent during the period, by type and by where they stood at its end."
        case .closedLoopRate:
            return "Of the referrals sent during the period (withdrawn ones left out), the share closed with an outcome by its end."
        case .daysToFirstContact:
            return "Median days from a referral's sending to the family's first contact (in service), for referrals sent during the period."
        case .overdueShare:
            return "Of the referrals open on the period's last day, the share past their county service level."
        case .plansWithTeamMeeting:
            return "Of the joint case plans started by the period's end, the share with a Child and Family Team meeting held."
        case .ab135Reunified:
            return "Of the AB 135 clocks whose last day fell in the period, the share whose children had come home by the period's end."
        case .reentryWithinYear:
            return "Of the families whose Child Welfare case closed during the period, the share with a new case within 12 months."
        case .staffingCoverage:
            return "Of the families open in both programs on the period's last day, the share staffed jointly during the period."
        case .responseInTime:
            return "Of the in-person ER referrals received during the period and due by its end, the share with contact attempted "
                + "or made by the deadline (CDSS measure 2B); also the share whose family was seen in time, attempts left out."
        }
    }

    /// Rates can be compared between groups (the disparity view).
    public var isRate: Bool {
        switch self {
        case .mutualIdentified, .familiesByTier, .referralsSent, .daysToFirstContact: return false
        default: return true
        }
    }
}

/// How the report splits each measure.
public enum Breakdown: String, CaseIterable, Codable, Sendable {
    case office, program, tier, race

    public var title: String {
        switch self {
        case .office: return "Office"
        case .program: return "Program"
        case .tier: return "Tier"
        case .race: return "Race/ethnicity"
        }
    }
}
