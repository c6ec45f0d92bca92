import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesMatching

/// `linkages bench match`: the batch cross-reference measured against a generator's truth.
struct MatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match synthetic extracts and score the result against their truth.",
        discussion: """
            Generates calworks.csv, cws.csv and truth.csv (or reads them from --data), then times \
            the batch match alone (reading the files is not counted) and reports precision, \
            recall and F1 at the threshold, with the peak memory of the process.
            """)

    @OptionGroup var synthetic: SyntheticArguments

    @Option(help: ArgumentHelp("Read calworks.csv, cws.csv and truth.csv from this folder instead of generating them.", valueName: "folder"))
    var data: String?

    @Option(help: "The smallest match probability linked.")
    var threshold = MatchThresholds.link

    @Option(help: "Print this many wrong links and missed pairs, with their evidence.")
    var show = 0

    func run() throws {
        try Failure.reported {
            try Installed.refuse("run benchmarks")
            let extracts: SyntheticMatchData
            if let data {
                extracts = try SyntheticMatchData.read(folder: URL(fileURLWithPath: data))
            } else {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linkages-match-\(getpid())")
                defer { try? FileManager.default.removeItem(at: folder) }
                _ = try synthetic.write(to: folder)
                extracts = try SyntheticMatchData.read(folder: folder)
            }
            let (a, b) = (extracts.calworks, extracts.childWelfare)
            let started = Date()
            let result = Matcher(comparator: Comparator()).run(a: a, b: b, threshold: threshold)
            let seconds = Date().timeIntervalSince(started)
            let found = extracts.pairs(of: result.links)
            let score = extracts.score(found)
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("Matched \(a.count.formatted()) CalWORKs × \(b.count.formatted()) Child Welfare people in \(String(format: "%.1f", seconds)) s")
            print("  " + result.timings.map { "\($0.step) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", "))
            print("  candidate pairs: \(result.candidatePairs.formatted()); links at probability ≥ \(threshold): \(result.links.count.formatted())")
            print("  against the truth (\(extracts.truth.count.formatted()) pairs): precision \(String(format: "%.4f", score.precision)), "
                  + "recall \(String(format: "%.4f", score.recall)), F1 \(String(format: "%.4f", score.f1))")
            print("  peak memory of the process: \(String(format: "%.2f", Double(usage.ru_maxrss) / 1_048_576)) GiB")
            if show > 0 { showMistakes(extracts, result: result, found: found) }
        }
    }

    /// Prints wrong links and missed pairs with their evidence, to see why.
    func showMistakes(_ extracts: SyntheticMatchData, result: MatchResult, found: Set<String>) {
        let scorer = Scorer(model: result.model, frequencies: NameFrequencies([extracts.calworks, extracts.childWelfare]))
        func describe(_ x: MatchRecord, _ y: MatchRecord) {
            let vector = Comparator().compare(x, y)
            print("    \(x.id) \(x.name) \(x.dob) ~ \(y.id) \(y.name) \(y.dob): p=\(String(format: "%.3f", scorer.probability(vector, x)))")
            print("      " + scorer.evidence(vector, x).filter { abs($0.weight) > 0.05 }.map(\.text).joined(separator: "; "))
        }
        print("  wrong links:")
        for link in result.links.filter({ !extracts.truth.contains("\(extracts.calworks[$0.a].id)|\(extracts.childWelfare[$0.b].id)") }).prefix(show) {
            describe(extracts.calworks[link.a], extracts.childWelfare[link.b])
        }
        print("  missed pairs:")
        let byIdA = Dictionary(uniqueKeysWithValues: extracts.calworks.map { ($0.id, $0) })
        let byIdB = Dictionary(uniqueKeysWithValues: extracts.childWelfare.map { ($0.id, $0) })
        for pair in extracts.truth.subtracting(found).sorted().prefix(show) {
            let ids = pair.split(separator: "|").map(String.init)
            if let x = byIdA[ids[0]], let y = byIdB[ids[1]] { describe(x, y) }
        }
    }
}
