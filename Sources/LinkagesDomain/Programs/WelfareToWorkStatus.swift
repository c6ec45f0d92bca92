/// Where a parent stands in Welfare-to-Work, as CalSAWS registers it.
///
/// Source: the WTW registration statuses listed in the project's domain notes (item C26); the
/// Linkages priority order there (L8) puts sanction first, then non-compliance.
public enum WelfareToWorkStatus: String, Codable, CaseIterable, Sendable {
    case registered
    case voluntary
    case exempt
    /// The parent is doing what lifts a sanction; the sanction still stands.
    case curingSanction
    /// The parent has not taken part as required and the good-cause process is under way.
    case nonCompliance
    /// Aid is reduced for the parent's failure to take part.
    case sanction
    case ineligible
    case closed

    public var displayName: String {
        switch self {
        case .registered: return "registered"
        case .voluntary: return "registered (voluntary)"
        case .exempt: return "exempt"
        case .curingSanction: return "curing a sanction"
        case .nonCompliance: return "non-compliance"
        case .sanction: return "sanction"
        case .ineligible: return "ineligible"
        case .closed: return "closed"
        }
    }

    /// How much the status calls for a joint staffing: 2 for a sanction (curing or not), 1 for
    /// non-compliance, 0 otherwise. Sanctions come first in the counties' Linkages order.
    public var staffingPriority: Int {
        switch self {
        case .sanction, .curingSanction: return 2
        case .nonCompliance: return 1
        default: return 0
        }
    }
}
