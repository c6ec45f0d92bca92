import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What a file is, found before SQLite is let near it: opening a file with SQLite in WAL mode
/// writes to it (the journal mode, a first page), so another program's database, an empty file
/// or a stray document would be changed before Linkages could refuse it. The header is read
/// with plain `read(2)`; only a file whose header cannot answer alone is opened by SQLite, and
/// then read-only.
enum DatabaseFileCheck {
    enum Finding: Equatable {
        /// No file at the path.
        case missing
        /// A file of 0 bytes: only `linkages init` makes it a database.
        case empty
        /// A Linkages database.
        case linkages
        /// An SQLite database of another program.
        case otherApplication
        /// Not an SQLite database at all.
        case notSQLite
        /// An empty file with a log beside it that holds no database: a leftover that SQLite
        /// would read as the database's content.
        case staleLog
    }

    /// SQLite's header starts with these 16 bytes; the application id is at offset 68.
    private static let magic = Array("SQLite format 3\0".utf8)

    static func inspect(_ path: String) throws -> Finding {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return .missing }
            throw errno == EACCES ? StoreError.notWritable(path: path) : StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        let logPending = (OwnerOnlyFiles.size(of: path + "-wal") ?? 0) > 0
        switch count {
        case 0:
            // A Linkages database stopped before its first checkpoint holds everything in its log.
            return logPending ? try inspectThroughSQLite(path) : .empty
        case 100 where Array(header[0..<16]) == magic:
            let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if Int32(bitPattern: id) == AppDatabase.applicationID { return .linkages }
            // The header may be older than the log: the id is written in the first transaction.
            return id == 0 && logPending ? try inspectThroughSQLite(path) : .otherApplication
        default:
            return .notSQLite
        }
    }

    /// The SQLite database `path` is, or is the log, shared memory or journal of; nil when it
    /// is neither (or there is no file).
    static func databaseAt(_ path: String) -> String? {
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) {
            let database = String(path.dropLast(suffix.count))
            if hasSQLiteHeader(database) { return database }
        }
        return hasSQLiteHeader(path) ? path : nil
    }

    private static func hasSQLiteHeader(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        return header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 16) } == 16 && header == magic
    }

    /// Reads the application id from a private copy of the file and its log: SQLite may change
    /// or delete a log even through a read-only connection, and these are not yet known to be
    /// Linkages files. A log that holds no database at all (a stale one beside an empty file)
    /// leaves the file empty.
    private static func inspectThroughSQLite(_ path: String) throws -> Finding {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linkages-check-\(getpid())-\(UUID().uuidString)").path
        try OwnerOnlyFiles.createFolder(folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/check.sqlite"
        do {
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        } catch {
            throw StoreError.notWritable(path: path)
        }
        do {
            let queue = try DatabaseQueue(path: copy)
            defer { try? queue.close() }
            let (id, tables) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
            }
            if id == AppDatabase.applicationID { return .linkages }
            return tables == 0 && (OwnerOnlyFiles.size(of: path) ?? 0) == 0 ? .staleLog : .otherApplication
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            return .notSQLite
        }
    }
}

/// Which file a path names: its device and inode. A restore renames another file into the
/// database's place, so a process that opened the database before can tell it is no longer
/// the one at the path.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// The database file a connection pool opened, as it was when opened.
struct OpenedFile: Sendable {
    let path: String
    let identity: FileIdentity
}
