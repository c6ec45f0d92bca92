import Foundation
import GRDB
import LinkagesDomain
@testable import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Restoring a backup")
struct RestoreTests {
    /// A database with one worker and one intake draft, its backup, and a second draft made after the backup.
    func databaseWithBackup() throws -> (location: DatabaseLocation, backup: String) {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.addWorker(.init(account: "admin", name: "Ada Admin", program: .calworks, office: "Central", role: .admin))
        _ = try database.createIntakeDraft(account: "ana", draft: IntakeDraft(bankVersion: 1, answers: ["note": "before"]), at: Fixtures.now)
        let backup = (location.path as NSString).deletingLastPathComponent + "/backup.sqlite"
        try database.backup(to: backup, by: "admin", at: Fixtures.now)
        _ = try database.createIntakeDraft(account: "ana", draft: IntakeDraft(bankVersion: 1, answers: ["note": "after"]), at: Fixtures.now)
        try database.close()
        return (location, backup)
    }

    func notes(_ location: DatabaseLocation) throws -> [String] {
        let database = try AppDatabase.open(location)
        defer { try? database.close() }
        return try database.intakeDrafts(account: "ana").map { String($0.id) }.sorted()
    }

    @Test("the backup goes live, the database it replaced is kept beside it with its log, and the restore is in the audit trail")
    func restores() throws {
        let (location, backup) = try databaseWithBackup()
        let replacedBefore = try notes(location)
        #expect(replacedBefore.count == 2)
        let report = try AppDatabase.restore(backup: backup, over: location, by: "admin", at: Fixtures.now)
        let kept = try #require(report.replacedKeptAt)
        #expect(kept.hasPrefix(location.path + ".before-restore-"))
        #expect(try notes(location).count == 1, "the draft made after the backup is not in the restored database")
        #expect(try notes(DatabaseLocation(path: kept, isDefault: false)) == replacedBefore, "nothing of the replaced database is lost")
        let restored = try AppDatabase.open(location)
        let last = try #require(try restored.auditEvents(limit: 1).first)
        #expect(last.action == .restore && last.account == "admin")
        #expect(last.detail?.contains("restored from backup.sqlite; the database it replaced is kept as test.sqlite.before-restore-") == true)
        guard case .intact = try restored.verifyAuditTrail() else { Issue.record("the restored audit chain is broken"); return }
        #expect(OwnerOnlyFiles.permissions(of: location.path) == 0o600)
        let folder = (location.path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.hasPrefix(".linkages-restore") })
    }

    @Test("a damaged backup, one with a broken audit chain, another program's file and one from a newer Linkages are refused, and the database is left as it was")
    func refusesUnsoundBackups() throws {
        let (location, backup) = try databaseWithBackup()
        let original = try Data(contentsOf: URL(fileURLWithPath: location.path))
        let folder = (location.path as NSString).deletingLastPathComponent

        let damaged = folder + "/damaged.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        for offset in stride(from: 20_000, to: min(bytes.count, 60_000), by: 7) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: damaged))

        let tampered = folder + "/tampered.sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: tampered)
        let queue = try DatabaseQueue(path: tampered)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER auditEvent_no_update")
            try db.execute(sql: "UPDATE auditEvent SET detail = 'nothing to see' WHERE id = 1")
        }
        try queue.close()

        let other = folder + "/other.sqlite"
        let recipes = try DatabaseQueue(path: other)
        try recipes.write { db in try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY)") }
        try recipes.close()

        let newer = folder + "/newer.sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: newer)
        let future = try DatabaseQueue(path: newer)
        try future.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try future.close()

        for (file, reason) in [(damaged, "damaged"), (tampered, "its audit trail is broken at row 1"), (other, "not a Linkages database"),
                               (newer, "written by a newer version of Linkages")] {
            do {
                _ = try AppDatabase.restore(backup: file, over: location, by: "admin", at: Fixtures.now)
                Issue.record("\(file) was restored")
            } catch let error as RestoreError {
                #expect("\(error)".contains(reason) && "\(error)".hasSuffix("nothing was restored"), "\(error)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: location.path)) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains("before-restore") && !$0.hasPrefix(".linkages") })
    }

    @Test("a worker refused by the check of the backup's administrators restores nothing")
    func authorisation() throws {
        let (location, backup) = try databaseWithBackup()
        struct NotAnAdministrator: Error {}
        #expect(throws: NotAnAdministrator.self) {
            try AppDatabase.restore(backup: backup, over: location, by: "ana", at: Fixtures.now) { _ in throw NotAnAdministrator() }
        }
        #expect(try notes(location).count == 2)
    }

    @Test("a process still holding the replaced file has its next save refused with a sentence, never written where no one will read it")
    func oldFileRefusesWrites() throws {
        let (location, backup) = try databaseWithBackup()
        let worker = try AppDatabase.open(location)
        let draft = try worker.createIntakeDraft(account: "ana", draft: IntakeDraft(bankVersion: 1), at: Fixtures.now)
        // What a restore does while a process that opened the file during the swap still holds it.
        let kept = location.path + ".before-restore-test"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: location.path + suffix) {
            #expect(rename(location.path + suffix, kept + suffix) == 0)
        }
        try FileManager.default.copyItem(atPath: backup, toPath: location.path)
        #expect(throws: StoreError.replaced(path: location.path)) {
            try worker.saveIntakeDraft(id: draft, draft: IntakeDraft(bankVersion: 1, answers: ["note": "lost?"]), at: Fixtures.now)
        }
        #expect(StoreError.replaced(path: location.path).description
            == "test.sqlite was restored from a backup while you were working, so this was not saved; note what you typed, then leave Linkages and open it again")
        // Opened again, the save reaches the restored database.
        let again = try AppDatabase.open(location)
        let saved = try again.createIntakeDraft(account: "ana", draft: IntakeDraft(bankVersion: 1, answers: ["note": "reaches"]), at: Fixtures.now)
        #expect(try again.intake(id: saved)?.draft.answers["note"] == "reaches")
    }

    @Test("who has the database open is read from the kernel's lock table, this process left out")
    func usersFromLockTable() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        var info = stat()
        stat(location.path, &info)
        let table = """
            1: POSIX  ADVISORY  READ 999999 fe:00:\(info.st_ino) 128 128
            2: POSIX  ADVISORY  READ \(getpid()) fe:00:\(info.st_ino) 128 128
            3: POSIX  ADVISORY  WRITE 1 fe:00:1 0 EOF
            4: -> POSIX  ADVISORY  WRITE 888888 fe:00:\(info.st_ino) 0 EOF
            """
        let users = DatabaseUsers.of(location.path, locks: table)
        #expect(users.map(\.processId) == [999999])
        #expect(users.first?.account == "an unknown account")
        #expect(DatabaseUsers.of(location.path).isEmpty, "this process's own connections do not count")
        try database.close()
    }

    @Test("a restore replaces a Linkages database only, and two in one second keep both replaced databases")
    func restoreTargets() throws {
        let (location, backup) = try databaseWithBackup()
        let folder = (location.path as NSString).deletingLastPathComponent
        let diary = folder + "/notes.txt"
        try "Dear diary".write(toFile: diary, atomically: true, encoding: .utf8)
        let other = folder + "/other.sqlite"
        let recipes = try DatabaseQueue(path: other)
        try recipes.write { db in try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY)") }
        try recipes.close()
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other))
        for (path, error) in [(diary, StoreError.notADatabase(path: diary)), (other, .otherApplication(path: other)),
                              (folder + "/typo.sqlite", .missing(path: folder + "/typo.sqlite"))] {
            #expect(throws: error) { try AppDatabase.restore(backup: backup, over: DatabaseLocation(path: path, isDefault: false), by: "admin", at: Fixtures.now) }
        }
        #expect(try String(contentsOfFile: diary, encoding: .utf8) == "Dear diary" && Data(contentsOf: URL(fileURLWithPath: other)) == otherBytes)
        let first = try AppDatabase.restore(backup: backup, over: location, by: "admin", at: Fixtures.now)
        let second = try AppDatabase.restore(backup: backup, over: location, by: "admin", at: Fixtures.now)
        #expect(first.replacedKeptAt != second.replacedKeptAt)
        #expect(second.replacedKeptAt == (first.replacedKeptAt ?? "") + "-2")
        #expect(try notes(DatabaseLocation(path: first.replacedKeptAt!, isDefault: false)).count == 2, "the first replaced database is still there")
    }
}
