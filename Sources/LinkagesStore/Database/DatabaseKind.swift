/// What a database file is for. Kept in the `meta` table so that a demo never overwrites real
/// data and a training database can say TRAINING on every screen.
public enum DatabaseKind: String, Sendable, CaseIterable {
    case production, demo, training

    /// The badge on the title line, or nil for the real database.
    public var badge: String? {
        switch self {
        case .production: return nil
        case .demo: return "DEMO"
        case .training: return "TRAINING"
        }
    }
}
