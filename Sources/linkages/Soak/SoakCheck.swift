import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore

/// After a soak: every write the workers logged as acknowledged is looked for in the database,
/// the database's own integrity check runs, and the audit chain is verified.
///
/// A worker whose process was ended (the stall trials) may have committed one write more than
/// its log says, the one it was making when it was ended: for such `interrupted` workers the
/// database must hold at least what the log says.
struct SoakCheck {
    var writes: [String: [Double]] = [:]
    var lockedErrors = 0
    var otherErrors: [String] = []
    var missing: [String] = []
    var integrity = ""
    var auditChain = ""

    var passed: Bool {
        lockedErrors == 0 && otherErrors.isEmpty && missing.isEmpty && integrity == "ok" && auditChain.hasPrefix("intact")
    }

    static func verify(_ logs: [[SoakLog.Line]], in database: AppDatabase, interrupted: Set<Int> = []) throws -> SoakCheck {
        var check = SoakCheck()
        for (worker, lines) in logs.enumerated() {
            let atLeast = interrupted.contains(worker)
            var lastSave: [Int64: Int] = [:]
            var steps: [Int64: [ReferralStatus]] = [:]
            var views = 0
            for line in lines {
                switch line {
                case .failure(let locked, let message):
                    if locked { check.lockedErrors += 1 } else { check.otherErrors.append("worker \(worker): \(message)") }
                case .write(let write, let milliseconds):
                    check.writes[write.kind, default: []].append(milliseconds)
                    switch write {
                    case .draftStarted(let id): lastSave[id] = lastSave[id] ?? 0
                    case .draftSaved(let id, let save): lastSave[id] = save
                    case .referralCreated(let id): steps[id] = [.draft]
                    case .referralStep(let id, let status): steps[id, default: []].append(status)
                    case .viewed: views += 1
                    }
                }
            }
            try check.findDrafts(lastSave, worker: worker, atLeast: atLeast, in: database)
            try check.findReferrals(steps, worker: worker, atLeast: atLeast, in: database)
            let account = SoakWorker.account(worker)
            let audited = try database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEvent WHERE account = ? AND action = ?",
                                 arguments: [account, AuditAction.viewFamily.rawValue]) ?? 0
            }
            if atLeast ? audited < views : audited != views { check.missing.append("worker \(worker): \(views) families opened, \(audited) audit rows") }
        }
        check.integrity = try database.writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
        check.auditChain = switch try database.verifyAuditTrail() {
        case .intact(let rows, _): "intact (\(rows) rows)"
        case .broken(let row, let problem): "broken at row \(row): \(problem)"
        }
        return check
    }

    private mutating func findDrafts(_ lastSave: [Int64: Int], worker: Int, atLeast: Bool, in database: AppDatabase) throws {
        for (id, save) in lastSave.sorted(by: { $0.key < $1.key }) {
            guard let record = try database.intake(id: id) else {
                missing.append("worker \(worker): intake \(id) is gone")
                continue
            }
            let found = record.draft.answers[SoakLog.answerKey]
            let expected = save == 0 ? nil : SoakLog.answer(worker: worker, save: save)
            let foundSave = found.flatMap { $0.split(separator: "-").last.flatMap { Int($0) } } ?? 0
            if atLeast ? foundSave < save : found != expected {
                missing.append("worker \(worker): intake \(id) holds \(found ?? "nothing"), not save \(expected ?? "none")")
            }
        }
    }

    private mutating func findReferrals(_ steps: [Int64: [ReferralStatus]], worker: Int, atLeast: Bool,
                                        in database: AppDatabase) throws {
        for (id, statuses) in steps.sorted(by: { $0.key < $1.key }) {
            let (status, events) = try database.writer.read { db in
                (try String.fetchOne(db, sql: "SELECT status FROM referral WHERE id = ?", arguments: [id]),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM referralEvent WHERE referralId = ?", arguments: [id]) ?? 0)
            }
            let agrees = atLeast ? events >= statuses.count : status == statuses.last?.rawValue && events == statuses.count
            if !agrees {
                missing.append("worker \(worker): referral \(id) is \(status ?? "gone") with \(events) events; "
                               + "the log has \(statuses.count), ending \(statuses.last?.rawValue ?? "nowhere")")
            }
        }
    }

    func summary(processes: Int, pause: Int, elapsed: Double) -> String {
        let all = writes.values.flatMap { $0 }.sorted()
        func percentile(_ samples: [Double], _ p: Double) -> String {
            samples.isEmpty ? "—" : String(format: "%.1f", samples[min(samples.count - 1, Int(Double(samples.count) * p))])
        }
        var lines = [
            String(format: "Soak: %d processes, %d ms between writes, %.0f s: %d writes (%.0f writes/s)", processes, pause, elapsed,
                   all.count, Double(all.count) / max(elapsed, 0.001)),
            "  write time: median \(percentile(all, 0.5)) ms, p99 \(percentile(all, 0.99)) ms, slowest \(percentile(all, 1)) ms",
        ]
        for kind in writes.keys.sorted() {
            let samples = writes[kind]!.sorted()
            lines.append("  \(kind): \(samples.count), median \(percentile(samples, 0.5)) ms, p99 \(percentile(samples, 0.99)) ms")
        }
        lines.append("  \"database is locked\" errors: \(lockedErrors); other errors: \(otherErrors.count)")
        lines += otherErrors.prefix(5).map { "    \($0)" }
        lines.append("  acknowledged writes missing: \(missing.count)")
        lines += missing.prefix(10).map { "    \($0)" }
        lines.append("  integrity_check: \(integrity); audit chain: \(auditChain)")
        lines.append(passed ? "PASS" : "FAIL")
        return lines.joined(separator: "\n")
    }
}
