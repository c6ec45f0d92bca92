import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore

/// What one kill left behind.
enum CrashResult: Equatable {
    /// The killed import left none of its file's rows, or all of them (it had finished).
    case importNone, importAll
    /// The killed intake's draft is the last save it was told of, or the save under way then.
    case draftAsLastSaved, draftOneSaveAhead
    case failure(String)
}

/// The databases and the extract the crash trials work on, and one kill of each kind.
struct CrashLab {
    let folder: URL
    let template: String
    let extract: String
    private(set) var basePeople = 0
    private(set) var fullPeople = 0
    private(set) var importSeconds = 0.0

    /// Builds the demo database (this account acting as a supervisor, so that it may import),
    /// writes a CalWORKs extract of `rows` people, and times one whole import of it.
    init(folder: URL, rows: Int) throws {
        self.folder = folder
        template = folder.appendingPathComponent("template.sqlite").path
        extract = folder.appendingPathComponent("calworks.csv").path
        let database = try DemoDatabase.build(at: DatabaseLocation(path: template, isDefault: false), on: Clock.today())
        _ = try database.actAs(workerNamed: "Patricia Owens", account: Account.current, at: Date())
        try database.close()
        let files = try SyntheticExtractFiles.generate(SyntheticOptions(calworks: rows, childWelfare: 1, overlap: 0, seed: 7,
                                                                        today: Clock.today()))
        guard FileManager.default.createFile(atPath: extract, contents: files.calworks) else {
            throw InputError("cannot write \(extract)")
        }
        let path = try fresh("calibrate")
        basePeople = try Self.inspect(path).people
        let began = Date()
        let status = ChildProcesses.wait(try ChildProcesses.spawn(importArguments(path), quiet: true))
        guard status == 0 else { throw InputError("the whole import run to time the trials ended with status \(status)") }
        importSeconds = Date().timeIntervalSince(began)
        fullPeople = try Self.inspect(path).people
    }

    func importArguments(_ path: String) -> [String] {
        [ChildProcesses.executable, "import", "calworks", extract, "--db", path]
    }

    /// A copy of the demo database for one trial, with no write-ahead log left from the last.
    func fresh(_ name: String) throws -> String {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return path
    }

    static func inspect(_ path: String) throws -> (people: Int, integrity: String) {
        let database = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
        defer { try? database.close() }
        return try database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0,
             try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "))
        }
    }

    /// Starts an import and kills it at a random moment up to a little after it would finish.
    func killImport(with signal: CrashSignal, using random: inout SeededGenerator) throws -> CrashResult {
        let path = try fresh("import")
        let delay = Double(random.int(0...1000)) / 1000 * importSeconds * 1.1
        let pid = try ChildProcesses.spawn(importArguments(path), quiet: true)
        usleep(UInt32(delay * 1_000_000))
        kill(pid, signal.number)
        _ = ChildProcesses.wait(pid)
        let (people, integrity) = try Self.inspect(path)
        let moment = String(format: "%@ at %.2f s", signal.name, delay)
        guard integrity == "ok" else { return .failure("import killed at \(moment): integrity_check says \(integrity)") }
        switch people {
        case basePeople: return .importNone
        case fullPeople: return .importAll
        default: return .failure("import killed at \(moment): \(people - basePeople) of its \(fullPeople - basePeople) people are in")
        }
    }

    /// Starts an intake session that saves at every key and kills it at a random moment.
    func killIntake(with signal: CrashSignal, using random: inout SeededGenerator) throws -> CrashResult {
        let path = try fresh("intake")
        let log = folder.appendingPathComponent("intake.log").path
        let pid = try ChildProcesses.spawn([ChildProcesses.executable, "bench", "crash-intake", "--database-file", path, "--log", log],
                                           quiet: true)
        let delay = random.int(100...1500)
        usleep(UInt32(delay) * 1000)
        kill(pid, signal.number)
        _ = ChildProcesses.wait(pid)
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let acknowledged = logged.split(separator: "\n").compactMap { line in
            line.hasPrefix("saved ") ? Int(line.dropFirst(6)) : nil
        }.last ?? 0
        let database = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
        defer { try? database.close() }
        let (answer, integrity) = try database.writer.read { db -> (String?, String) in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM intake WHERE account = 'crash'")
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            guard let id, let record = try IntakeRecord.fetchOne(db, key: id) else { return (nil, integrity) }
            return (record.draft.answers[CrashIntakeWorker.answerKey] ?? "", integrity)
        }
        let moment = "\(signal.name) at \(delay) ms"
        guard integrity == "ok" else { return .failure("intake killed at \(moment): integrity_check says \(integrity)") }
        guard let answer else {
            return acknowledged == 0 ? .draftAsLastSaved : .failure("intake killed at \(moment): the draft is gone")
        }
        if answer == CrashIntakeWorker.typed(acknowledged) { return .draftAsLastSaved }
        if answer == CrashIntakeWorker.typed(acknowledged + 1) { return .draftOneSaveAhead }
        return .failure("intake killed at \(moment) after save \(acknowledged): the draft holds \(answer.count) characters")
    }
}

/// The trials' results, counted.
struct CrashTally {
    var counts: [String: Int] = [:]
    var failures: [String] = []

    mutating func add(_ result: CrashResult, signal: CrashSignal, trial: Int) {
        let by = "(\(signal.name))"
        switch result {
        case .importNone: counts["import killed \(by), nothing imported", default: 0] += 1
        case .importAll: counts["import finished before the kill \(by), all imported", default: 0] += 1
        case .draftAsLastSaved: counts["intake killed \(by), draft as last saved", default: 0] += 1
        case .draftOneSaveAhead: counts["intake killed mid-save \(by), draft has that save whole", default: 0] += 1
        case .failure(let problem): failures.append("trial \(trial): \(problem)")
        }
    }

    func summary(importSeconds: Double, rows: Int) -> String {
        let total = counts.values.reduce(0, +) + failures.count
        var lines = [String(format: "Crash trials: %d kills; a whole import of %d people takes %.2f s", total, rows, importSeconds)]
        lines += counts.keys.sorted().map { "  \($0): \(counts[$0]!)" }
        lines.append("  failures: \(failures.count)")
        lines += failures.prefix(10).map { "    \($0)" }
        lines.append(failures.isEmpty ? "PASS" : "FAIL")
        return lines.joined(separator: "\n")
    }
}
