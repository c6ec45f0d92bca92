/// A component of CalWORKs or Child Welfare Services (the seeds' "key components").
public enum ServiceComponent: String, Codable, CaseIterable, Sendable {
    // CalWORKs
    case cashAid
    case welfareToWork
    case familyStabilization
    // Child Welfare Services
    case emergencyResponse
    case familyMaintenance
    case familyReunification
    case permanencyPlanning

    public var program: Program {
        switch self {
        case .cashAid, .welfareToWork, .familyStabilization: return .calworks
        case .emergencyResponse, .familyMaintenance, .familyReunification, .permanencyPlanning:
            return .childWelfare
        }
    }

    public var displayName: String {
        switch self {
        case .cashAid: return "Cash aid"
        case .welfareToWork: return "Welfare-to-Work"
        case .familyStabilization: return "Family Stabilization"
        case .emergencyResponse: return "Emergency Response"
        case .familyMaintenance: return "Family Maintenance"
        case .familyReunification: return "Family Reunification"
        case .permanencyPlanning: return "Permanency Planning"
        }
    }

    /// The short code caseworkers use (ER, FM, FR, PP; WTW, FS).
    public var code: String {
        switch self {
        case .cashAid: return "CA"
        case .welfareToWork: return "WTW"
        case .familyStabilization: return "FS"
        case .emergencyResponse: return "ER"
        case .familyMaintenance: return "FM"
        case .familyReunification: return "FR"
        case .permanencyPlanning: return "PP"
        }
    }

    /// A Child Welfare *case* (FM, FR, PP) as opposed to an Emergency Response *referral*:
    /// in CWS/CMS a referral is investigated at ER and a case is opened only afterwards.
    public var isChildWelfareCase: Bool {
        switch self {
        case .familyMaintenance, .familyReunification, .permanencyPlanning: return true
        default: return false
        }
    }

    public static func components(of program: Program) -> [ServiceComponent] {
        allCases.filter { $0.program == program }
    }
}

/// Where a program involvement stands.
public enum InvolvementStatus: String, Codable, CaseIterable, Sendable {
    /// Applied for (CalWORKs) or referred and under investigation (ER).
    case pending
    /// Receiving services / case open.
    case open
    /// Ended.
    case closed

    public var displayName: String {
        switch self {
        case .pending: return "pending"
        case .open: return "open"
        case .closed: return "closed"
        }
    }
}
