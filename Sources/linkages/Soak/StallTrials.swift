import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesStore
#if canImport(Glibc)
import Glibc
#endif

/// `linkages bench stall-trials`: four worker processes write to one database while a fifth is
/// writing without a pause is stopped (SIGSTOP) at random moments, most of them in the middle of
/// a write; the four's slowest action says whether one stopped process can hold up the others.
struct StallTrials: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stall-trials",
        abstract: "Stop one worker's process at random moments while four others work; report the others' slowest action.",
        discussion: """
            Every worker saves intake drafts, walks referrals through the closed loop and opens \
            families (audited), as in 'bench soak'. The fifth is stopped for --stop-seconds at each \
            trial, every other time once it is seen holding the write lock; afterwards every acknowledged write is looked for. Exits with status 1 on a \
            "database is locked" error, a missing write, a damaged database, or a stop that held the \
            database and was not released by a waiting worker.
            """)

    @Option(help: "How many times the fifth worker's process is stopped.")
    var trials = 100

    @Option(help: ArgumentHelp("How long each stop lasts, in seconds (longer than the bound).", valueName: "seconds"))
    var stopSeconds = 3.0

    @Option(help: ArgumentHelp("Milliseconds each worker waits between writes.", valueName: "ms"))
    var pause = 25

    @Option(help: "The seed for the random moments.")
    var seed: UInt64 = 1

    @OptionGroup var scratchFolder: BenchScratch

    /// The bound from issue 23: every other worker's next action within 2 s.
    static let boundMilliseconds = 2000.0
    static let steadyWorkers = 4
    static let stoppedWorker = 4

    func run() throws {
        try scratchFolder.run { scratch in
            guard trials > 0, stopSeconds > 0, pause >= 0 else {
                throw InputError("--trials and --stop-seconds must be more than 0, and --pause 0 or more")
            }
            let path = try SoakBench.prepareDatabase(in: scratch, workers: Self.steadyWorkers + 1)
            let stopFile = scratch.appendingPathComponent("stop").path
            // The workers stop when the trials are done (the stop file); the deadline only guards
            // against a trial run that died, and allows for stops that take many tries.
            let workSeconds = Double(trials) * (stopSeconds + 30) + 60
            let steady = try (0..<Self.steadyWorkers).map { index in
                try SoakBench.startWorker(index, database: path, seconds: workSeconds, pause: pause, log: SoakBench.logPath(scratch, index),
                                          stopFile: stopFile)
            }
            var stopped = StoppedWorker(scratch: scratch, database: path, pause: pause, stopFile: stopFile, workSeconds: workSeconds)
            try stopped.start()
            var random = SeededGenerator(seed: seed)
            let started = Date()
            var outcomes: [StopOutcome] = []
            for trial in 0..<trials {
                usleep(UInt32.random(in: 20_000...400_000, using: &random))
                // Every other stop waits for the fifth to be in the middle of a write.
                outcomes.append(try stopped.stop(for: stopSeconds, inWrite: trial % 2 == 1))
            }
            // Every steady worker must still be working when the last stop ends.
            let endedEarly = steady.filter { pid in
                var status: Int32 = 0
                return waitpid(pid, &status, WNOHANG) == pid
            }
            FileManager.default.createFile(atPath: stopFile, contents: nil)
            stopped.finish()
            let statuses = steady.map { endedEarly.contains($0) ? 1 : ChildProcesses.wait($0) }

            var logs = try (0..<Self.steadyWorkers).map { index in try SoakLog.read(SoakBench.logPath(scratch, index)) }
            logs.append(try stopped.logs().flatMap { $0 })
            let reopened = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
            let check = try SoakCheck.verify(logs, in: reopened, interrupted: [Self.stoppedWorker])
            let report = StallReport(outcomes: outcomes, stopSeconds: stopSeconds, pause: pause,
                                     steadyLogs: Array(logs.prefix(Self.steadyWorkers)), check: check,
                                     elapsed: Date().timeIntervalSince(started),
                                     crashes: stopped.unexpectedEnds + statuses.filter { $0 != 0 })
            print(report.text)
            if !report.passed {
                throw ExitCode.failure
            }
        }
    }
}

