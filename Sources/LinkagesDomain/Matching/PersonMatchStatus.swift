/// Where a suggested link between a CalWORKs person and a Child Welfare person stands.
///
/// The batch match links pairs at or above the link threshold itself and queues the less
/// certain ones for a supervisor. A supervisor's decision is final: a rejected pair is never
/// suggested again, however often the match runs.
public enum PersonMatchStatus: String, Codable, CaseIterable, Sendable {
    /// Linked by the batch match (probability at or above the link threshold).
    case linked
    /// Waiting in the review queue (probability between the review floor and the threshold).
    case suggested
    /// A supervisor confirmed it.
    case confirmed
    /// A supervisor rejected it.
    case rejected

    /// Whether the two people are treated as one: their households are one family.
    public var joinsFamilies: Bool {
        self == .linked || self == .confirmed
    }

    /// Whether a person decided it (and the batch match must leave it alone).
    public var isDecided: Bool {
        self == .confirmed || self == .rejected
    }

    public var label: String {
        switch self {
        case .linked: return "Linked by match"
        case .suggested: return "Waiting for review"
        case .confirmed: return "Confirmed"
        case .rejected: return "Rejected"
        }
    }
}

/// The probabilities that decide what the batch match does with a pair (docs/matching.md).
public enum MatchThresholds {
    /// At or above: linked without review, and written to pairs.csv.
    public static let link = 0.9
    /// At or above (and below `link`): queued for a supervisor's review.
    public static let review = 0.5
}
