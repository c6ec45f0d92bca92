import Foundation

/// A pair judged to be the same person.
public struct MatchLink: Sendable, Equatable {
    /// Indexes into the two record lists.
    public var a: Int
    public var b: Int
    public var probability: Double
    public var vector: ComparisonVector
}

/// What a matching run found, and how.
public struct MatchResult: Sendable {
    public var links: [MatchLink]
    public var candidatePairs: Int
    public var model: MatchModel
    /// How long each step took, in seconds, in order: for benchmarks.
    public var timings: [(step: String, seconds: Double)]
}

/// Links records of one program to records of the other: blocking, comparison, a model
/// estimated from the data (or given), scoring, and one record linked to at most one other.
public struct Matcher: Sendable {
    public let comparator: Comparator
    public let rules: [BlockingRule]

    public init(comparator: Comparator, rules: [BlockingRule] = BlockingRule.standard) {
        self.comparator = comparator
        self.rules = rules
    }

    /// - Parameters:
    ///   - threshold: the smallest match probability linked.
    ///   - model: parameters to use instead of estimating them.
    ///   - allowed: whether a pair (by index into `a` and `b`) may be linked at all.
    public func run(
        a: [MatchRecord], b: [MatchRecord], threshold: Double, model given: MatchModel? = nil,
        allowed: ((Int, Int) -> Bool)? = nil
    ) -> MatchResult {
        var timings: [(step: String, seconds: Double)] = []
        func timed<T>(_ step: String, _ work: () -> T) -> T {
            let started = DispatchTime.now().uptimeNanoseconds
            let value = work()
            timings.append((step, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
            return value
        }
        var pairs = timed("blocking") { BlockingRule.candidates(a: a, b: b, rules: rules) }
        if let allowed {
            pairs.removeAll { !allowed(Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
        }
        let vectors = timed("comparing") { Self.compareAll(pairs, a: a, b: b, comparator: comparator) }
        let model = timed("learning the weights") { given ?? estimate(a: a, b: b, vectors: vectors) }
        let links = timed("scoring") { () -> [MatchLink] in
            let scorer = Scorer(model: model, frequencies: NameFrequencies([a, b]))
            let adjustments = a.map(scorer.nameAdjustments)
            var scored: [MatchLink] = []
            for (index, pair) in pairs.enumerated() {
                let left = Int(pair >> 32), right = Int(pair & 0xFFFF_FFFF)
                let probability = MatchModel.probability(scorer.weight(vectors[index], adjustments[left]))
                if probability >= threshold {
                    scored.append(MatchLink(a: left, b: right, probability: probability, vector: vectors[index]))
                }
            }
            return oneToOne(scored)
        }
        return MatchResult(links: links, candidatePairs: pairs.count, model: model, timings: timings)
    }

    static func compareAll(_ pairs: [UInt64], a: [MatchRecord], b: [MatchRecord], comparator: Comparator) -> [ComparisonVector] {
        var vectors = [ComparisonVector](repeating: ComparisonVector(), count: pairs.count)
        let chunk = 50_000
        let chunks = (pairs.count + chunk - 1) / chunk
        // Buffer pointers lend the records to the comparator instead of copying them.
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                vectors.withUnsafeMutableBufferPointer { output in
                    nonisolated(unsafe) let (a, b, output) = (a, b, output)
                    DispatchQueue.concurrentPerform(iterations: chunks) { index in
                        for position in (index * chunk)..<min(pairs.count, (index + 1) * chunk) {
                            let pair = pairs[position]
                            output[position] = comparator.compare(a[Int(pair >> 32)], b[Int(pair & 0xFFFF_FFFF)])
                        }
                    }
                }
            }
        }
        return vectors
    }

    /// The model learnt from the data: see ``ModelEstimation``.
    public func estimate(a: [MatchRecord], b: [MatchRecord], vectors: [ComparisonVector]) -> MatchModel {
        let u = ModelEstimation.estimateU(a: a, b: b, comparator: comparator, samples: min(2_000_000, max(200_000, a.count)))
        let householdU = ModelEstimation.estimateHouseholdU(a: a, b: b, comparator: comparator, randomU: u)
        let m = ModelEstimation.estimateM(a: a, b: b, comparator: comparator, u: u, householdU: householdU)
        var patterns: [UInt64: Int] = [:]
        for vector in vectors { patterns[vector.bits, default: 0] += 1 }
        let prior = ModelEstimation.estimatePrior(
            patterns: patterns, allPairs: Double(a.count) * Double(b.count), smallerSide: min(a.count, b.count), m: m, u: u, householdU: householdU)
        return MatchModel(prior: prior, m: m, u: u, householdU: householdU)
    }

    /// Each record linked to at most one other, the most probable first: one twin is not linked
    /// to both, and a mother not to her daughter when the daughter's record is there too.
    func oneToOne(_ links: [MatchLink]) -> [MatchLink] {
        var usedA = Set<Int>(), usedB = Set<Int>()
        var kept: [MatchLink] = []
        for link in links.sorted(by: { ($0.probability, $1.a, $1.b) > ($1.probability, $0.a, $0.b) }) {
            guard !usedA.contains(link.a), !usedB.contains(link.b) else { continue }
            usedA.insert(link.a)
            usedB.insert(link.b)
            kept.append(link)
        }
        return kept.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
}
