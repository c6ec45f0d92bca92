/// The AB 2085 check: when every recorded concern is economic and the worker found no
/// substantial risk of serious harm, poverty alone is not general neglect (Penal Code 11165.2
/// as amended by AB 2085, in force since January 1, 2023 [C23]; the workbook's Key Legislation).
/// The conclusion needs the worker's answer "no": a blank or "unknown" answer concludes nothing,
/// because general neglect turns on that very question.
public struct AB2085Check: Equatable, Sendable {
    public enum Result: Equatable, Sendable {
        /// No concern recorded yet.
        case nothingRecorded
        /// Only economic concerns, no substantial risk of serious harm: offer concrete supports.
        case povertyAloneIsNotNeglect(economic: [ConcernKind])
        /// Only economic concerns, and whether a child is at substantial risk of serious harm is
        /// not yet known: no conclusion until it is.
        case riskNotYetKnown(economic: [ConcernKind])
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
            result = seriousHarmAnswer == "no" ? .povertyAloneIsNotNeglect(economic: unique) : .riskNotYetKnown(economic: unique)
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
        case .riskNotYetKnown(let economic):
            let list = economic.map(\.displayName).joined(separator: ", ")
            return "Every concern recorded is economic (\(list)), but whether any child is at substantial risk of serious "
                + "physical harm or illness is not yet known, so AB 2085 cannot be applied yet. Find out whether any child "
                + "is at that risk, then answer the serious-harm question."
        case .seriousHarmRecorded:
            return "A substantial risk of serious physical harm or illness was recorded, so this is not poverty alone."
        case .notOnlyEconomic(let other):
            return "Not only economic: \(other.map(\.displayName).joined(separator: ", ")) recorded."
        }
    }

    /// Only economic concerns, and the serious-harm question still open.
    public var awaitsSeriousHarmAnswer: Bool {
        if case .riskNotYetKnown = result { return true }
        return false
    }

    public var appliesPovertyRule: Bool {
        if case .povertyAloneIsNotNeglect = result { return true }
        return false
    }
}
