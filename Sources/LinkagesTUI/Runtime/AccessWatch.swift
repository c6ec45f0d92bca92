import LinkagesStore

/// Notices, between two keys, that the worker's access changed since the screens opened: their
/// account disabled, their role, program or office changed (the session ends), or a sharing basis
/// revoked, approved or refused (the screen on top reads its data again).
struct AccessWatch {
    enum Change: Equatable {
        case unchanged
        case changed
        case ended(String)
    }

    let runner: EffectRunner
    private var last: AccessStamp?

    init(runner: EffectRunner) {
        self.runner = runner
        last = try? runner.database.accessStamp(workerId: runner.worker.id ?? 0)
    }

    mutating func check() -> Change {
        guard let now = try? runner.database.accessStamp(workerId: runner.worker.id ?? 0) else { return .unchanged }
        defer { last = now }
        if let sentence = now.ending(for: runner.worker) { return .ended(sentence) }
        return now.bases == last?.bases ? .unchanged : .changed
    }
}
