import Foundation
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The sharing rules through the real binary: a CalWORKs worker's screens before and after a
/// release is recorded with `linkages consent add`.
@Suite("Access in a terminal", .serialized)
struct AccessEndToEndTests {
    /// Runs `linkages` with the same fixed date the screens use, and returns status and output.
    func linkages(_ arguments: [String], home: URL) throws -> (status: Int32, output: String) {
        try ChildProcess.run(["env", "HOME=\(home.path)", "LINKAGES_TODAY=\(Fixtures.today.iso)", TmuxSession.binaryPath] + arguments)
    }

    func openJose(_ s: TmuxSession) {
        #expect(s.waitFor("What do you want to do?"), "\(s.capture())")
        s.send("l")
        s.type("jose nunez")
        #expect(s.waitFor("Núñez-García, José"), "\(s.capture())")
        // Enter moves from the search field to the results once the last key's search is
        // answered, then opens the family: press it until the family shows.
        for _ in 0..<6 where !s.waitFor("Linkages ▸ Núñez-García, José", timeout: 1.5) {
            s.send("Enter")
        }
    }

    @Test("a CalWORKs account sees Child Welfare's identifying details only, until a release is recorded")
    func releaseOpensTheRecord() throws {
        let first = try TmuxSession(arguments: ["demo", "--as", "Ana Ruiz"], width: 120, height: 40)
        openJose(first)
        #expect(first.waitFor("Only identifying details are"), "\(first.capture())")
        #expect(first.waitFor("Contact: Linh Tran (Child Welfare, 559-555-0151)"), "\(first.capture())")
        #expect(!first.capture().contains("Family Reunification"))
        first.send("Escape", "Escape", "q")
        #expect(first.exitStatus() == 0)

        let database = first.folder.appendingPathComponent("data/linkages/demo.sqlite").path
        // A caseworker cannot read the audit trail; the search finds the family's number.
        #expect(try linkages(["--db", database, "audit", "verify"], home: first.folder).status == 1)
        let search = try linkages(["--db", database, "search", "--json", "jose nunez garcia"], home: first.folder)
        let familyId = try #require(search.output.firstMatch(of: /"family_id" : (\d+)/).map { String($0.1) })
        let recorded = try linkages(["--db", database, "consent", "add", "--family", familyId, "--kind", "release",
                                     "--shares", "calworks,cws", "--signed", "11/01/2026", "--expires", "11/01/2027"],
                                    home: first.folder)
        #expect(recorded.status == 0 && recorded.output.contains("Recorded sharing basis"), "\(recorded.output)")
        #expect(recorded.output.contains("It opens nothing until approved: waiting for a CalWORKs supervisor's approval; "
            + "waiting for a Child Welfare supervisor's approval."), "\(recorded.output)")
        #expect(try linkages(["--db", database, "consent", "approve", "1"], home: first.folder).status == 1,
                "the worker who recorded it cannot approve it")

        // Recorded by Ana alone, it opens nothing yet.
        let unapproved = try TmuxSession(arguments: ["--db", database], width: 120, height: 40, environment: ["HOME": first.folder.path])
        openJose(unapproved)
        #expect(unapproved.waitFor("Only identifying details are"), "\(unapproved.capture())")
        #expect(unapproved.capture().contains("waiting for a Child Welfare supervisor's approval"), "\(unapproved.capture())")
        unapproved.send("Escape", "Escape", "q")
        #expect(unapproved.exitStatus() == 0)

        // Robert Chen, the Child Welfare supervisor, approves it on his screen.
        let supervisor = try TmuxSession(arguments: ["--db", database, "open", "--as", "Robert Chen"], width: 120, height: 40,
                                         environment: ["HOME": first.folder.path])
        #expect(supervisor.waitFor("Releases to approve (1)"), "\(supervisor.capture())")
        supervisor.send("s")
        #expect(supervisor.waitFor("Núñez-García, José"), "\(supervisor.capture())")
        supervisor.send("a")
        #expect(supervisor.waitFor("Please confirm"), "\(supervisor.capture())")
        supervisor.send("y")
        #expect(supervisor.waitFor("Approved: "), "\(supervisor.capture())")
        #expect(supervisor.waitFor("No release is waiting for a Child Welfare supervisor's approval."))
        supervisor.send("Escape", "q")
        #expect(supervisor.exitStatus() == 0)

        let again = try TmuxSession(arguments: ["--db", database, "open", "--as", "Ana Ruiz"], width: 120, height: 40,
                                    environment: ["HOME": first.folder.path])
        openJose(again)
        #expect(again.waitFor("Family Reunification (Sofia): open"), "\(again.capture())")
        #expect(again.capture().contains("Sharing: signed release of 11/01/2026, until 11/01/2027"))
        again.send("Escape", "Escape", "q")
        #expect(again.exitStatus() == 0)
        // Ana read the records a basis she recorded opened, within a day: flagged for review.
        let flagged = try linkages(["--db", database, "audit", "show", "--flagged"], home: first.folder)
        #expect(flagged.status == 1, "Ana, a caseworker, may not read the trail")
        let trail = try AppDatabase.open(DatabaseLocation(path: database, isDefault: false))
        #expect(try trail.auditEvents(flaggedOnly: true).contains {
            $0.action == .viewFamily && $0.detail?.contains("which this worker recorded") == true
        })
    }

    @Test("search --json, consent list and referrals list each leave an audit row naming the families they printed")
    func commandLineReadsAudited() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try TmuxSession(arguments: ["demo", "--as", "Marcus Bell"], environment: ["HOME": folder.path])
        #expect(setup.waitFor("What do you want to do?"), "\(setup.capture())")
        setup.send("q")
        #expect(setup.exitStatus() == 0)
        let database = setup.folder.appendingPathComponent("data/linkages/demo.sqlite").path
        func rows() throws -> Int {
            let trail = try AppDatabase.open(DatabaseLocation(path: database, isDefault: false))
            defer { try? trail.close() }
            return try trail.auditEvents(limit: 100_000).count
        }
        let search = try linkages(["--db", database, "search", "--json", "mitchell"], home: setup.folder)
        #expect(search.status == 0)
        let familyId = try #require(search.output.firstMatch(of: /"family_id" : (\d+)/).map { String($0.1) })
        for command in [["search", "--json", "mitchell"], ["consent", "list", "--family", familyId], ["referrals", "list"]] {
            let before = try rows()
            let run = try linkages(["--db", database] + command, home: setup.folder)
            #expect(run.status == 0, "\(command): \(run.output)")
            #expect(try rows() == before + 1, "\(command) left no audit row")
        }
        let trail = try AppDatabase.open(DatabaseLocation(path: database, isDefault: false))
        let last = try #require(try trail.auditEvents(limit: 3))
        #expect(last.map(\.action) == [.viewList, .viewList, .viewList])
        #expect(last[1].detail == "sharing bases: 1 family (\(familyId))")
    }

    @Test("a worker disabled while their screens are open is stopped at their next key, with one sentence")
    func disabledMidSession() throws {
        let s = try TmuxSession(arguments: ["demo", "--as", "Marcus Bell"], width: 120, height: 40)
        openJose(s)
        #expect(s.waitFor("Linkages ▸ Núñez-García, José"), "\(s.capture())")
        let database = s.folder.appendingPathComponent("data/linkages/demo.sqlite").path
        let account = String(cString: getpwuid(getuid())!.pointee.pw_name)
        // The demo has no administrator: the owner of its file manages its workers.
        let disabled = try linkages(["--db", database, "admin", "worker", "disable", account], home: s.folder)
        #expect(disabled.status == 0, "\(disabled.output)")
        s.send("j")
        #expect(s.waitFor("your Linkages account was disabled; ask your administrator"), "\(s.capture())")
        #expect(s.exitStatus() == 1)
        #expect(!s.capture().contains("Núñez-García"), "the family is off the screen")
    }

    @Test("an account that is not a worker gets one line and no screen")
    func unmappedAccount() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("county.sqlite").path
        #expect(try linkages(["--db", database, "init", "--role", "admin"], home: folder).status == 0)
        // The creator is its administrator: no family screens for an administrator.
        let refused = try TmuxSession(arguments: ["--db", database], environment: ["HOME": folder.path])
        #expect(refused.waitFor("Administrators see no family records"), "\(refused.capture())")
        #expect(refused.exitStatus() == 1)
    }
}
