/// What a plan task is, which says which program's side of the joint plan it belongs to:
/// CalWORKs' Welfare-to-Work activities and supportive services, Child Welfare's case plan
/// requirements, visits and services.
public enum TaskKind: String, Codable, CaseIterable, Sendable {
    case welfareToWorkActivity, supportiveService, caseRequirement, visit, service, other

    public var displayName: String {
        switch self {
        case .welfareToWorkActivity: return "Welfare-to-Work activity"
        case .supportiveService: return "Supportive service"
        case .caseRequirement: return "Court-ordered requirement"
        case .visit: return "Visit"
        case .service: return "Service"
        case .other: return "Other"
        }
    }

    /// The program whose plan the kind belongs to; nil when it depends on who owns the task.
    public var program: Program? {
        switch self {
        case .welfareToWorkActivity, .supportiveService: return .calworks
        case .caseRequirement, .visit: return .childWelfare
        case .service, .other: return nil
        }
    }

    /// Court-ordered services and visits: the Child Welfare time that Welfare-to-Work hours must not take.
    public var isCourtOrderedOrVisit: Bool { self == .caseRequirement || self == .visit }
}

extension PlanTask {
    /// The side of the joint plan the task shows on: its kind's program, else its owner's, else
    /// nil (family and provider tasks that belong to neither program's plan).
    public var side: Program? {
        if let program = kind.program { return program }
        switch owner {
        case .calworks: return .calworks
        case .childWelfare: return .childWelfare
        case .family, .provider: return nil
        }
    }
}
