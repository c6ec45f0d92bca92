import Foundation
import LinkagesDomain
import Testing

@Suite("Child and Family Team meetings")
struct TeamMeetingTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!
    static func reunification(since start: String, status: InvolvementStatus = .open) -> Involvement {
        Involvement(householdId: 1, component: .familyReunification, status: status, startDate: CalendarDate(start))
    }

    @Test("the first meeting is due 60 days after placement, 30 in an ICWA case; the recorded removal date wins; none without placement")
    func deadline() {
        let open = [Self.reunification(since: "2026-10-01")]
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: nil, icwa: false, on: Self.today)?.due == CalendarDate("2026-11-30"))
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: nil, icwa: true, on: Self.today)?.due == CalendarDate("2026-10-31"))
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: CalendarDate("2026-11-01"), icwa: false, on: Self.today)?.due
            == CalendarDate("2026-12-31"))
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: nil, icwa: false, on: Self.today)?.rule
            == "first meeting within 60 days of placement (10/01/2026)")
        #expect(TeamMeetingDeadline.of(involvements: [Self.reunification(since: "2026-10-01", status: .closed)], removedOn: nil, icwa: false,
                                       on: Self.today) == nil)
    }

    @Test("a dispositional hearing set before the placement deadline brings the first meeting forward to the day before it; a later one does not")
    func hearing() {
        let open = [Self.reunification(since: "2026-10-01")]
        let early = TeamMeetingDeadline.of(involvements: open, removedOn: nil, dispositionalHearing: CalendarDate("2026-11-10"), icwa: false,
                                           on: Self.today)
        #expect(early?.due == CalendarDate("2026-11-09") && early?.rule == "first meeting before the dispositional hearing on 11/10/2026 (10/01/2026)")
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: nil, dispositionalHearing: CalendarDate("2026-12-15"), icwa: false,
                                       on: Self.today)?.due == CalendarDate("2026-11-30"))
        #expect(TeamMeetingDeadline.of(involvements: open, removedOn: nil, dispositionalHearing: CalendarDate("2026-11-10"), icwa: true,
                                       on: Self.today)?.due == CalendarDate("2026-10-31"), "ICWA's 30 days come first")
    }

    @Test("the deadline is met by a meeting held or scheduled on or before it, not by a cancelled or a later one")
    func deadlineMet() throws {
        let deadline = try #require(TeamMeetingDeadline.of(involvements: [Self.reunification(since: "2026-10-01")], removedOn: nil,
                                                           icwa: false, on: Self.today))
        func meeting(_ date: String, _ status: MeetingStatus) -> TeamMeeting {
            TeamMeeting(familyId: 1, date: CalendarDate(date)!, place: "", status: status, scheduledBy: "ana", scheduledAt: Date())
        }
        #expect(deadline.metBy([meeting("2026-12-01", .scheduled), meeting("2026-11-20", .cancelled)]) == nil)
        #expect(deadline.metBy([meeting("2026-12-01", .held), meeting("2026-11-30", .scheduled)])?.date == CalendarDate("2026-11-30"))
        #expect(deadline.metBy([]) == nil)
        // A meeting held after the due date does not meet it, but the family no longer waits.
        let late = [meeting("2026-12-09", .held), meeting("2026-12-05", .cancelled)]
        #expect(deadline.metBy(late) == nil && deadline.heldLate(late)?.date == CalendarDate("2026-12-09"))
        #expect(!deadline.stillAwaited(late))
        #expect(deadline.stillAwaited([meeting("2026-12-09", .scheduled)]), "scheduled late is still awaited until held")
        #expect(!deadline.stillAwaited([meeting("2026-11-30", .scheduled)]))
    }

    @Test("the default invitees: the family first, Child Welfare's worker, then the CalWORKs worker by default, each once")
    func invitees() {
        let ana = Worker(id: 1, name: "Ana Ruiz", program: .calworks, office: "Central", role: .caseworker)
        let marcus = Worker(id: 2, name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker)
        let list = MeetingInvitee.defaults(familyName: "The family", assigned: [(ana, .calworks), (marcus, .childWelfare), (ana, .calworks)])
        #expect(list.map(\.name) == ["The family", "Marcus Bell", "Ana Ruiz"])
        #expect(list.last?.role == "CalWORKs worker, invited by default")
    }

    @Test("with the family's members known, each is invited in the role ACL 22-35 names, once, then the supports they choose")
    func membersInvited() {
        let marcus = Worker(id: 2, name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker)
        let list = MeetingInvitee.defaults(
            familyName: "The family",
            members: [("Sarah Mitchell", .parent), ("Emma Mitchell", .child), ("Rosa Vang", .caretaker), ("sarah mitchell", .parent),
                      ("Tío Beto", nil)],
            assigned: [(marcus, .childWelfare)])
        #expect(list.map(\.name) == ["Sarah Mitchell", "Emma Mitchell", "Rosa Vang", "Tío Beto", "Supports the family chooses", "Marcus Bell"])
        #expect(list.map(\.role) == ["parent", "child or youth", "caregiver", "family member", "formal and informal supports",
                                     "Child Welfare worker"])
    }

    @Test("others invited are typed as 'name, role' separated by semicolons; a missing role reads 'invited', blanks are skipped")
    func othersInvited() {
        let others = MeetingInvitee.others(" Rosa Vang, aunt ; Pastor Lee;; , nobody; Dr. Ortiz, pediatrician, Valley clinic")
        #expect(others.map(\.name) == ["Rosa Vang", "Pastor Lee", "Dr. Ortiz"])
        #expect(others.map(\.role) == ["aunt", "invited", "pediatrician, Valley clinic"])
        #expect(MeetingInvitee.others("  ").isEmpty)
    }
}
