/// One number of the outcomes report: a count, a rate, or a median, with what it was computed from.
public enum Figure: Equatable, Sendable {
    case count(Int)
    case rate(numerator: Int, denominator: Int)
    /// A median number of days over `of` items; nil when there were none.
    case median(days: Double?, of: Int)

    /// Counts from 1 to 10 are not shown, the way California's public child-welfare dashboards
    /// protect small groups: a rate or median resting on such a count is withheld with it.
    public static let smallestShown = 11

    /// True when the figure must not be shown: it rests on 1 to 10 people or referrals.
    public var isSuppressed: Bool {
        switch self {
        case .count(let n): return n > 0 && n < Self.smallestShown
        case .rate(let numerator, let denominator):
            return (numerator > 0 && numerator < Self.smallestShown) || (denominator > 0 && denominator < Self.smallestShown)
        case .median(_, let n): return n > 0 && n < Self.smallestShown
        }
    }

    /// The value as a number (a rate as a fraction), or nil when suppressed or undefined.
    public var value: Double? {
        guard !isSuppressed else { return nil }
        switch self {
        case .count(let n): return Double(n)
        case .rate(let numerator, let denominator): return denominator == 0 ? nil : Double(numerator) / Double(denominator)
        case .median(let days, _): return days
        }
    }

    /// As a person reads it: "42", "63.2% (43 of 68)", "4.5 days (n=31)", "<11", "—".
    public var text: String {
        if isSuppressed { return "<11" }
        switch self {
        case .count(let n): return String(n)
        case .rate(let numerator, let denominator):
            guard denominator > 0 else { return "—" }
            return "\(Self.percent(Double(numerator) / Double(denominator))) (\(numerator) of \(denominator))"
        case .median(let days, let n):
            guard let days else { return "—" }
            return "\(Self.decimal(days)) days (n=\(n))"
        }
    }

    static func percent(_ fraction: Double) -> String {
        decimal(fraction * 100) + "%"
    }

    /// One decimal, without a locale: "4.5", "12.0".
    public static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
