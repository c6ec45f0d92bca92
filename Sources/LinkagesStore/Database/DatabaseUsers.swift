import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process that has the database open, and whose it is.
public struct DatabaseUser: Equatable, Sendable, CustomStringConvertible {
    public var processId: Int32
    /// The account the process runs for (its real user: a worker running the installed
    /// Linkages runs as the service account, but for themselves).
    public var account: String

    public var description: String { "\(account) (process \(processId))" }
}

/// Who has a database open, read from the kernel: every SQLite connection to a database in
/// WAL mode holds a shared lock on the file and on its `-shm` for as long as it is open, and
/// /proc/locks lists each lock with the process holding it.
enum DatabaseUsers {
    /// The other processes holding a lock on `path` or its shared memory; this one left out.
    static func of(_ path: String, locks: String? = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) -> [DatabaseUser] {
        FileLocks(databaseAt: path, table: locks).otherProcesses.map { DatabaseUser(processId: $0, account: account(of: $0)) }
    }

    /// The name of the process's real user, from /proc/PID/status (readable for every process).
    private static func account(of pid: Int32) -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }),
              let uid = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap({ uid_t($0) }) else {
            return "an unknown account"
        }
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "user \(uid)" }
        return String(cString: name)
    }
}
