import Foundation

/// One field's part in a match, in words: "last name agrees (+6.1)".
public struct Evidence: Codable, Sendable, Equatable {
    public var field: MatchField
    public var description: String
    public var weight: Double

    public init(field: MatchField, description: String, weight: Double) {
        self.field = field
        self.description = description
        self.weight = weight
    }

    public var text: String {
        let sign = weight > 0.05 ? "+" : (weight < -0.05 ? "−" : "")
        return "\(description) (\(sign)\(String(format: "%.1f", abs(weight))))"
    }
}

/// How much more (or less) an exact agreement on a person's first name and surname counts
/// than the average agreement, in bits.
public struct NameAdjustments: Sendable {
    public var firstName: Double
    public var surname: Double
}

/// A model made ready to score many pairs: every field's weight at every level looked up once.
public struct Scorer: Sendable {
    public let model: MatchModel
    public let frequencies: NameFrequencies
    /// `weights[(field * 16 + level) * 2 + (shares a home ? 1 : 0)]`.
    private let weights: [Double]

    public init(model: MatchModel, frequencies: NameFrequencies) {
        self.model = model
        self.frequencies = frequencies
        var weights = [Double](repeating: 0, count: MatchField.allCases.count * 32)
        for field in MatchField.allCases {
            for level in 0..<field.levelCount {
                for home in [false, true] {
                    weights[(field.rawValue * 16 + level) * 2 + (home ? 1 : 0)] = model.weight(field, level: level, sharesHome: home)
                }
            }
        }
        self.weights = weights
    }

    /// The name-frequency adjustments of a record (of the first list).
    public func nameAdjustments(_ record: MatchRecord) -> NameAdjustments {
        NameAdjustments(firstName: frequencies.firstNameAdjustment(record.name.first), surname: frequencies.surnameAdjustment(record.name.surname))
    }

    /// A pair's total weight in bits, the prior included.
    public func weight(_ vector: ComparisonVector, _ adjustments: NameAdjustments) -> Double {
        MatchField.allCases.reduce(model.priorWeight) { $0 + weight($1, vector, adjustments) }
    }

    /// The match probability of a pair whose first record is `record`.
    public func probability(_ vector: ComparisonVector, _ record: MatchRecord) -> Double {
        MatchModel.probability(weight(vector, nameAdjustments(record)))
    }

    /// Every field's part in a pair's weight, in words.
    public func evidence(_ vector: ComparisonVector, _ record: MatchRecord) -> [Evidence] {
        let adjustments = nameAdjustments(record)
        return MatchField.allCases.map { field in
            let level = vector.level(field)
            let description = level == ComparisonVector.missingLevel ? field.missingDescription : field.describe(level)
            return Evidence(field: field, description: description, weight: weight(field, vector, adjustments))
        }
    }

    /// One field's weight: the model's, adjusted for how common the name is when names agree.
    func weight(_ field: MatchField, _ vector: ComparisonVector, _ adjustments: NameAdjustments) -> Double {
        let level = vector.level(field)
        guard level != ComparisonVector.missingLevel else { return 0 }
        var weight = weights[(field.rawValue * 16 + level) * 2 + (vector.sharesHome ? 1 : 0)]
        if level == 0 && field == .firstName {
            weight += adjustments.firstName
        } else if level == 0 && field == .lastName {
            weight += adjustments.surname
        }
        return weight
    }
}
