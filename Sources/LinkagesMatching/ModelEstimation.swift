import Foundation

/// Estimates a ``MatchModel`` without labelled data, in four steps:
/// 1. u from random pairs, almost all of which are different people;
/// 2. the housemates' u from pairs that share a home but are plainly not the same person;
/// 3. m by expectation-maximisation within training blocks: among pairs born on the same day
///    the names tell matches apart, among pairs whose names sound alike the birth date and the
///    address do; a field is never estimated in a block that chose it;
/// 4. the prior, the share of all possible pairs that are the same person, as the fixed point
///    of the expected number of matches among the candidates.
public enum ModelEstimation {
    /// u: how often each level occurs among random pairs, smoothed so no level is impossible.
    public static func estimateU(
        a: [MatchRecord], b: [MatchRecord], comparator: Comparator, samples: Int, seed: UInt64 = 1
    ) -> [[Double]] {
        guard !a.isEmpty, !b.isEmpty else { return normalized(emptyCounts(smoothing: 0.5)) }
        let chunks = 8
        let perChunk = samples / chunks
        let partial = Locked<[[[Double]]]>([])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var random = SplitMix(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9)
            var local = emptyCounts(smoothing: 0)
            for _ in 0..<perChunk {
                let x = a[Int(random.next() % UInt64(a.count))]
                let y = b[Int(random.next() % UInt64(b.count))]
                add(comparator.compare(x, y), to: &local)
            }
            partial.mutate { $0.append(local) }
        }
        return normalized(sum(partial.value, start: emptyCounts(smoothing: 0.5)))
    }

    /// u among housemates: pairs with the same phone or the same house number in the same ZIP
    /// code, leaving out those that look like the same person (names and birth date nearly
    /// agree, or an identifier agrees).
    public static func estimateHouseholdU(a: [MatchRecord], b: [MatchRecord], comparator: Comparator, randomU: [[Double]]) -> [[Double]] {
        let rules = [
            BlockingRule(name: "same phone") { record, keys in
                if record.phone != 0 { keys.append(BlockingRule.mix(11, UInt64(record.phone))) }
            },
            BlockingRule(name: "same house number and ZIP code") { record, keys in
                if record.houseNumber != 0 && record.zip != 0 { keys.append(BlockingRule.mix(12, UInt64(record.houseNumber), UInt64(record.zip))) }
            },
        ]
        let sample = strided(b, atMost: 200_000)
        var counts = emptyCounts(smoothing: 0.5)
        for pair in BlockingRule.candidates(a: a, b: sample, rules: rules, maximumBlock: 50) {
            let vector = comparator.compare(a[Int(pair >> 32)], sample[Int(pair & 0xFFFF_FFFF)])
            guard vector.sharesHome, !looksLikeSamePerson(vector) else { continue }
            add(vector, to: &counts)
        }
        var householdU = normalized(counts)
        for field in MatchField.allCases where !MatchModel.householdFields.contains(field) {
            householdU[field.rawValue] = randomU[field.rawValue]
        }
        return householdU
    }

    static func looksLikeSamePerson(_ vector: ComparisonVector) -> Bool {
        (vector.level(.firstName) <= 2 && vector.level(.birthDate) <= 2) || vector.level(.ssn) == 0 || vector.level(.cin) == 0
    }

    /// A block of pairs used to learn m: the fields the block chose are not learnt from it, and
    /// `ignored` fields are left out because the block's non-matches share them unusually often.
    public struct TrainingBlock: Sendable {
        public var rule: BlockingRule
        public var chosen: Set<MatchField>
        public var ignored: Set<MatchField>
    }

    public static let trainingBlocks: [TrainingBlock] = [
        // Twins share a birth date and a home; the address would call them one person.
        TrainingBlock(
            rule: BlockingRule(name: "same birth date") { record, keys in
                if record.dob != 0 { keys.append(BlockingRule.mix(9, UInt64(record.dob))) }
            },
            chosen: [.birthDate], ignored: [.address]),
        TrainingBlock(
            rule: BlockingRule(name: "first name and surname sound alike") { record, keys in
                guard record.firstKey != 0 else { return }
                for surname in record.surnameKeys { keys.append(BlockingRule.mix(10, record.firstKey, surname)) }
            },
            chosen: [.firstName, .lastName], ignored: []),
    ]

    /// m: each field's levels among matches, averaged over the training blocks that learn it.
    public static func estimateM(
        a: [MatchRecord], b: [MatchRecord], comparator: Comparator, u: [[Double]], householdU: [[Double]],
        blocks: [TrainingBlock] = trainingBlocks
    ) -> [[Double]] {
        let sample = strided(b, atMost: 20_000)
        var sums = emptyCounts(smoothing: 0)
        var learnt = [Int](repeating: 0, count: MatchField.allCases.count)
        for block in blocks {
            let pairs = strided(BlockingRule.candidates(a: a, b: sample, rules: [block.rule]), atMost: 1_000_000)
            let patterns = patternCounts(pairs, a: a, b: sample, comparator: comparator)
            let free = MatchField.allCases.filter { !block.chosen.contains($0) && !block.ignored.contains($0) }
            let m = expectationMaximisation(patterns: patterns, free: free, homeAware: !block.ignored.contains(.address), u: u, householdU: householdU)
            for field in free {
                learnt[field.rawValue] += 1
                for level in m[field.rawValue].indices { sums[field.rawValue][level] += m[field.rawValue][level] }
            }
        }
        return MatchField.allCases.map { field in
            learnt[field.rawValue] == 0 ? startingM(field) : sums[field.rawValue].map { $0 / Double(learnt[field.rawValue]) }
        }
    }

    /// m for the `free` fields by EM over a block's patterns, with u held fixed.
    static func expectationMaximisation(
        patterns: [UInt64: Int], free: [MatchField], homeAware: Bool, u: [[Double]], householdU: [[Double]], iterations: Int = 40
    ) -> [[Double]] {
        var m = MatchField.allCases.map(startingM)
        var share = 0.5
        let entries = patterns.map { (vector: ComparisonVector(bits: $0.key), count: Double($0.value)) }
        let total = entries.reduce(0) { $0 + $1.count }
        guard total > 0 else { return m }
        for _ in 0..<iterations {
            var counts = emptyCounts(smoothing: 0.01)
            var matches = 0.0
            for entry in entries {
                let atHome = homeAware && entry.vector.sharesHome
                var logOdds = log(share / (1 - share))
                for field in free {
                    let level = entry.vector.level(field)
                    guard level != ComparisonVector.missingLevel else { continue }
                    let unmatched = atHome && MatchModel.householdFields.contains(field) ? householdU : u
                    logOdds += log(max(m[field.rawValue][level], 1e-12)) - log(max(unmatched[field.rawValue][level], 1e-12))
                }
                let posterior = 1 / (1 + exp(-logOdds))
                matches += posterior * entry.count
                for field in free {
                    let level = entry.vector.level(field)
                    if level != ComparisonVector.missingLevel { counts[field.rawValue][level] += posterior * entry.count }
                }
            }
            let estimated = normalized(counts)
            for field in free { m[field.rawValue] = estimated[field.rawValue] }
            share = min(0.999, max(1e-6, matches / total))
        }
        return m
    }

    /// The prior: the expected matches among the candidates (given the prior) over all pairs,
    /// iterated to its fixed point.
    public static func estimatePrior(patterns: [UInt64: Int], allPairs: Double, smallerSide: Int, m: [[Double]], u: [[Double]], householdU: [[Double]]) -> Double {
        let model = MatchModel(prior: 0.5, m: m, u: u, householdU: householdU)
        let entries = patterns.map { (vector: ComparisonVector(bits: $0.key), count: Double($0.value)) }
        let weights = entries.map { entry in
            MatchField.allCases.reduce(0.0) { $0 + model.weight($1, level: entry.vector.level($1), sharesHome: entry.vector.sharesHome) }
        }
        guard allPairs > 0 else { return 0.5 }
        var prior = min(0.5, Double(max(1, smallerSide)) / allPairs)
        for _ in 0..<30 {
            let priorWeight = log2(prior / (1 - prior))
            var expected = 0.0
            for (index, entry) in entries.enumerated() {
                expected += MatchModel.probability(priorWeight + weights[index]) * entry.count
            }
            prior = min(0.5, max(1 / allPairs, expected / allPairs))
        }
        return prior
    }

    /// How often each comparison pattern occurs among the pairs.
    static func patternCounts(_ pairs: [UInt64], a: [MatchRecord], b: [MatchRecord], comparator: Comparator) -> [UInt64: Int] {
        var patterns: [UInt64: Int] = [:]
        for vector in Matcher.compareAll(pairs, a: a, b: b, comparator: comparator) { patterns[vector.bits, default: 0] += 1 }
        return patterns
    }

    /// Every `n`th element so that at most `limit` are kept.
    static func strided<Element>(_ elements: [Element], atMost limit: Int) -> [Element] {
        guard elements.count > limit else { return elements }
        let step = (elements.count + limit - 1) / limit
        return stride(from: 0, to: elements.count, by: step).map { elements[$0] }
    }

    /// Before any data: matches mostly agree.
    static func startingM(_ field: MatchField) -> [Double] {
        (0..<field.levelCount).map { level in level == 0 ? 0.9 : 0.1 / Double(field.levelCount - 1) }
    }

    static func emptyCounts(smoothing: Double) -> [[Double]] {
        MatchField.allCases.map { [Double](repeating: smoothing, count: $0.levelCount) }
    }

    static func add(_ vector: ComparisonVector, to counts: inout [[Double]]) {
        for field in MatchField.allCases {
            let level = vector.level(field)
            if level != ComparisonVector.missingLevel { counts[field.rawValue][level] += 1 }
        }
    }

    static func sum(_ parts: [[[Double]]], start: [[Double]]) -> [[Double]] {
        var total = start
        for part in parts {
            for field in total.indices {
                for level in total[field].indices { total[field][level] += part[field][level] }
            }
        }
        return total
    }

    static func normalized(_ counts: [[Double]]) -> [[Double]] {
        counts.map { levels in
            let sum = levels.reduce(0, +)
            return levels.map { sum > 0 ? $0 / sum : 1 / Double(levels.count) }
        }
    }
}

/// A small fast seeded random generator for sampling.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A value shared between threads, changed under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func mutate(_ change: (inout Value) -> Void) {
        lock.lock()
        change(&stored)
        lock.unlock()
    }
}
