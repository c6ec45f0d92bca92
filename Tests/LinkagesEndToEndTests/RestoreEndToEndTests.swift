import Foundation
import LinkagesStore
import LinkagesTestSupport
import Testing

/// A restore while a worker has Linkages open: refused, saying who; with a wait, done once
/// they leave; and their next save reaches the restored database.
@Suite("Restoring a backup while a worker works", .serialized)
struct RestoreEndToEndTests {
    /// Every intake draft's answers in the database at `path`, joined.
    func draftTexts(_ path: String) throws -> [String] {
        let database = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
        defer { try? database.close() }
        let account = String(cString: getpwuid(getuid())!.pointee.pw_name)
        return try database.intakeDrafts(account: account).compactMap { summary in
            try database.intake(id: summary.id)?.draft.answers.values.sorted().joined(separator: " ")
        }
    }

    /// Starts an intake in the session and types `referral` as its CWS/CMS referral number, then leaves it.
    func startIntake(_ s: TmuxSession, referral: String) {
        s.send("i", "n")
        #expect(s.waitFor("CWS/CMS referral number"), "\(s.capture())")
        s.type(referral)
        #expect(s.waitFor(referral), "\(s.capture())")
        s.send("Escape")
        #expect(s.waitFor("ER referrals open now"), "\(s.capture())")
        s.send("Escape")
        #expect(s.waitFor("What do you want to do?"), "\(s.capture())")
    }

    @Test("refused while Marcus works, naming his account; with --wait, done when he leaves; his next save is in the restored database")
    func restoreDuringWork() throws {
        let first = try TmuxSession(arguments: ["demo", "--as", "Marcus Bell"])
        #expect(first.waitFor("What do you want to do?"), "\(first.capture())")
        let path = first.folder.appendingPathComponent("data/linkages/demo.sqlite").path
        let backup = first.folder.appendingPathComponent("backup.sqlite").path
        let live = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
        try live.backup(to: backup, by: "test", at: Fixtures.now)
        try live.close()
        startIntake(first, referral: "AFTER-BACKUP-1")
        #expect(try draftTexts(path).contains { $0.contains("AFTER-BACKUP-1") })

        let location = DatabaseLocation(path: path, isDefault: false)
        let account = String(cString: getpwuid(getuid())!.pointee.pw_name)
        do {
            _ = try AppDatabase.restore(backup: backup, over: location, by: account, at: Fixtures.now)
            Issue.record("restored under an open session")
        } catch let error as RestoreError {
            #expect("\(error)".hasPrefix("demo.sqlite is open (\(account) (process "), "\(error)")
            #expect("\(error)".hasSuffix("to wait for them; nothing was restored"))
        }

        // Waiting: the restore goes ahead once Marcus leaves.
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<RestoreReport, any Error>?
        DispatchQueue.global().async {
            outcome = Result { try AppDatabase.restore(backup: backup, over: location, by: account, at: Fixtures.now,
                                                       waitUntil: Date().addingTimeInterval(60)) }
            done.signal()
        }
        first.send("q")
        #expect(first.exitStatus() == 0)
        #expect(done.wait(timeout: .now() + 60) == .success, "the restore never went ahead")
        let report = try #require(try outcome?.get())
        let kept = try #require(report.replacedKeptAt)
        #expect(try draftTexts(kept).contains { $0.contains("AFTER-BACKUP-1") }, "the replaced database keeps the later work")
        #expect(try !draftTexts(path).contains { $0.contains("AFTER-BACKUP-1") })

        // Marcus opens Linkages again: his next save reaches the restored database.
        let again = try TmuxSession(arguments: ["--db", path], environment: ["HOME": first.folder.path])
        #expect(again.waitFor("What do you want to do?"), "\(again.capture())")
        startIntake(again, referral: "AFTER-RESTORE-2")
        again.send("q")
        #expect(again.exitStatus() == 0)
        #expect(try draftTexts(path).contains { $0.contains("AFTER-RESTORE-2") })
        #expect(try !draftTexts(kept).contains { $0.contains("AFTER-RESTORE-2") })
        withExtendedLifetime(first) {}  // its folder holds the database
    }
}
