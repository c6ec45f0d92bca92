import Foundation

/// What the stall trials found: how the stops went, how long the other workers' actions took,
/// and the soak check of every acknowledged write.
struct StallReport {
    let outcomes: [StopOutcome]
    let stopSeconds: Double
    let pause: Int
    /// The four workers that were never stopped.
    let steadyLogs: [[SoakLog.Line]]
    let check: SoakCheck
    let elapsed: TimeInterval
    /// Exit statuses of worker processes that ended other than asked (or by a waiter's SIGKILL).
    let crashes: [Int32]

    /// The steady workers' action times, in milliseconds, sorted.
    var actionTimes: [Double] {
        steadyLogs.flatMap { lines in
            lines.compactMap { line -> Double? in
                if case .write(_, let milliseconds) = line { return milliseconds }
                return nil
            }
        }.sorted()
    }

    /// Stops in a write that no waiting worker released: the others waited.
    var unreleased: Int {
        outcomes.filter { $0.held == .writeLock && $0.release == .stillStopped }.count
    }

    var slowest: Double { actionTimes.last ?? 0 }

    /// The five slowest actions, as "kind time".
    var slowestActions: [String] {
        steadyLogs.flatMap { lines in
            lines.compactMap { line -> (String, Double)? in
                if case .write(let write, let milliseconds) = line { return (write.kind, milliseconds) }
                return nil
            }
        }.sorted { $0.1 > $1.1 }.prefix(5).map { String(format: "%@ %.0f ms", $0.0, $0.1) }
    }

    var passed: Bool {
        check.passed && crashes.isEmpty && unreleased == 0
    }

    var text: String {
        let inWrite = outcomes.filter { $0.held == .writeLock }
        let inRead = outcomes.filter { $0.held == .readMark }
        func count(_ release: StopOutcome.Release, _ stops: [StopOutcome]) -> Int { stops.filter { $0.release == release }.count }
        let times = actionTimes
        func percentile(_ p: Double) -> String {
            times.isEmpty ? "—" : String(format: "%.1f", times[min(times.count - 1, Int(Double(times.count) * p))])
        }
        let bound = slowest < StallTrials.boundMilliseconds ? "within" : "OVER"
        var lines = [
            String(format: "Stall trials: one worker's process stopped %d times for %.1f s each, while %d others wrote every %d ms (%.0f s)",
                   outcomes.count, stopSeconds, StallTrials.steadyWorkers, pause, elapsed),
            "  stopped in a write, holding the write lock: \(inWrite.count) (went on when a waiting worker resumed it: "
                + "\(count(.resumedByWaiter, inWrite)); ended by a waiting worker: \(count(.endedByWaiter, inWrite)); "
                + "left waiting: \(unreleased))",
            "  stopped in a read (no writer waits for it): \(inRead.count); holding nothing: \(outcomes.count - inWrite.count - inRead.count)",
            "  the other workers' actions: \(times.count), median \(percentile(0.5)) ms, p99 \(percentile(0.99)) ms, "
                + "slowest \(percentile(1)) ms (\(bound) the 2,000 ms bound)",
            "  slowest: " + slowestActions.joined(separator: ", "),
            "  \"database is locked\" errors: \(check.lockedErrors); other errors: \(check.otherErrors.count)",
        ]
        lines += check.otherErrors.prefix(5).map { "    \($0)" }
        lines.append("  acknowledged writes missing: \(check.missing.count)")
        lines += check.missing.prefix(10).map { "    \($0)" }
        lines.append("  integrity_check: \(check.integrity); audit chain: \(check.auditChain)")
        if !crashes.isEmpty { lines.append("  worker processes that crashed: \(crashes.map(String.init).joined(separator: ", "))") }
        lines.append(passed ? "PASS" : "FAIL")
        return lines.joined(separator: "\n")
    }
}
