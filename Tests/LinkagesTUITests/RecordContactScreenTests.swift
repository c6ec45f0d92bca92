import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// Recording the in-person contact after an ER intake, from the family page and the ER list.
@Suite("Recording the in-person contact")
struct RecordContactScreenTests {
    /// Sarah's intake with an immediate response received today at 08:15 and no contact yet,
    /// finished: the driver is left on her family page.
    static func finishedImmediateIntake() throws -> ScreenDriver {
        var d = ScreenDriver(database: try Fixtures.demoDatabase())
        d.press(.char("i"), .char("n"))
        let tab = SarahsIntake.Step.key(.tab)
        d.play([.text("R-2611-0321"), tab, .key(.ctrl("u")), .text(Fixtures.today.usFormat), tab, .text("08:15"), tab,
                .text("i"), tab, tab, tab] + SarahsIntake.household)
        d.press(.ctrl("o"), .enter)
        d.play(SarahsIntake.financial + SarahsIntake.safety + SarahsIntake.icwa + SarahsIntake.protectiveFactors
               + SarahsIntake.familyVoice + [.key(.ctrl("s"))])
        for _ in 0..<16 { d.press(.down) }
        d.press(.enter, .char("y"))
        return d
    }

    @Test("an attempt, then the visit that sees the family: the clock says so, and a second visit is refused with why")
    func attemptThenSeen() throws {
        var d = try Self.finishedImmediateIntake()
        #expect(d.screen.contains("Mitchell, Sarah"), "\(d.screen)")
        d.press(.char("v"))
        Golden.check(d.screen, named: "record-contact-80x24.txt")
        // 09:00, attempted.
        d.press(.tab, .ctrl("u"))
        d.play([.text("09:00"), .key(.tab), .text("a")])
        d.press(.enter)
        #expect(d.screen.contains("Recorded the attempt \(Fixtures.today.usFormat) 09:00"), "\(d.screen)")
        d.press(.char("v"))
        d.press(.tab, .ctrl("u"))
        d.play([.text("9:40")])
        d.press(.enter)
        #expect(d.screen.contains("Recorded: family seen \(Fixtures.today.usFormat) 09:40."), "\(d.screen)")
        var pages = 0
        while !d.screen.contains("In-person response (immediate): met:") && pages < 8 {
            d.press(.pageDown)
            pages += 1
        }
        #expect(d.screen.contains("met: first contact \(Fixtures.today.usFormat) 09:00,"), "\(d.screen)")
        #expect(d.screen.contains("attempted, family not seen; seen \(Fixtures.today.usFormat) 09:40"), "\(d.screen)")
        // The family was seen: the key says why it does nothing now.
        d.press(.char("v"))
        #expect(d.screen.contains("The family was seen on \(Fixtures.today.usFormat) 09:40"), "\(d.screen)")
        // The ER list shows the response met.
        d.press(.escape, .escape, .char("i"))
        d.play([.text("/"), .text("mitchell")])
        let row = d.screen.split(separator: "\n").first { $0.contains("Mitchell, Sarah") }
        #expect(row?.hasSuffix(" met") == true, "\(d.screen)")
    }

    @Test("a time that is not one is explained on the form, and nothing is recorded")
    func badTime() throws {
        var d = try Self.finishedImmediateIntake()
        d.press(.char("v"), .tab, .ctrl("u"))
        d.play([.text("25:99")])
        d.press(.enter)
        #expect(d.screen.contains("Write the time like 14:30 or 2:30pm, or leave it empty."), "\(d.screen)")
        #expect(d.screen.contains("In-person contact: Mitchell, Sarah"))
    }
}
