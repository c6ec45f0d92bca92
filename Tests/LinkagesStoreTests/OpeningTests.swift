import Foundation
import GRDB
import LinkagesDomain
@testable import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Opening the database")
struct OpeningTests {
    @Test("a new database gets every table, and opening it again changes nothing")
    func migratesOnce() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'personFts_%' AND name NOT LIKE 'personLookup_%' ORDER BY name")
        }
        #expect(tables == ["auditEvent", "auditEventFamily", "casePlan", "changeNotice", "concern", "directoryLocation", "directoryOrganization", "directoryPhone",
                           "directoryService", "emergencyReview", "family", "grdb_migrations", "household", "intake", "involvement",
                           "meetingDecision", "meetingInvitee", "meta", "mutualIdentification", "person", "personFts", "personLookup", "personMatch", "planTask", "referral", "referralEvent", "referralNote", "responseContact", "reunificationRecord",
                           "sharingBasis", "staffingReview", "teamMeeting", "worker"])
        try database.close()
        let again = try AppDatabase.open(location)
        let migrations = try again.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1-foundation", "v2-intake", "v3-matching", "v4-lookup", "v5-access", "v6-emergency-review", "v7-referral-desk", "v8-directory", "v9-reunification", "v10-plan-editor", "v11-team-meetings", "v12-staffing-and-changes", "v13-welfare-to-work-status", "v14-mutual-identification",
                              "v15-compact-name-indexes", "v16-placement-hearing", "v17-edit-versions", "v18-basis-approval", "v19-audit-families",
                              "v20-response-contacts", "v21-meeting-attendance"])
    }

    @Test("the safety settings are in force on the connection that writes")
    func settingsReadBack() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let settings = try database.writer.writeWithoutTransaction { db in
            try ["journal_mode", "synchronous", "foreign_keys", "secure_delete"].map { name in
                try String.fetchOne(db, sql: "PRAGMA \(name)") ?? ""
            }
        }
        #expect(settings == ["wal", "2", "1", "1"])
        // The wait for another writer is Linkages' own busy handler (LockWaitTests), not SQLite's timeout.
    }

    @Test("every write takes the write lock before it reads: BEGIN IMMEDIATE, never a deferred upgrade")
    func immediateTransactions() throws {
        let database = try Fixtures.demoDatabase()
        let statements = StatementLog()
        database.writer.writeWithoutTransaction { db in
            db.trace { event in statements.append("\(event)") }
        }
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        let draft = try database.createIntakeDraft(account: "mbell", draft: IntakeDraft(bankVersion: 1), at: Fixtures.now)
        try database.saveIntakeDraft(id: draft, draft: IntakeDraft(bankVersion: 1, answers: ["note": "saved"]), at: Fixtures.now)
        let family = try #require(try database.searchFamilies("José Núñez-García", on: Fixtures.today).first?.id)
        let referral = try database.createReferral(
            Referral(familyId: family, fromProgram: .childWelfare, toProviderName: "Valley Family Resource Center", type: .housing,
                     reason: "Rent is late.", createdAt: Fixtures.now), by: marcus, at: Fixtures.now)
        try database.takeReferralStep(.send, referralId: referral.id!, by: marcus, at: Fixtures.now)
        let begins = statements.all.filter { $0.hasPrefix("BEGIN") }
        #expect(begins.count >= 5, "\(begins)")
        #expect(begins.allSatisfy { $0 == "BEGIN IMMEDIATE TRANSACTION" }, "\(begins)")
    }

    @Test("the default folder and file are readable by their owner only")
    func ownerOnlyPermissions() throws {
        let home = try Fixtures.temporaryFolder()
        let location = try DatabaseLocation.resolve(explicitPath: nil, environment: ["XDG_DATA_HOME": home.path + "/data"])
        #expect(location.isDefault)
        #expect(location.path == home.path + "/data/linkages/linkages.sqlite")
        let database = try AppDatabase.open(location)
        try database.addWorker(.init(name: "A", program: .calworks, office: "Central", role: .caseworker))
        #expect(mode(home.path + "/data") == 0o700)
        #expect(mode(home.path + "/data/linkages") == 0o700)
        #expect(mode(location.path) == 0o600)
        #expect(mode(location.path + "-wal") == 0o600)
    }

    @Test("the location comes from --db, then LINKAGES_DB, then XDG_DATA_HOME, then HOME")
    func locationPrecedence() throws {
        let environment = ["LINKAGES_DB": "/srv/county.sqlite", "XDG_DATA_HOME": "/x", "HOME": "/home/ana"]
        #expect(try DatabaseLocation.resolve(explicitPath: "/tmp/a.sqlite", environment: environment).path == "/tmp/a.sqlite")
        #expect(try DatabaseLocation.resolve(explicitPath: nil, environment: environment).path == "/srv/county.sqlite")
        #expect(try DatabaseLocation.resolve(explicitPath: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/ana"]).path
                == "/x/linkages/linkages.sqlite")
        #expect(try DatabaseLocation.resolve(explicitPath: nil, environment: ["HOME": "/home/ana"]).path
                == "/home/ana/.local/share/linkages/linkages.sqlite")
        #expect(try DatabaseLocation.demo(explicitPath: nil, environment: ["HOME": "/home/ana"]).path
                == "/home/ana/.local/share/linkages/demo.sqlite")
        #expect(throws: StoreError.noHomeFolder) { try DatabaseLocation.resolve(explicitPath: nil, environment: [:]) }
    }

    @Test("a named file that does not exist is an error, not a new database")
    func missingNamedFile() throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.path + "/typo.sqlite"
        #expect(throws: StoreError.missing(path: path)) { try AppDatabase.open(DatabaseLocation(path: path, isDefault: false)) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let missingFolder = folder.path + "/no/such/folder/x.sqlite"
        #expect(throws: StoreError.folderMissing(path: missingFolder)) {
            try AppDatabase.open(DatabaseLocation(path: missingFolder, isDefault: false), create: true)
        }
    }

    @Test("a file that is not a database is refused with a plain sentence")
    func notADatabase() throws {
        let path = try Fixtures.temporaryFolder().path + "/notes.sqlite"
        try "Dear diary".write(toFile: path, atomically: true, encoding: .utf8)
        for create in [false, true] {
            #expect(throws: StoreError.notADatabase(path: path)) {
                try AppDatabase.open(DatabaseLocation(path: path, isDefault: false), create: create)
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Dear diary")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("another program's SQLite file is refused and left byte for byte as it was, with no log beside it")
    func otherApplication() throws {
        let folder = try Fixtures.temporaryFolder().path
        for (name, journal, id) in [("rollback", "DELETE", 0), ("wal", "WAL", 0), ("tagged", "DELETE", 0x4D50_4442)] {
            let path = "\(folder)/\(name).sqlite"
            let other = try DatabaseQueue(path: path)
            try other.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = \(journal)")
                try db.execute(sql: "PRAGMA application_id = \(id)")
                try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY, name TEXT)")
                try db.execute(sql: "INSERT INTO recipes(name) VALUES ('pozole')")
            }
            try other.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let siblings = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            for create in [false, true] {
                #expect(throws: StoreError.otherApplication(path: path)) {
                    try AppDatabase.open(DatabaseLocation(path: path, isDefault: false), create: create)
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(name): the file was changed")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == siblings, "\(name): files appeared beside it")
        }
    }

    @Test("an empty file is made a database by init alone, closed to others first; anything else leaves it empty")
    func emptyFile() throws {
        let path = try Fixtures.temporaryFolder().path + "/touched.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
        let location = DatabaseLocation(path: path, isDefault: false)
        #expect(throws: StoreError.emptyFile(path: path)) { try AppDatabase.open(location) }
        #expect(OwnerOnlyFiles.size(of: path) == 0 && !FileManager.default.fileExists(atPath: path + "-wal"))
        let database = try AppDatabase.open(location, create: true)
        try database.addWorker(.init(name: "A", program: .calworks, office: "Central", role: .caseworker))
        #expect(mode(path) == 0o600 && mode(path + "-wal") == 0o600 && mode(path + "-shm") == 0o600)
        try database.close()
        #expect(try AppDatabase.open(location).workers().count == 1)
    }

    @Test("an export is a new owner-only file from its first byte, even over a file others could read")
    func ownerOnlyExports() throws {
        let folder = try Fixtures.temporaryFolder().path
        let path = folder + "/agenda.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        try OwnerOnlyFiles.write(Data("José Núñez-García".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "José Núñez-García")
        #expect(mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["agenda.md"], "no temporary file is left")
        #expect(throws: StoreError.folderMissing(path: folder + "/no/such/agenda.md")) {
            try OwnerOnlyFiles.write(Data(), to: folder + "/no/such/agenda.md")
        }
    }

    @Test("an export never replaces a database, its log or its shared memory")
    func exportsSpareDatabases() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.addWorker(.init(name: "A", program: .calworks, office: "Central", role: .caseworker))
        let before = try Data(contentsOf: URL(fileURLWithPath: location.path))
        for target in [location.path, location.path + "-wal", location.path + "-shm"] {
            #expect(throws: StoreError.self, "\(target)") { try OwnerOnlyFiles.write(Data("plan".utf8), to: target) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: location.path)) == before)
        #expect(try database.workers().count == 1)
    }

    @Test("an empty file with another database's leftover log beside it is refused, the log left where it is")
    func staleLog() throws {
        let folder = try Fixtures.temporaryFolder().path
        let other = folder + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY)")
        }
        let path = folder + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        // A log that belongs to no database in the empty file: a header, nothing more.
        let log = try Data(contentsOf: URL(fileURLWithPath: other + "-wal"))
        try log.prefix(32).write(to: URL(fileURLWithPath: path + "-wal"))
        try queue.close()
        for create in [false, true] {
            #expect(throws: StoreError.staleLog(path: path)) { try AppDatabase.open(DatabaseLocation(path: path, isDefault: false), create: create) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == log.prefix(32) && OwnerOnlyFiles.size(of: path) == 0)
    }

    @Test("a Linkages database stopped before its first checkpoint, its data all in the log, still opens")
    func dataOnlyInTheLog() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.addWorker(.init(name: "Ana Ruiz", program: .calworks, office: "Central", role: .caseworker))
        let copy = try Fixtures.temporaryFolder().path + "/copy.sqlite"
        // What a kill leaves: the file as last checkpointed, and the log; no shared memory.
        try FileManager.default.copyItem(atPath: location.path, toPath: copy)
        try FileManager.default.copyItem(atPath: location.path + "-wal", toPath: copy + "-wal")
        #expect((OwnerOnlyFiles.size(of: copy + "-wal") ?? 0) > 0)
        let reopened = try AppDatabase.open(DatabaseLocation(path: copy, isDefault: false))
        #expect(try reopened.workers().map(\.name) == ["Ana Ruiz"])
    }

    @Test("a database from a newer Linkages is not opened")
    func newerVersion() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        try database.close()
        #expect(throws: StoreError.newerVersion(path: location.path)) { try AppDatabase.open(location) }
    }

    @Test("an older database is brought up to date after saying so, with its people counted; a new or current one says nothing")
    func announcesUpdates() throws {
        let location = DatabaseLocation(path: try Fixtures.temporaryFolder().appendingPathComponent("old.sqlite").path, isDefault: false)
        var notices: [String] = []
        // A database as the previous version left it: every migration up to v15.
        let old = try DatabaseQueue(path: location.path, configuration: AppDatabase.configuration(label: location.path))
        try old.write { db in try db.execute(sql: "PRAGMA application_id = \(AppDatabase.applicationID)") }
        try Migrations.migrator.migrate(old, upTo: "v15-compact-name-indexes")
        try old.close()
        _ = try AppDatabase.open(location) { notices.append($0) }
        #expect(notices == ["Updating old.sqlite (0 people) for this version of Linkages; on a large county this takes a minute or two. "
            + "Nothing is lost if it is stopped."])
        notices = []
        _ = try AppDatabase.open(location) { notices.append($0) }
        let fresh = DatabaseLocation(path: try Fixtures.temporaryFolder().appendingPathComponent("new.sqlite").path, isDefault: false)
        _ = try AppDatabase.open(fresh, create: true) { notices.append($0) }
        #expect(notices.isEmpty)
    }

    @Test("while an import has the database to itself, opening it waits, says so once, and then opens")
    func waitsForAnImportAlone() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.close()
        // What an import alone with the database holds: the rollback journal, and a write under way.
        var holdsTheLock = Configuration()
        holdsTheLock.allowsUnsafeTransactions = true
        let importer = try DatabaseQueue(path: location.path, configuration: holdsTheLock)
        try importer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('importing', 'yes')")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.6) {
            try? importer.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
            try? importer.close()
        }
        var notices: [String] = []
        let opened = try AppDatabase.open(location) { notices.append($0) }
        #expect(notices == ["test.sqlite is busy (most often an import that has it to itself); waiting for it to finish (Ctrl-C stops waiting)."])
        #expect(try opened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("an unwritable file is reported as such")
    func unwritable() throws {
        guard getuid() != 0 else { return }  // root can write anything
        let (database, location) = try Fixtures.emptyDatabase()
        try database.close()
        chmod(location.path, 0o400)
        #expect(throws: StoreError.notWritable(path: location.path)) { try AppDatabase.open(location) }
    }

    @Test("errors read as one line a worker can act on")
    func errorSentences() {
        let errors: [StoreError] = [
            .noHomeFolder, .missing(path: "/a"), .folderMissing(path: "/a"), .notWritable(path: "/a"),
            .notADatabase(path: "/a"), .emptyFile(path: "/a"), .otherApplication(path: "/a"), .newerVersion(path: "/a"),
            .settingNotApplied(name: "x", expected: "1", actual: "0"), .cannotOpen(path: "/a", reason: "r"),
            .refusingToReplace(path: "/a"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(!error.description.isEmpty)
        }
    }

    private func mode(_ path: String) -> Int {
        var info = stat()
        stat(path, &info)
        return Int(info.st_mode & 0o777)
    }
}

