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
        guard let locks else { return [] }
        let inodes = Set([path, path + "-shm", path + "-wal"].compactMap(inode(of:)))
        guard !inodes.isEmpty else { return [] }
        var seen = Set<Int32>()
        var users: [DatabaseUser] = []
        for line in locks.split(separator: "\n") {
            // "1: POSIX  ADVISORY  READ 27956 fe:00:9576736 128 128"; waiting locks start with "->".
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, !fields[1].hasPrefix("->"), let pid = Int32(fields[4]),
                  let inode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }), inodes.contains(inode),
                  pid != getpid(), seen.insert(pid).inserted else { continue }
            users.append(DatabaseUser(processId: pid, account: account(of: pid)))
        }
        return users.sorted { $0.processId < $1.processId }
    }

    private static func inode(of path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
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
