import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CSQLiteSettings
import GRDB
import LinkagesDomain

/// The one type that reads and writes the Linkages database.
///
/// It owns a GRDB `DatabaseWriter`: a `DatabasePool` in WAL mode for files, so that several
/// workers' terminals can share one database, each reading while another writes. Screens and
/// commands call its intention-named methods; no SQL lives outside this module.
public final class AppDatabase: Sendable {
    /// The connection pool. Exposed for tests and for the store's own extensions.
    public let writer: any DatabaseWriter

    /// Marks a SQLite file as a Linkages database (`PRAGMA application_id`, "LNKS").
    static let applicationID: Int32 = 0x4C4E_4B53

    /// The file this process opened, for a database on disk: every write checks it is still
    /// the one at its path (see ``write(_:)``).
    let openedFile: OpenedFile?

    /// Wraps a writer and brings its schema up to date.
    ///
    /// - Parameter announce: told, before an existing database is brought up to date, what
    ///   is about to happen: on a county of a million people it takes a while, and the worker
    ///   should know why nothing shows.
    public convenience init(_ writer: any DatabaseWriter, announce: (String) -> Void = { _ in }) throws {
        try self.init(writer, openedFile: nil, announce: announce)
    }

    init(_ writer: any DatabaseWriter, openedFile: OpenedFile?, announce: (String) -> Void = { _ in }) throws {
        self.writer = writer
        self.openedFile = openedFile
        try writer.write { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let hasTables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if id == 0 && hasTables == 0 {
                try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)")
            } else if id != AppDatabase.applicationID {
                throw StoreError.otherApplication(path: db.configuration.label ?? "the database")
            }
        }
        let migrator = Migrations.migrator
        if try writer.read(migrator.hasBeenSuperseded) {
            throw StoreError.newerVersion(path: writer.configuration.label ?? "the database")
        }
        let applied = try writer.read(migrator.appliedIdentifiers)
        if !applied.isEmpty && migrator.migrations.contains(where: { !applied.contains($0) }) {
            let people = try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0 }
            let file = ((writer.configuration.label ?? "the database") as NSString).lastPathComponent
            announce("Updating \(file) (\(people.formatted()) people) for this version of Linkages; "
                + "on a large county this takes a minute or two. Nothing is lost if it is stopped.")
        }
        try migrator.migrate(writer)
    }

    /// How every connection is set up: wait for other writers instead of failing, keep every
    /// committed write through a power cut, enforce foreign keys, and overwrite deleted content.
    public static func configuration(label: String? = nil) -> Configuration {
        _ = processWideSQLiteSettings
        var config = Configuration()
        config.label = label
        config.foreignKeysEnabled = true
        // GRDB's default busy mode fails at once when another terminal is writing; wait
        // instead, and never behind a process that is stopped (LockWait).
        config.busyMode = label.map { .callback(LockWait.callback(path: $0)) } ?? .timeout(LockWait.limit)
        config.prepareDatabase { db in
            // Whole-county tables: bigger pages mean fewer of them to write on an import (about 5%).
            // Only a new, empty database takes it; an existing one keeps its page size.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The lookup reads hundreds of scattered rows at every key: map the file, keep more pages.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // An installed Linkages never writes temporary files a worker could own and read.
            if ProcessPrivilege.isElevated {
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            db.add(function: LookupIndex.function)
        }
        return config
    }

    /// SQLite's settings for the whole process, made once before the first connection opens
    /// (see CSQLiteSettings). Should something have opened one first, SQLite keeps its defaults,
    /// which are slower but as safe.
    private static let processWideSQLiteSettings: Void = {
        _ = lk_sqlite_configure_for_serialized_connections()
    }()

    /// Opens (and if allowed creates) the database file at `location`, checks that the safety
    /// settings took effect, and migrates it.
    ///
    /// - Parameters:
    ///   - create: create a missing file. The default location is always created on first use;
    ///     a path the user named must exist unless `create` is true.
    ///   - announce: told what is about to take a while: waiting for an import that has the
    ///     database to itself, or bringing an existing database up to date.
    public static func open(
        _ location: DatabaseLocation, create: Bool = false, announce: (String) -> Void = { _ in }
    ) throws -> AppDatabase {
        let path = location.path
        let folder = (path as NSString).deletingLastPathComponent
        // The file is looked at before SQLite opens it, which would write to it.
        var finding = try DatabaseFileCheck.inspect(path)
        var createdHere = false
        if finding == .missing {
            guard create || location.isDefault else { throw StoreError.missing(path: path) }
            if location.isDefault {
                try OwnerOnlyFiles.createFolder(folder)
            } else if !FileManager.default.fileExists(atPath: folder) {
                throw StoreError.folderMissing(path: path)
            }
            try OwnerOnlyFiles.createFile(path)
            (finding, createdHere) = (.empty, true)
        }
        switch finding {
        case .notSQLite: throw StoreError.notADatabase(path: path)
        case .otherApplication: throw StoreError.otherApplication(path: path)
        case .empty where !(create || createdHere): throw StoreError.emptyFile(path: path)
        case .staleLog: throw StoreError.staleLog(path: path)
        case .empty, .linkages, .missing: break
        }
        // Checked with the effective ids: an installed Linkages opens the county database as
        // its service account (access(2) and FileManager would check the worker's own).
        guard faccessat(AT_FDCWD, path, R_OK | W_OK, AT_EACCESS) == 0 else {
            throw StoreError.notWritable(path: path)
        }
        if finding == .empty {
            // `init` on a file someone made beforehand: it is closed to others before its first
            // byte is written, and SQLite gives its log and shared memory the same mode.
            try OwnerOnlyFiles.restrictToOwner(path)
        }
        if let kind = NetworkFilesystem.kind(of: folder) {
            throw StoreError.networkFilesystem(path: path, kind: kind)
        }
        // The file is the same before and after the pool opens it, or a restore renamed another
        // into its place meanwhile: then open again, the restored one.
        for _ in 0..<3 {
            let before = FileIdentity(path)
            let pool = try openPool(path: path, announce: announce)
            do {
                // GRDB sets synchronous=NORMAL on the writer when it turns WAL on, after
                // prepareDatabase ran: set FULL again so that a committed write survives a power cut.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try verifySettings(of: pool)
                guard let before, FileIdentity(path) == before else {
                    try pool.close()
                    continue
                }
                return try AppDatabase(pool, openedFile: OpenedFile(path: path, identity: before), announce: announce)
            } catch let error as DatabaseError {
                throw StoreError(error, path: path)
            }
        }
        throw StoreError.cannotOpen(path: path, reason: "it was replaced three times while opening it; try again in a minute")
    }

    /// Runs `updates` in a write transaction, once the transaction holds the write lock and
    /// this process has checked that its file is still the database at the path. After a
    /// restore moved it aside, a write there would be lost without a word; it is refused.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try writer.write { db in
            try ensureStillInPlace()
            return try updates(db)
        }
    }

    /// Throws ``StoreError/replaced(path:)`` when the file this process opened is no longer
    /// the one at its path.
    func ensureStillInPlace() throws {
        guard let openedFile, FileIdentity(openedFile.path) != openedFile.identity else { return }
        throw StoreError.replaced(path: openedFile.path)
    }

    /// Opens the connection pool, waiting (up to two minutes, saying so once) while an import
    /// has the database to itself: it writes through the rollback journal then, and no one can
    /// open the database until it commits (``ImportSession``).
    private static func openPool(path: String, announce: (String) -> Void) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(120)
        var announced = false
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration(label: path))
            } catch let error as DatabaseError
                where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                if !announced {
                    announce("\((path as NSString).lastPathComponent) is busy (most often an import that has it to itself); "
                        + "waiting for it to finish (Ctrl-C stops waiting).")
                    announced = true
                }
                Thread.sleep(forTimeInterval: 0.25)
            } catch let error as DatabaseError {
                throw StoreError(error, path: path)
            }
        }
    }

    /// An in-memory database for tests and benchmarks.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    /// Reads the settings back: a pragma that SQLite silently ignored would otherwise go unnoticed.
    static func verifySettings(of writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            let checks: [(name: String, expected: String)] = [
                ("journal_mode", "wal"),
                ("synchronous", "2"),
                ("foreign_keys", "1"),
                ("secure_delete", "1"),
            ]
            for check in checks {
                let actual = try String.fetchOne(db, sql: "PRAGMA \(check.name)") ?? "nothing"
                guard actual.lowercased() == check.expected else {
                    throw StoreError.settingNotApplied(name: check.name, expected: check.expected, actual: actual)
                }
            }
        }
    }

    // MARK: Database kind

    public func kind() throws -> DatabaseKind {
        try writer.read { db in
            let raw = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kind'")
            return raw.flatMap(DatabaseKind.init(rawValue:)) ?? .production
        }
    }

    public func setKind(_ kind: DatabaseKind) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES ('kind', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [kind.rawValue])
        }
    }
}

extension StoreError {
    /// Turns SQLite's result codes into sentences a worker can act on.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self = .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            self = .notWritable(path: path)
        case .SQLITE_CANTOPEN:
            self = .cannotOpen(path: path, reason: "SQLite could not open the file")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .cannotOpen(path: path, reason: "it is busy (most often an import that has it to itself); try again in a minute")
        default:
            self = .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}

extension AppDatabase {
    /// Copies the write-ahead log into the database file and closes every connection, so that
    /// the database is one self-contained file that can be moved.
    public func close() throws {
        if let pool = writer as? DatabasePool {
            // GRDB's readers are read-only and cannot fold the WAL back when they close last.
            try pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }
}