@Suite("The doctor")
struct CheckupTests {
    @Test("a healthy database passes every check; loose permissions and a broken audit chain are problems with a remedy")
    func checkup() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        chmod((location.path as NSString).deletingLastPathComponent, 0o700)
        try database.audit(AuditEntry(account: "a", action: .viewFamily, familyId: 1), at: Fixtures.now)
        let healthy = try database.checkup(path: location.path)
        #expect(healthy.map(\.check) == ["integrity", "references", "settings", "permissions", "audit trail", "intake drafts"])
        #expect(healthy.allSatisfy { $0.level == .ok }, "\(healthy)")

        chmod(location.path, 0o644)
        try database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER auditEvent_no_update; UPDATE auditEvent SET account = 'b'")
        }
        let sick = try database.checkup(path: location.path)
        let permissions = try #require(sick.first { $0.check == "permissions" })
        #expect(permissions.level == .problem && permissions.detail.contains("chmod 600"))
        let audit = try #require(sick.first { $0.check == "audit trail" })
        #expect(audit.level == .problem && audit.detail.hasPrefix("broken at row 1"))
    }
}

@Suite("Network drives")
struct NetworkFilesystemTests {
    static let mounts = """
        /dev/sda1 / ext4 rw,relatime 0 0
        server:/export /mnt/county nfs4 rw,relatime 0 0
        //nas/share /mnt/my\\040share cifs rw 0 0
        tmpfs /mnt/county/local tmpfs rw 0 0
        """

    @Test("a database on NFS or CIFS is named as such; the deepest mount point decides")
    func kinds() {
        #expect(NetworkFilesystem.kind(of: "/mnt/county/linkages.sqlite", mounts: Self.mounts) == "nfs4")
        #expect(NetworkFilesystem.kind(of: "/mnt/my share/db.sqlite", mounts: Self.mounts) == "cifs")
        #expect(NetworkFilesystem.kind(of: "/mnt/county/local/db.sqlite", mounts: Self.mounts) == nil)
        #expect(NetworkFilesystem.kind(of: "/mnt/countyfair/db.sqlite", mounts: Self.mounts) == nil)
        #expect(NetworkFilesystem.kind(of: "/home/ana/db.sqlite", mounts: Self.mounts) == nil)
    }
}

/// The SQL a connection ran, collected from its trace (which runs on the writer's queue).
final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    func append(_ statement: String) {
        lock.withLock { statements.append(statement) }
    }

    var all: [String] { lock.withLock { statements } }
}
