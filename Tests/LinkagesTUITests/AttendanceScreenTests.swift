import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// Recording who came to a team meeting, from the meetings screen.
@Suite("Who came to a team meeting, on screen")
struct AttendanceScreenTests {
    /// Sarah's meetings screen with one meeting held today, at the Central office.
    static func sarahsMeetingToday() throws -> ScreenDriver {
        var d = try PlanEditingTests().sarahsFamily()
        d.press(.char("p"), .char("w"))
        d.type("Keep my kids safe.")
        d.press(.enter, .char("m"), .char("n"), .ctrl("u"))
        d.type(Fixtures.today.usFormat)
        d.press(.tab, .tab)
        d.type("Central office")
        d.press(.enter)
        return d
    }

    @Test("each person came or not, with a guest: the meeting is held and the screen says whether CalWORKs was there")
    func recordWhoCame() throws {
        var d = try Self.sarahsMeetingToday()
        #expect(d.screen.contains("Who came is not recorded yet. Press a."), "\(d.screen)")
        d.press(.char("a"))
        let form = try #require(d.top(as: AttendanceScreen.self))
        Golden.check(d.screen, named: "meeting-attendance-80x24.txt")
        // Saving with answers missing names who is missing, and records nothing.
        d.press(.enter)
        #expect(d.screen.contains("Say whether each person came (c or d):"), "\(d.screen)")
        // Everyone came but the CalWORKs worker; Sarah's aunt came too.
        for invitee in form.invitees {
            d.type(invitee.program == .calworks ? "d" : "c")
            d.press(.tab)
        }
        d.type("Rosa Mitchell, aunt")
        d.press(.enter)
        #expect(d.screen.contains("Recorded who came."), "\(d.screen)")
        #expect(d.screen.contains("CalWORKs invited (Ana Ruiz) but not at the meeting."), "\(d.screen)")
        #expect(d.screen.contains("Rosa Mitchell: aunt · came"), "\(d.screen)")
        let meetings = try #require(d.top(as: MeetingsScreen.self))
        #expect(meetings.selected?.meeting.status == .held)
        // Corrected: she came after all.
        d.press(.char("a"))
        for invitee in try #require(d.top(as: AttendanceScreen.self)).invitees {
            if invitee.program == .calworks { d.type("c") }
            d.press(.tab)
        }
        d.press(.enter)
        #expect(d.screen.contains("CalWORKs at the meeting: Ana Ruiz came."), "\(d.screen)")
    }

    @Test("a meeting still to come cannot say who came yet, and the key says why")
    func notYet() throws {
        var d = try PlanEditingTests().sarahsFamily()
        d.press(.char("p"), .char("w"))
        d.type("Keep my kids safe.")
        d.press(.enter, .char("m"), .char("n"), .tab, .tab)
        d.type("Central office")
        d.press(.enter)
        d.press(.char("a"))
        #expect(d.top(as: AttendanceScreen.self) == nil)
        #expect(d.screen.contains("record who came on that day or after"), "\(d.screen)")
    }

    @Test("a list longer than the screen scrolls with the focus, and says where it is")
    func longList() {
        let invitees = (1...30).map { MeetingInvitee(id: Int64($0), meetingId: 1, name: "Person \($0)", role: "family member") }
        let meeting = TeamMeeting(id: 1, familyId: 1, date: Fixtures.today, place: "Central", scheduledBy: "mbell", scheduledAt: Fixtures.now)
        var screen = AttendanceScreen(familyId: 1, familyName: "Núñez-García, José", meeting: meeting, invitees: invitees)
        var grid = CellGrid(size: Size(width: 80, height: 24))
        let context = RenderContext(today: Fixtures.today, now: Fixtures.now)
        screen.render(into: &grid, area: Rect(row: 1, column: 0, width: 80, height: 21), context: context)
        #expect(grid.text.contains("Person 1 (family member)") && grid.text.contains("lines 1–"), "\(grid.text)")
        for _ in 0..<29 { _ = screen.perform(.nextFocus, viewport: Size(width: 80, height: 24)) }
        var scrolled = CellGrid(size: Size(width: 80, height: 24))
        screen.render(into: &scrolled, area: Rect(row: 1, column: 0, width: 80, height: 21), context: context)
        #expect(scrolled.text.contains("Person 30 (family member)") && !scrolled.text.contains("Person 1 (family member)"), "\(scrolled.text)")
    }
}
