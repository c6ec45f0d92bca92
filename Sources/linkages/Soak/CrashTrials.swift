import ArgumentParser
import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore

/// `linkages bench crash-trials`: kills (SIGKILL, or hangs up on with SIGHUP, as a dropped SSH
/// session does) an extract import and an intake session at random moments, and checks after each
/// kill that nothing was half-written.
struct CrashTrials: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-trials",
        abstract: "Kill an import and an intake session at random moments; check the database after each kill.",
        discussion: """
            Odd trials run `linkages import calworks` on a fresh copy of the demo database and kill \
            it: afterwards the file's rows must be all there or none. Even trials kill a process \
            saving an intake draft after each typed key: afterwards the draft must be the last one \
            it was told was saved (or the save under way), whole. PRAGMA integrity_check must say \
            ok every time. The signals take turns by pairs of trials, so that each kind of trial \
            gets each signal. Exits with status 1 on any failure.
            """)

    @Option(help: "How many kills.")
    var trials = 100

    @Option(help: "People in the extract each import trial loads.")
    var rows = 20_000

    @Option(help: "The seed for the moments of the kills.")
    var seed: UInt64 = 1

    @Option(parsing: .upToNextOption, help: "The signals to kill with, in turns: kill, hup or both.")
    var signals: [CrashSignal] = CrashSignal.allCases

    @OptionGroup var scratchFolder: BenchScratch

    func run() throws {
        try scratchFolder.run { scratch in
            guard trials > 0, rows > 0 else { throw InputError("--trials and --rows must be more than 0") }
            guard !signals.isEmpty else { throw InputError("--signals must name kill, hup or both") }
            let lab = try CrashLab(folder: scratch, rows: rows)
            var random = SeededGenerator(seed: seed)
            var tally = CrashTally()
            for trial in 1...trials {
                let signal = signals[(trial - 1) / 2 % signals.count]
                let result = trial % 2 == 1 ? try lab.killImport(with: signal, using: &random)
                                            : try lab.killIntake(with: signal, using: &random)
                tally.add(result, signal: signal, trial: trial)
            }
            print(tally.summary(importSeconds: lab.importSeconds, rows: rows))
            if !tally.failures.isEmpty { throw ExitCode.failure }
        }
    }
}

/// A signal the crash trials end a process with.
enum CrashSignal: String, CaseIterable, ExpressibleByArgument {
    /// Nothing can catch it: the process stops between any two instructions.
    case kill
    /// What a dropped SSH session sends; a process without a handler stops at once.
    case hup

    var number: Int32 { self == .kill ? SIGKILL : SIGHUP }
    var name: String { self == .kill ? "SIGKILL" : "SIGHUP" }
}

/// One crash intake session (started by `bench crash-trials`, not by people): saves a draft after
/// every key of a note, as the intake form does, and logs each save once it returns.
struct CrashIntakeWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash-intake", shouldDisplay: false)

    @Option var databaseFile: String
    @Option var log: String

    static let answerKey = "familyVoice"
    static let text = Array("We want to stay together, keep the apartment and get the children back to school every day. ")

    static func typed(_ keys: Int) -> String {
        String((0..<keys).map { text[$0 % text.count] })
    }

    func run() throws {
        try Failure.reported {
            let database = try AppDatabase.open(DatabaseLocation(path: databaseFile, isDefault: false))
            var writer = try SoakLog.Writer(path: log)
            let bank = try IntakeQuestions.load()
            var draft = IntakeDraft(bankVersion: bank.version)
            let id = try database.createIntakeDraft(account: "crash", draft: draft, at: Date())
            try writer.append(line: "intake \(id)")
            for keys in 1... {
                draft.answers[Self.answerKey] = Self.typed(keys)
                try database.saveIntakeDraft(id: id, draft: draft, at: Date())
                try writer.append(line: "saved \(keys)")
            }
        }
    }
}