/// What became of the fifth worker during one stop.
struct StopOutcome {
    enum Held { case writeLock, readMark, nothing }
    enum Release { case resumedByWaiter, endedByWaiter, stillStopped }
    /// What it held when it stopped: the write lock (in a write: every other writer waits for
    /// it), a read mark (in a read: only a checkpoint that empties the log waits), or nothing.
    var held: Held
    var release: Release
}

/// The fifth worker's process: stopped, watched, started again when a waiting worker ended it.
private struct StoppedWorker {
    let scratch: URL
    let database: String
    let pause: Int
    let stopFile: String
    let workSeconds: Double
    private var processId: pid_t = 0
    private var incarnations = 0
    /// Exit statuses of incarnations that ended other than by SIGKILL (a crash: a failure).
    private(set) var unexpectedEnds: [Int32] = []

    init(scratch: URL, database: String, pause: Int, stopFile: String, workSeconds: Double) {
        (self.scratch, self.database, self.pause, self.stopFile, self.workSeconds) = (scratch, database, pause, stopFile, workSeconds)
    }

    private func logPath(_ incarnation: Int) -> String {
        scratch.appendingPathComponent("stopped-worker-\(incarnation).log").path
    }

    /// Starts a new incarnation and waits until it has the database open (stopping it before
    /// would stop nothing of interest).
    mutating func start() throws {
        processId = try SoakBench.startWorker(StallTrials.stoppedWorker, database: database, seconds: workSeconds, pause: pause,
                                              log: logPath(incarnations), stopFile: stopFile)
        incarnations += 1
        while !LockHolders.withDatabaseOpen(database).contains(processId) {
            if let status = reap() { throw InputError("the stopped worker's process ended at start with status \(status)") }
            usleep(2000)
        }
    }

    /// Stops it (once it is seen in the middle of a write, when `inWrite`: up to twenty tries),
    /// notes whether it held the database, waits, and says what became of it.
    mutating func stop(for seconds: Double, inWrite: Bool) throws -> StopOutcome {
        var held = StopOutcome.Held.nothing
        for _ in 0..<(inWrite ? 20 : 1) {
            if inWrite { waitUntilWriting() }
            kill(processId, SIGSTOP)
            while !ProcessState.isStopped(processId) {
                if let status = reap() { return try startedAgain(after: status, held: .nothing) }
                usleep(500)
            }
            held = LockHolders.writing(on: database).contains(processId) ? .writeLock
                : LockHolders.keepingOthersWaiting(on: database).contains(processId) ? .readMark : .nothing
            if held == .writeLock || !inWrite { break }
            kill(processId, SIGCONT)
        }
        usleep(UInt32(seconds * 1_000_000))
        if let status = reap() { return try startedAgain(after: status, held: held) }
        let release: StopOutcome.Release = ProcessState.isStopped(processId) ? .stillStopped : .resumedByWaiter
        kill(processId, SIGCONT)
        return StopOutcome(held: held, release: release)
    }

    /// Returns once it holds the write lock, or after a second.
    private func waitUntilWriting() {
        let deadline = Date().addingTimeInterval(1)
        while !LockHolders.writing(on: database).contains(processId) && Date() < deadline {}
    }

    private mutating func startedAgain(after status: Int32, held: StopOutcome.Held) throws -> StopOutcome {
        if status != 128 + SIGKILL { unexpectedEnds.append(status) }
        try start()
        return StopOutcome(held: held, release: .endedByWaiter)
    }

    /// Lets it go on to see the stop file and end.
    mutating func finish() {
        kill(processId, SIGCONT)
        let status = ChildProcesses.wait(processId)
        if status != 0 { unexpectedEnds.append(status) }
    }

    /// Its exit status (128 plus a signal) once it has ended; nil while it runs.
    private func reap() -> Int32? {
        var status: Int32 = 0
        guard waitpid(processId, &status, WNOHANG) == processId else { return nil }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    func logs() throws -> [[SoakLog.Line]] {
        try (0..<incarnations).map { try SoakLog.read(logPath($0)) }
    }
}
