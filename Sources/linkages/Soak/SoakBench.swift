import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesStore

/// `linkages bench soak`: several worker processes write to one database file at once through
/// the real write paths, then every write they were told had succeeded is looked for.
struct SoakBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run several worker processes against one database, then check every acknowledged write.",
        discussion: """
            Each process saves intake drafts, walks referrals through the closed loop and opens \
            families (audited), logging each write once it returns. Afterwards the logs are checked \
            against the database, with PRAGMA integrity_check and the audit chain. Exits with \
            status 1 on a missing write, a "database is locked" error or a damaged database.
            """)

    @Option(help: "How many worker processes.")
    var processes = 8

    @Option(help: "How long each worker writes, in seconds.")
    var seconds = 30.0

    @Option(help: ArgumentHelp("Milliseconds each worker waits between writes: 25 is a fast typist's draft saves; 0 writes without a pause.",
                               valueName: "ms"))
    var pause = 25

    @OptionGroup var scratchFolder: BenchScratch

    func run() throws {
        try scratchFolder.run { scratch in
            guard processes > 0, seconds > 0, pause >= 0 else {
                throw InputError("--processes and --seconds must be more than 0, and --pause 0 or more")
            }
            let path = try Self.prepareDatabase(in: scratch, workers: processes)
            let started = Date()
            let children = try (0..<processes).map { index in
                try Self.startWorker(index, database: path, seconds: seconds, pause: pause, log: Self.logPath(scratch, index))
            }
            let statuses = children.map(ChildProcesses.wait)
            let elapsed = Date().timeIntervalSince(started)
            for (index, status) in statuses.enumerated() where status != 0 {
                print("worker \(index) exited with status \(status)")
            }
            let logs = try (0..<processes).map { index in try SoakLog.read(Self.logPath(scratch, index)) }
            let reopened = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
            let report = try SoakCheck.verify(logs, in: reopened)
            print(report.summary(processes: processes, pause: pause, elapsed: elapsed))
            if statuses.contains(where: { $0 != 0 }) || !report.passed { throw ExitCode.failure }
        }
    }

    /// A demo database in `scratch` with `workers` soak workers, half of each program.
    static func prepareDatabase(in scratch: URL, workers: Int) throws -> String {
        let path = scratch.appendingPathComponent("soak.sqlite").path
        let database = try DemoDatabase.build(at: DatabaseLocation(path: path, isDefault: false), on: Clock.today())
        for index in 0..<workers {
            let program: Program = index % 2 == 0 ? .childWelfare : .calworks
            try database.addWorker(Worker(account: SoakWorker.account(index), name: "Soak Worker \(index)", program: program,
                                          office: "Central", role: .caseworker))
        }
        try database.close()
        return path
    }

    /// Starts soak worker `index` as its own process; it writes until `seconds` have passed or
    /// `stopFile` exists.
    static func startWorker(_ index: Int, database path: String, seconds: Double, pause: Int, log: String,
                            stopFile: String? = nil) throws -> pid_t {
        try ChildProcesses.spawn([ChildProcesses.executable, "bench", "soak-worker", "--database-file", path, "--index", String(index),
                                  "--seconds", String(seconds), "--pause", String(pause), "--log", log]
                                 + (stopFile.map { ["--stop-file", $0] } ?? []))
    }

    static func logPath(_ scratch: URL, _ index: Int) -> String {
        scratch.appendingPathComponent("worker-\(index).log").path
    }
}

/// One soak worker process (started by `bench soak`, not by people).
struct SoakWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soak-worker", shouldDisplay: false)

    @Option var databaseFile: String
    @Option var index: Int
    @Option var seconds: Double
    @Option var pause: Int
    @Option var log: String
    @Option var stopFile: String?

    static func account(_ index: Int) -> String { "soak\(index)" }

    func run() throws {
        try Failure.reported {
            let database = try AppDatabase.open(DatabaseLocation(path: databaseFile, isDefault: false))
            guard let worker = try database.worker(account: Self.account(index)) else {
                throw InputError("no soak worker \(index) in \(databaseFile)")
            }
            var writer = try SoakLog.Writer(path: log)
            var round = SoakRound(database: database, worker: worker, index: index, bank: try IntakeQuestions.load())
            let deadline = Date().addingTimeInterval(seconds)
            var turn = 0
            while Date() < deadline && !(stopFile.map(FileManager.default.fileExists(atPath:)) ?? false) {
                let began = DispatchTime.now().uptimeNanoseconds
                do {
                    let written = try round.write(turn: turn)
                    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1_000_000
                    try writer.append(SoakLog.Line(milliseconds: milliseconds, write: written))
                } catch {
                    try writer.append(error: error)
                }
                turn += 1
                if pause > 0 { usleep(UInt32(pause) * 1000) }
            }
        }
    }
}
