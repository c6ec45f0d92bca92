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
        s.send("Tab", "Tab")
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
}
