import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The advisory locks the kernel lists in /proc/locks, held on a database's three files.
///
/// SQLite's Unix locking, as it shows there (sqlite.org/walformat.html, "Locks"): every
/// connection to a WAL database holds a shared lock on the database file and on byte 128 of
/// its `-shm` for as long as it is open; a read transaction adds a shared lock on one of the
/// read marks (bytes 123–127); the one writer holds byte 120 exclusively, a checkpoint byte
/// 121, a recovery byte 122. In rollback-journal mode a writer holds the database file's lock
/// bytes exclusively.
struct FileLocks {
    /// One lock a process holds (locks it is still waiting for are left out).
    struct Held: Equatable {
        var processId: Int32
        var inode: UInt64
        var exclusive: Bool
        var firstByte: UInt64
        var lastByte: UInt64
    }

    /// The locks on the database at `path`, its `-wal` and its `-shm`.
    let held: [Held]
    /// The `-shm` file's inode, when it exists.
    let sharedMemory: UInt64?

    init(databaseAt path: String, table: String? = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) {
        let sharedMemory = Self.inode(of: path + "-shm")
        let inodes = Set([Self.inode(of: path), Self.inode(of: path + "-wal"), sharedMemory].compactMap { $0 })
        self.sharedMemory = sharedMemory
        self.held = (table ?? "").split(separator: "\n").compactMap { line in
            // "1: POSIX  ADVISORY  WRITE 27956 fe:00:9576736 120 120"; waiting locks show "->" after the number.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, !fields[1].hasPrefix("->"), let processId = Int32(fields[4]), processId > 0,
                  let inode = fields[5].split(separator: ":").last.flatMap({ UInt64($0) }), inodes.contains(inode),
                  let first = UInt64(fields[6]) else { return nil }
            return Held(processId: processId, inode: inode, exclusive: fields[3] == "WRITE", firstByte: first,
                        lastByte: UInt64(fields[7]) ?? UInt64.max)
        }
    }

    /// Whether a lock keeps other connections waiting: any exclusive lock, or a read mark (a
    /// checkpoint that empties the log waits for every reader). The shared locks every open
    /// connection holds do not.
    func makesOthersWait(_ lock: Held) -> Bool {
        if lock.exclusive { return true }
        return lock.inode == sharedMemory && lock.firstByte <= 127 && lock.lastByte >= 120
    }

    /// The other processes holding a lock that keeps connections waiting.
    var processesMakingOthersWait: [Int32] {
        let own = getpid()
        return Array(Set(held.filter { $0.processId != own && makesOthersWait($0) }.map(\.processId))).sorted()
    }

    /// The other processes holding an exclusive lock: writing, checkpointing or recovering.
    var processesHoldingExclusiveLocks: [Int32] {
        let own = getpid()
        return Array(Set(held.filter { $0.processId != own && $0.exclusive }.map(\.processId))).sorted()
    }

    /// Every other process with the database open.
    var otherProcesses: [Int32] {
        let own = getpid()
        return Array(Set(held.map(\.processId).filter { $0 != own })).sorted()
    }

    static func inode(of path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }
}

/// Which processes hold a database in a way that keeps others waiting, for the stall trials.
public enum LockHolders {
    /// The other processes holding an exclusive lock on the database at `path`, or a read mark.
    public static func keepingOthersWaiting(on path: String) -> [Int32] {
        FileLocks(databaseAt: path).processesMakingOthersWait
    }
}

extension LockHolders {
    /// The other processes holding an exclusive lock on the database at `path` (a writer).
    public static func writing(on path: String) -> [Int32] {
        FileLocks(databaseAt: path).processesHoldingExclusiveLocks
    }

    /// The other processes with the database at `path` open.
    public static func withDatabaseOpen(_ path: String) -> [Int32] {
        FileLocks(databaseAt: path).otherProcesses
    }
}
