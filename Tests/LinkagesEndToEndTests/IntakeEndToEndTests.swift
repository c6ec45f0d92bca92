import Foundation
import LinkagesTestSupport
import Testing

/// The ER intake typed into the real program in a terminal.
@Suite("ER intake in a terminal", .serialized)
struct IntakeEndToEndTests {
    @Test("Sarah's family from the workbook: the outcome panel, then saved to her records")
    func sarahsFamily() throws {
        let s = try TmuxSession(arguments: ["demo"])
        #expect(s.waitFor("What do you want to do?"))
        s.send("i")
        #expect(s.waitFor("ER referrals open now · 27"))
        s.send("n")
        #expect(s.waitFor("CWS/CMS referral number"), "\(s.capture())")
        s.play(SarahsIntake.referral)
        // Tab at the end of a section goes on to the next one.
        #expect(s.waitFor("Household composition"), "\(s.capture())")
        s.play(SarahsIntake.household)
        #expect(s.waitFor("Ctrl-O attach"), "the known records never showed:\n\(s.capture())")
        s.send("C-o")
        #expect(s.waitFor("Attach to a family Linkages knows"))
        s.send("Enter")
        #expect(s.waitFor("Attached to"), "\(s.capture())")
        s.play(SarahsIntake.financial + SarahsIntake.safety + SarahsIntake.icwa + SarahsIntake.protectiveFactors
               + SarahsIntake.familyVoice + [.key(.ctrl("s"))])
        #expect(s.waitFor("Linkages tier: Early intervention"), "\(s.capture())")
        #expect(s.waitFor("[ Finish: save to Mitchell, Sarah's records ]"), "\(s.capture())")
        for _ in 0..<16 { s.send("Down") }
        #expect(s.waitFor("Arrange child care so that Emma can go back to"), "\(s.capture())")
        s.send("Enter")
        #expect(s.waitFor("Please confirm"))
        s.send("y")
        #expect(s.waitFor("Intake saved to the family's records."), "\(s.capture())")
        #expect(s.waitFor("Mitchell, Sarah   Early intervention"), "\(s.capture())")
        // Page down to the intake's household; a reload of the family may come between keys.
        var pages = 0
        while !s.waitFor("Linkages intake", timeout: 2) && pages < 6 {
            s.send("PageDown")
            pages += 1
        }
        #expect(s.waitFor("Linkages intake"), "\(s.capture())")
        s.send("q", "q", "q")
        #expect(s.exitStatus() == 0)
    }

    @Test("SIGKILL or SIGHUP in the middle of the form loses nothing that was on screen", arguments: [
        ("KILL", Int32(137)), ("HUP", Int32(129)),
    ])
    func killedMidForm(signal: String, status: Int32) throws {
        let s = try TmuxSession(arguments: ["demo"])
        #expect(s.waitFor("What do you want to do?"))
        s.send("i", "n")
        #expect(s.waitFor("CWS/CMS referral number"))
        s.send("PageDown")
        s.play([.text("José"), .key(.tab), .text("Núñez-García"), .key(.tab), .text("02/30")])
        #expect(s.waitFor("02/30"), "\(s.capture())")
        // A resize in the middle of a field keeps what was typed and where the cursor was.
        s.resize(width: 120, height: 40)
        #expect(s.waitUntil { $0.contains("02/30") && ($0.split(separator: "\n").first?.count ?? 0) > 100 }, "\(s.capture())")
        s.type("/19")
        s.resize(width: 80, height: 24)
        #expect(s.waitFor("02/30/19"), "\(s.capture())")
        let pid = try #require(s.programPID)
        try ChildProcess.run(["kill", "-\(signal)", String(pid)])
        #expect(s.exitStatus() == status)

        // The same database, opened again: the draft is offered and comes back exactly.
        let again = try TmuxSession(arguments: ["--db", s.folder.appendingPathComponent("data/linkages/demo.sqlite").path],
                                    environment: ["HOME": s.folder.path])
        #expect(again.waitFor("Unfinished intake"), "\(again.capture())")
        #expect(again.capture().contains("Núñez-García, José"))
        again.send("Enter")
        #expect(again.waitFor("Household composition"), "\(again.capture())")
        let screen = again.capture()
        #expect(screen.contains("José        Núñez-García"), "\(screen)")
        #expect(screen.contains("02/30/19"))
        #expect(screen.contains("! '02/30/19' is not a date; write it as MM/DD/YYYY."))
        again.type("94")
        #expect(again.waitFor("02/30/1994"), "the cursor did not come back to the end of the field:\n\(again.capture())")
        #expect(again.waitFor("! February 1994 has no day 30."))
        again.send("Escape", "q")
        #expect(again.exitStatus() == 0)
    }
}
