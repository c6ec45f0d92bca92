/// The two county programs Linkages coordinates.
public enum Program: String, Codable, CaseIterable, Sendable, Comparable {
    /// CalWORKs: cash aid, Welfare-to-Work, Family Stabilization. Records live in CalSAWS.
    case calworks
    /// Child Welfare Services: Emergency Response, Family Maintenance, Family Reunification,
    /// Permanency Planning. Records live in CWS/CMS.
    case childWelfare

    public var displayName: String {
        switch self {
        case .calworks: return "CalWORKs"
        case .childWelfare: return "Child Welfare"
        }
    }

    /// A text badge, so that the program never depends on colour alone.
    public var badge: String {
        switch self {
        case .calworks: return "[CW]"
        case .childWelfare: return "[CWS]"
        }
    }

    /// The system of record the county extracts come from.
    public var systemOfRecord: String {
        switch self {
        case .calworks: return "CalSAWS"
        case .childWelfare: return "CWS/CMS"
        }
    }

    public var other: Program {
        self == .calworks ? .childWelfare : .calworks
    }

    public static func < (lhs: Program, rhs: Program) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a household record came from: one of the programs' extracts, or an intake done in Linkages.
public enum RecordSource: String, Codable, CaseIterable, Sendable {
    case calworks
    case childWelfare
    case intake

    public var program: Program? {
        switch self {
        case .calworks: return .calworks
        case .childWelfare: return .childWelfare
        case .intake: return nil
        }
    }

    public init(_ program: Program) {
        self = program == .calworks ? .calworks : .childWelfare
    }

    public var displayName: String {
        program?.displayName ?? "Linkages intake"
    }
}
