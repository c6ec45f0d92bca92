import Foundation
import LinkagesTestSupport
import Testing

/// One referral from draft to closed through the real screens, in tmux.
@Suite("Referrals in a terminal", .serialized)
struct ReferralEndToEndTests {
    @Test("a referral to a provider: written on the family page, sent, answered, closed with its outcome")
    func draftToClosed() throws {
        let s = try TmuxSession(arguments: ["demo"], width: 100, height: 30)
        #expect(s.waitFor("What do you want to do?"), "\(s.capture())")
        s.send("l")
        s.type("jose nunez")
        #expect(s.waitFor("Núñez-García, José"), "\(s.capture())")
        for _ in 0..<6 where !s.waitFor("Linkages ▸ Núñez-García, José", timeout: 1.5) {
            s.send("Enter")
        }
        s.send("n")
        #expect(s.waitFor("Provider's name"), "\(s.capture())")
        s.send("Tab", "Tab", "Tab")
        s.type("Hope Housing Collaborative")
        s.send("Tab", "Tab")
        s.type("Eviction notice for December")
        s.send("Enter")
        #expect(s.waitFor("Status: Sent"), "\(s.capture())")
        #expect(s.waitFor("Sent to Hope Housing Collaborative."), "\(s.capture())")
        for (key, status) in [("v", "Received"), ("a", "Accepted"), ("i", "In service")] {
            s.send(key)
            #expect(s.waitFor("Status: \(status)"), "\(s.capture())")
        }
        s.send("c")
        #expect(s.waitFor("Outcome:"), "\(s.capture())")
        s.send("Enter")
        #expect(s.waitFor("Status: Closed (services received)"), "\(s.capture())")
        s.send("Escape", "Escape", "Escape", "Escape", "q")
        #expect(s.exitStatus() == 0, "\(s.capture())")
    }

    @Test("linkages referrals list --overdue --json and export: the worker's referrals, overdue ones marked, written 0600")
    func commandLine() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("demo.sqlite").path
        func linkages(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try ChildProcess.run(["env", "HOME=\(folder.path)", "LINKAGES_TODAY=\(Fixtures.today.iso)", TmuxSession.binaryPath,
                                  "--db", database] + arguments)
        }
        #expect(try linkages(["demo", "--seed-only"]).status == 0)
        let listed = try linkages(["referrals", "list", "--overdue", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: String]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["overdue"] == "yes" && $0["status"] != "closed" })
        let csv = folder.appendingPathComponent("referrals.csv").path
        #expect(try linkages(["referrals", "export", csv]).status == 0)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("referral_id,family,type,from,to,urgency,status,outcome,updated,due,overdue\r\n"))
        var info = stat()
        #expect(stat(csv, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}
