import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// How a connection waits when another process has the database locked: up to ten seconds,
/// never behind a process that is stopped.
///
/// SQLite's locks are the kernel's, held by a process until it lets go or ends. A worker's
/// process stopped in the middle of a write (`kill -STOP`, Ctrl-Z, a debugger) would hold every
/// other worker until it went on. So while it waits, a connection looks every 200 ms at who
/// holds the database in a way that keeps it waiting (``FileLocks``); a holder that is stopped
/// is told to go on (SIGCONT), so that its write completes, and is ended (SIGKILL) if it is
/// found stopped again within five seconds. Its uncommitted transaction is then rolled back by
/// SQLite, as after any crash; its worker's drafts are saved at every key.
enum LockWait {
    /// How long a connection waits for a lock before it gives up with "busy".
    static let limit: TimeInterval = 10

    /// The busy handler for connections to the database at `path`.
    static func callback(path: String) -> Database.BusyCallback {
        { tries in
            if declining.withLock({ $0.contains(pthread_self()) }) { return false }
            let waited = milliseconds(before: tries)
            guard Double(waited) < limit * 1000 else { return false }
            if waited >= firstLook && (tries - triesBeforeFirstLook) % triesBetweenLooks == 0 {
                releaseStoppedHolders(of: path)
            }
            usleep(UInt32(pause(after: tries)) * 1000)
            return true
        }
    }

    /// Runs `body` with this thread's connections failing at once on a lock instead of waiting
    /// (an import asking whether it has the database to itself).
    static func withoutWaiting<T>(_ body: () throws -> T) rethrows -> T {
        let thread = pthread_self()
        declining.withLock { _ = $0.insert(thread) }
        defer { declining.withLock { _ = $0.remove(thread) } }
        return try body()
    }

    /// The pause after each try, in milliseconds: short at first (most locks are held for a
    /// millisecond or two), then 20 ms.
    static func pause(after tries: Int) -> Int {
        tries < 5 ? 1 << tries : 20
    }

    /// The time waited before try number `tries` (counted from 0).
    static func milliseconds(before tries: Int) -> Int {
        tries <= 5 ? (1 << tries) - 1 : 31 + 20 * (tries - 5)
    }

    /// Holders are first looked at after about 130 ms, then every 200 ms.
    private static let triesBeforeFirstLook = 10
    private static let triesBetweenLooks = 10
    private static var firstLook: Int { milliseconds(before: triesBeforeFirstLook) }

    /// Threads whose connections must not wait (``withoutWaiting(_:)``).
    private static let declining = Locked(Set<pthread_t>())

    /// When this process last told a stopped holder to go on, by process id.
    private static let resumed = Locked([Int32: Date]())

    /// Tells each stopped process that keeps this one waiting to go on, or ends it when it was
    /// told so within the last five seconds and is stopped again.
    static func releaseStoppedHolders(of path: String, now: Date = Date()) {
        for holder in FileLocks(databaseAt: path).processesMakingOthersWait where ProcessState.isStopped(holder) {
            let resumedRecently = resumed.withLock { times in
                times = times.filter { now.timeIntervalSince($0.value) < 5 }
                return times[holder] != nil
            }
            if resumedRecently {
                kill(holder, SIGKILL)
            } else {
                kill(holder, SIGCONT)
                resumed.withLock { $0[holder] = now }
            }
        }
    }
}

/// A value guarded by a lock, for the little state the busy handler shares between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// What the kernel says a process is doing (/proc/PID/stat).
public enum ProcessState {
    /// Stopped by a signal (T) or by a debugger (t).
    public static func isStopped(_ processId: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(processId)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        // "PID (command name) STATE ...": the name may hold spaces and parentheses.
        let state = stat[stat.index(after: close)...].drop(while: { $0 == " " }).first
        return state == "T" || state == "t"
    }
}
