import ArgumentParser
import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesMatching
import LinkagesStore

/// `linkages match`: the batch cross-reference of everyone imported from both programs.
struct MatchCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Cross-reference everyone imported from CalWORKs and Child Welfare.",
        discussion: """
            Pairs at or above --threshold are linked, and their households joined into one \
            family; pairs between --review-floor and the threshold wait in the review queue. \
            A supervisor's decisions are kept: a rejected pair is never suggested again. \
            The weights are learnt from the data each time (docs/matching.md).
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(help: ArgumentHelp("Write the linked pairs (calworks_id,cws_id,probability) to this CSV file.", valueName: "pairs.csv"))
    var out: String?

    @Option(help: "The smallest match probability linked without review.")
    var threshold = MatchThresholds.link

    @Option(help: "The smallest match probability queued for review.")
    var reviewFloor = MatchThresholds.review

    @Option(help: ArgumentHelp("Use the weights in this JSON file instead of learning them.", valueName: "model.json"))
    var model: String?

    @Option(help: ArgumentHelp("Write the weights used to this JSON file.", valueName: "model.json"))
    var saveModel: String?

    func validate() throws {
        guard (0...1).contains(threshold), (0...1).contains(reviewFloor) else {
            throw ValidationError("--threshold and --review-floor are probabilities between 0 and 1")
        }
    }

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let worker = try Identity.worker(in: database, withRole: [.admin, .supervisor], to: "run the batch match")
            let given = try model.map { path -> MatchModel in
                guard let data = try WorkerFiles.read(path) else { throw InputError("cannot read the model file \(path)") }
                do {
                    return try JSONDecoder().decode(MatchModel.self, from: data)
                } catch {
                    throw InputError("\(path) is not a model file written by --save-model: \(error.localizedDescription)")
                }
            }
            let started = Date()
            let report = try database.runMatch(MatchRunOptions(threshold: threshold, reviewFloor: reviewFloor, model: given, account: worker.account), at: started)
            if let out {
                try writePairs(report.pairs, to: out)
                try database.audit(AuditEntry(account: Account.current, action: .exportPairs,
                                              detail: "\(report.pairs.count) pairs to \((out as NSString).lastPathComponent)"), at: Date())
            }
            if let saveModel, let model = report.model {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try WorkerFiles.write(encoder.encode(model), to: saveModel)
            }
            print(Self.summary(report, seconds: Date().timeIntervalSince(started), out: out))
        }
    }

    func writePairs(_ pairs: [MatchedPair], to path: String) throws {
        var text = CSVWriter.row(["calworks_id", "cws_id", "probability"])
        for pair in pairs {
            text += CSVWriter.row([pair.calworksId, pair.cwsId, String(format: "%.4f", pair.probability)].map(CSVWriter.neutralized))
        }
        do {
            try WorkerFiles.write(Data(text.utf8), to: path)
        } catch {
            throw InputError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func summary(_ report: MatchRunReport, seconds: Double, out: String?) -> String {
        var lines = [
            "Compared \(report.calworksPeople.formatted()) CalWORKs and \(report.cwsPeople.formatted()) Child Welfare people "
                + "in \(String(format: "%.1f", seconds)) s (\(report.candidatePairs.formatted()) candidate pairs):",
            "  linked: \(report.linked.formatted()) people; \(report.familiesJoined.formatted()) families joined",
            "  waiting for review: \(report.suggested.formatted()) pairs",
        ]
        if report.decisionsKept > 0 {
            lines.append("  supervisors' decisions kept: \(report.decisionsKept.formatted())")
        }
        if report.calworksPeople == 0 || report.cwsPeople == 0 {
            lines.append("Nothing to cross-reference yet: import both programs' extracts first (linkages import calworks|cws FILE.csv).")
        }
        if let out {
            lines.append("Wrote \(report.pairs.count.formatted()) pairs to \(out)")
        }
        return lines.joined(separator: "\n")
    }
}
