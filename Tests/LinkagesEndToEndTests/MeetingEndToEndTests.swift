import Foundation
import LinkagesTestSupport
import Testing

/// A Child and Family Team meeting scheduled and recorded through the real screens, in tmux.
@Suite("Team meetings in a terminal", .serialized)
struct MeetingEndToEndTests {
    @Test("José's first CFT meeting is overdue; the worker schedules it with both programs invited and its decision starts the plan",
          arguments: [(80, 24), (132, 43)])
    func josesMeeting(width: Int, height: Int) throws {
        let s = try TmuxSession(arguments: ["demo"], width: width, height: height)
        #expect(s.waitFor("What do you want to do?"), "\(s.capture())")
        s.send("l")
        s.type("jose nunez")
        try #require(s.waitFor("Núñez-García, José"), "\(s.capture())")
        for _ in 0..<6 where !s.waitFor("Linkages ▸ Núñez-García, José", timeout: 1.5) {
            s.send("Enter")
        }
        s.send("p")
        try #require(s.waitFor("This family has no joint case plan yet"), "\(s.capture())")
        s.send("m")
        #expect(s.waitFor("First meeting due 11/08/2026"), "\(s.capture())")
        try #require(s.waitFor("OVERDUE"), "\(s.capture())")

        s.send("n")
        try #require(s.waitFor("CalWORKs worker, invited"), "\(s.capture())")
        // The overdue meeting is held today, so that its decision can be recorded now.
        s.send("C-u")
        s.type("11/23/2026")
        s.send("Tab", "Tab")
        s.type("Sanger family resource center")
        s.send("Enter")
        #expect(s.waitFor("Scheduled the meeting for 11/23/2026 10:00 at Sanger family resource center."), "\(s.capture())")
        #expect(s.waitFor("David Kim: CalWORKs worker, invited by default"), "\(s.capture())")

        s.send("d")
        try #require(s.waitFor("Make it a plan task"), "\(s.capture())")
        s.type("José keeps Welfare-to-Work services")
        s.send("Tab", "Tab")
        s.type("c")
        s.send("Tab")
        s.type("w")
        s.send("Tab")
        s.type("12/15/2026")
        s.send("Enter")
        #expect(s.waitFor("Recorded the decision and added it to the plan."), "\(s.capture())")
        #expect(s.waitFor("held"), "\(s.capture())")

        s.send("Escape")
        #expect(s.waitFor("Goals: not written yet"), "\(s.capture())")
        #expect(s.waitFor("José keeps Welfare-to-Work services"), "\(s.capture())")
        #expect(s.waitFor("Lead worker: Marcus Bell"), "\(s.capture())")
        for _ in 0..<4 where !s.waitFor("What do you want to do?", timeout: 1) {
            s.send("Escape")
        }
        s.send("q")
        #expect(s.exitStatus() == 0, "\(s.capture())")
    }
}
