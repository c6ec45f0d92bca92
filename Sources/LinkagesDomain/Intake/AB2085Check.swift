/// The AB 2085 check: when every recorded concern is economic and none is a substantial risk
/// of serious harm, poverty alone is not general neglect (Penal Code 11165.2 as amended by
/// AB 2085, in force since January 1, 2023 [C23]; the workbook's Key Legislation).
public struct AB2085Check: Equatable, Sendable {
    public enum Result: Equatable, Sendable {
        /// No concern recorded yet.
        case nothingRecorded
        /// Only economic concerns, no substantial risk of serious harm: offer concrete supports.
        case povertyAloneIsNotNeglect(economic: [ConcernKind])
        /// A substantial risk of serious physical harm or illness was recorded.
        case seriousHarmRecorded
        /// Other concerns besides economic ones.
        case notOnlyEconomic(other: [ConcernKind])
    }

    public var result: Result

    public init(concerns: [ConcernKind], seriousHarmAnswer: String) {
        let unique = ConcernKind.allCases.filter(concerns.contains)
        if seriousHarmAnswer == "yes" {
            result = .seriousHarmRecorded
        } else if unique.isEmpty {
            result = .nothingRecorded
        } else if unique.allSatisfy(\.isEconomic) {
            result = .povertyAloneIsNotNeglect(economic: unique)
        } else {
            result = .notOnlyEconomic(other: unique.filter { !$0.isEconomic })
        }
    }

    /// The check in words for the outcome panel.
    public var explanation: String {
        switch result {
        case .nothingRecorded:
            return "No concern recorded yet."
        case .povertyAloneIsNotNeglect(let economic):
            let list = economic.map(\.displayName).joined(separator: ", ")
            return "Every concern recorded is economic (\(list)) and no substantial risk of serious harm was recorded. "
                + "Under AB 2085, general neglect needs a substantial risk of serious physical harm or illness; a parent's "
                + "economic disadvantage alone is not general neglect. Offer concrete supports instead."
        case .seriousHarmRecorded:
            return "A substantial risk of serious physical harm or illness was recorded, so this is not poverty alone."
        case .notOnlyEconomic(let other):
            return "Not only economic: \(other.map(\.displayName).joined(separator: ", ")) recorded."
        }
    }

    public var appliesPovertyRule: Bool {
        if case .povertyAloneIsNotNeglect = result { return true }
        return false
    }
}
