import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTUI

/// `linkages bench`: figures for docs/benchmarks.md, measured on this machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Linkages on this machine (use a release build for figures).",
        subcommands: [TypingBench.self, GenerateBench.self, MatchBench.self, LookupBench.self, TrainingResetBench.self, SoakBench.self,
                      SoakWorker.self, StallTrials.self, CrashTrials.self, CrashIntakeWorker.self])
}

/// Where a benchmark builds its scratch databases: in `--folder`, or the temporary folder.
struct BenchScratch: ParsableArguments {
    @Option(help: ArgumentHelp("The folder for the scratch databases (its disk is what is measured).", valueName: "folder"))
    var folder: String?

    /// Runs a benchmark in a new scratch folder that is removed when it is done; refused on the
    /// installed county Linkages.
    func run(_ body: (URL) throws -> Void) throws {
        try Failure.reported {
            try Installed.refuse("run benchmarks")
            let base = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            let scratch = base.appendingPathComponent("linkages-bench-\(getpid())")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try body(scratch)
        }
    }
}

/// Typing into the intake form: every key updates the form, saves the draft before the next
/// key (a WAL transaction with synchronous=FULL), and redraws the screen.
struct TypingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typing",
        abstract: "Time each key typed into the ER intake form, draft save and redraw included.")

    @Option(help: "How many keys to type.")
    var keys = 2000

    @OptionGroup var scratchFolder: BenchScratch

    func run() throws {
        try scratchFolder.run { scratch in
            let today = Clock.today()
            let database = try DemoDatabase.build(
                at: DatabaseLocation(path: scratch.appendingPathComponent("bench.sqlite").path, isDefault: false), on: today)
            let bank = try IntakeQuestions.load()
            let worker = try database.actAs(workerNamed: DemoDatabase.defaultWorker, account: "bench", at: Date())
            let runner = EffectRunner(database: database, worker: worker, isPracticeData: true, questionBank: bank,
                                      staffingWeights: try StaffingWeightsFile.load(), today: { today })
            let session = Session(worker: worker, databaseName: "bench.sqlite", databaseKind: .demo, today: today, now: Date(),
                                  questionBank: bank)
            var (state, commands) = App.start(session: session, size: Size(width: 80, height: 24))
            func carryOut(_ commands: [AppCommand]) {
                for case .run(let effect) in commands {
                    carryOut(App.update(&state, .data(runner.run(effect))))
                }
            }
            carryOut(commands)
            // ER intake, a new intake, then the family-voice note (the longest field).
            for key in [Key.char("i"), .char("n")] + Array(repeating: Key.pageDown, count: 6) {
                carryOut(App.update(&state, .key(key)))
            }
            let text = Array("We want to stay together and find steady work. ")
            var samples: [Double] = []
            samples.reserveCapacity(keys)
            for index in 0..<keys {
                let start = DispatchTime.now().uptimeNanoseconds
                carryOut(App.update(&state, .key(.char(text[index % text.count]))))
                _ = App.render(state)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            samples.sort()
            func percentile(_ p: Double) -> String {
                String(format: "%.2f", samples[min(samples.count - 1, Int(Double(samples.count) * p))])
            }
            print("Typing into the ER intake form: \(keys) keys, each saved (WAL, synchronous=FULL) and redrawn at 80x24")
            print("  median \(percentile(0.5)) ms, p95 \(percentile(0.95)) ms, p99 \(percentile(0.99)) ms, slowest \(String(format: "%.2f", samples.last ?? 0)) ms")
            print("  database folder: \(scratch.path)")
        }
    }
}
