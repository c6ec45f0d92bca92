/// How Linkages first learned that a family is known to both programs.
public enum IdentificationMethod: String, Codable, CaseIterable, Sendable {
    /// An ER intake was attached to a family CalWORKs already knew.
    case intake
    /// A worker or supervisor linked the records by hand: a suggested pair confirmed in the
    /// household lookup's review queue.
    case lookup
    /// `linkages match` linked the records above its threshold.
    case batchMatch

    public var displayName: String {
        switch self {
        case .intake: return "ER intake"
        case .lookup: return "Lookup review"
        case .batchMatch: return "Batch match"
        }
    }
}
