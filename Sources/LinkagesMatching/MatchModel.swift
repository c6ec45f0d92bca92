import Foundation

/// Fellegi–Sunter parameters: for every field and level, how often it is seen among pairs that
/// are the same person (m) and among pairs that are not (u), and the chance that two records
/// picked at random are the same person (the prior). Estimated from the data itself
/// (``ModelEstimation``) and saved or overridden as JSON.
///
/// Two people of one household share a surname, an address and a phone, so for a pair that
/// shares a home the names, birth date and sex are weighed against housemates (`householdU`),
/// not against strangers: a shared surname says little there, a shared birth date a lot.
public struct MatchModel: Codable, Equatable, Sendable {
    public var prior: Double
    /// `m[field][level]`.
    public var m: [[Double]]
    /// `u[field][level]` among random pairs.
    public var u: [[Double]]
    /// `householdU[field][level]` among different people who share a home.
    public var householdU: [[Double]]

    public init(prior: Double, m: [[Double]], u: [[Double]], householdU: [[Double]]) {
        self.prior = prior
        self.m = m
        self.u = u
        self.householdU = householdU
    }

    /// The fields whose u depends on whether the pair shares a home.
    public static let householdFields: Set<MatchField> = [.firstName, .lastName, .birthDate, .sex, .generation]

    /// The evidence a level gives, in bits (log2 of m/u); 0 when the field is missing.
    public func weight(_ field: MatchField, level: Int, sharesHome: Bool) -> Double {
        guard level != ComparisonVector.missingLevel else { return 0 }
        let f = field.rawValue
        let unmatched = sharesHome && Self.householdFields.contains(field) ? householdU[f][level] : u[f][level]
        return log2(max(m[f][level], 1e-9) / max(unmatched, 1e-9))
    }

    /// The starting evidence before any field is compared, in bits.
    public var priorWeight: Double {
        log2(prior / (1 - prior))
    }

    /// Turns a total weight in bits into a probability.
    public static func probability(_ weight: Double) -> Double {
        let odds = pow(2, weight)
        return odds / (1 + odds)
    }
}

/// How common each folded first name and surname is, so that an exact "García" counts for less
/// than an exact "Avendaño" (term-frequency adjustment). The adjustment is relative to the
/// average agreeing name: the model's weight for "first name agrees" already holds the average.
public struct NameFrequencies: Sendable {
    private var firstNames: [[UInt8]: Int] = [:]
    private var surnames: [[UInt8]: Int] = [:]
    private var total = 0
    /// The chance that two random people share a first name, and a surname.
    private var firstAgreement = 0.0
    private var surnameAgreement = 0.0

    public init(_ groups: [[MatchRecord]]) {
        for records in groups {
            for record in records {
                firstNames[record.name.first, default: 0] += 1
                surnames[record.name.surname, default: 0] += 1
                total += 1
            }
        }
        let people = Double(max(1, total))
        firstAgreement = firstNames.values.reduce(0) { $0 + pow(Double($1) / people, 2) }
        surnameAgreement = surnames.values.reduce(0) { $0 + pow(Double($1) / people, 2) }
    }

    /// Bits to add when two first names agree exactly: more for a rare name, less for a common one.
    public func firstNameAdjustment(_ name: [UInt8]) -> Double {
        adjustment(count: firstNames[name], agreement: firstAgreement)
    }

    /// Bits to add when two surnames agree exactly.
    public func surnameAdjustment(_ name: [UInt8]) -> Double {
        adjustment(count: surnames[name], agreement: surnameAgreement)
    }

    private func adjustment(count: Int?, agreement: Double) -> Double {
        guard total > 0, agreement > 0 else { return 0 }
        let share = Double(count ?? 1) / Double(total)
        return log2(agreement / share)
    }
}
