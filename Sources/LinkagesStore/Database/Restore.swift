import Foundation
import GRDB
import LinkagesDomain
#if canImport(Glibc)
import Glibc
#endif

/// Why a restore did not happen. Nothing was changed.
public enum RestoreError: Error, Equatable, CustomStringConvertible {
    /// Someone has the database open: a restore under them would lose their work.
    case inUse(path: String, users: [DatabaseUser])
    /// The backup is not a sound Linkages database.
    case unsoundBackup(path: String, reason: String)

    public var description: String {
        switch self {
        case .inUse(let path, let users):
            let who = users.map(\.description).joined(separator: ", ")
            return "\((path as NSString).lastPathComponent) is open (\(who)); ask them to leave Linkages, or run the restore with "
                + "--wait MINUTES to wait for them; nothing was restored"
        case .unsoundBackup(let path, let reason):
            return "\(path) cannot be restored: \(reason); nothing was restored"
        }
    }
}

/// What a restore did.
public struct RestoreReport: Equatable, Sendable {
    /// Where the database it replaced now is (nil when there was none).
    public var replacedKeptAt: String?
    /// The audit rows of the restored database, all chaining correctly.
    public var auditRows: Int
    public var families: Int
}

extension AppDatabase {
    /// Puts a backup in place of the database at `location`, safely:
    ///
    /// 1. the backup is copied beside the database and checked there (integrity, references,
    ///    that it is a Linkages database of this version or older, its audit chain) and brought
    ///    up to date; a backup that fails a check is refused;
    /// 2. the restore is written to the copy's audit trail;
    /// 3. the database is taken only when no one has it open (``DatabaseUsers``): otherwise
    ///    the restore waits until `waitUntil`, or is refused saying who;
    /// 4. holding the database to itself, the restore moves it and its `-wal` and `-shm`
    ///    aside (never deleting them) and renames the checked copy into its place.
    ///
    /// A process that still had the old file open writes nothing more to it: every write
    /// checks first that its file is still the one at the path (``AppDatabase/write(_:)``).
    ///
    /// - Parameter authorise: called with the checked copy before anything is replaced, to
    ///   refuse a worker who is not an administrator of the database the backup holds.
    public static func restore(
        backup: String, over location: DatabaseLocation, by account: String, at time: Date, waitUntil: Date? = nil,
        authorise: (AppDatabase) throws -> Void = { _ in }
    ) throws -> RestoreReport {
        let path = location.path
        guard (try? DatabaseFileCheck.inspect(backup)) == .linkages else {
            throw RestoreError.unsoundBackup(path: backup, reason: "it is not a Linkages database")
        }
        // Only a Linkages database is replaced: another program's file, a document or a typo
        // is never moved or touched (a missing file is a mistake too, except at the default place).
        switch try DatabaseFileCheck.inspect(path) {
        case .linkages: break
        case .missing where location.isDefault: break
        case .missing: throw StoreError.missing(path: path)
        case .empty: throw StoreError.emptyFile(path: path)
        case .otherApplication: throw StoreError.otherApplication(path: path)
        case .notSQLite: throw StoreError.notADatabase(path: path)
        case .staleLog: throw StoreError.staleLog(path: path)
        }
        let stamp = Self.fileStamp(time)
        let folder = (path as NSString).deletingLastPathComponent
        let staging = "\(folder)/.linkages-restore-\(getpid()).sqlite"
        try? FileManager.default.removeItem(atPath: staging)
        try OwnerOnlyFiles.createFile(staging)
        var placed = false
        defer { if !placed { try? FileManager.default.removeItem(atPath: staging) } }

        let keptAt = FileManager.default.fileExists(atPath: path) ? Self.unusedName("\(path).before-restore-\(stamp)") : nil
        let checked = try copyAndCheck(backup: backup, to: staging)
        do {
            try authorise(checked)
        } catch {
            try? checked.close()
            throw error
        }
        try checked.audit(AuditEntry(
            account: account, action: .restore,
            detail: "restored from \((backup as NSString).lastPathComponent)"
                + (keptAt.map { "; the database it replaced is kept as \(($0 as NSString).lastPathComponent)" } ?? "")),
            at: time)
        let report = RestoreReport(replacedKeptAt: keptAt, auditRows: try checked.auditRowCount(), families: try checked.familyCount())
        try checked.close()

        if let keptAt {
            let holder = try takeAlone(path, waitUntil: waitUntil)
            for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, keptAt + suffix) == 0 else { throw StoreError.notWritable(path: path + suffix) }
            }
            guard rename(staging, path) == 0 else {
                // Put the old database back where it was.
                for suffix in ["", "-wal", "-shm", "-journal"] { _ = rename(keptAt + suffix, path + suffix) }
                throw StoreError.notWritable(path: path)
            }
            try? holder?.close()
        } else {
            guard rename(staging, path) == 0 else { throw StoreError.notWritable(path: path) }
        }
        placed = true
        return report
    }

    /// Copies the backup with SQLite's online backup and checks the copy; returns it open.
    private static func copyAndCheck(backup: String, to staging: String) throws -> AppDatabase {
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: readOnly)
            let target = try DatabaseQueue(path: staging, configuration: configuration(label: staging))
            try source.backup(to: target)
            try source.close()
            let copy = try AppDatabase(target)
            let integrity = try copy.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard integrity == ["ok"] else {
                throw RestoreError.unsoundBackup(path: backup, reason: "SQLite finds it damaged (\(integrity.prefix(2).joined(separator: "; ")))")
            }
            let orphans = try copy.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
            guard orphans == 0 else {
                throw RestoreError.unsoundBackup(path: backup, reason: "\(orphans) of its records point to records it does not have")
            }
            if case .broken(let row, let problem) = try copy.verifyAuditTrail() {
                throw RestoreError.unsoundBackup(path: backup, reason: "its audit trail is broken at row \(row) (\(problem))")
            }
            return copy
        } catch let error as StoreError {
            throw RestoreError.unsoundBackup(path: backup, reason: "\(error)".replacingOccurrences(of: staging, with: "the copy"))
        } catch let error as DatabaseError {
            throw RestoreError.unsoundBackup(path: backup, reason: "SQLite could not read it (\(error.resultCode))")
        }
    }

    /// Holds the database at `path` so that no one else can open or write it, once no one
    /// else has it open: the rollback journal in exclusive locking mode keeps every other
    /// connection out until this one closes. Nil when the file is not a database SQLite can
    /// open (a damaged one is moved aside all the same, once no process has it open).
    private static func takeAlone(_ path: String, waitUntil: Date?) throws -> DatabaseQueue? {
        while true {
            let users = DatabaseUsers.of(path)
            if users.isEmpty, let holder = try holdExclusively(path) { return holder }
            if users.isEmpty, (try? DatabaseFileCheck.inspect(path)) != .linkages { return nil }
            guard let waitUntil, Date() < waitUntil else {
                throw RestoreError.inUse(path: path, users: users.isEmpty ? DatabaseUsers.of(path) : users)
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    private static func holdExclusively(_ path: String) throws -> DatabaseQueue? {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")?.lowercased() == "delete" else {
                    throw DatabaseError(resultCode: .SQLITE_BUSY)
                }
                // The first write takes the exclusive lock, and exclusive mode keeps it.
                try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT")
            }
            return queue
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            return nil
        } catch is DatabaseError {
            return nil
        }
    }

    /// `name`, or `name-2`, `name-3` … : the first that no file (or its log) has, so that a
    /// database kept aside is never replaced by the next one.
    private static func unusedName(_ name: String) -> String {
        var candidate = name
        var number = 1
        while ["", "-wal", "-shm", "-journal"].contains(where: { FileManager.default.fileExists(atPath: candidate + $0) }) {
            number += 1
            candidate = "\(name)-\(number)"
        }
        return candidate
    }

    /// A time for file names: `20261203-141502`.
    private static func fileStamp(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: time)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private func auditRowCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEvent") ?? 0 }
    }

    private func familyCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM family") ?? 0 }
    }
}
