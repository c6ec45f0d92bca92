import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// Who came to a Child and Family Team meeting: recorded once it is held, by a worker who may
/// plan for the family, one list at a time when two workers record it at once, and counted in
/// the outcomes report as "was CalWORKs at the CFT?".
@Suite("Who came to a team meeting")
struct MeetingAttendanceTests {
    let now = Fixtures.now

    func policy(_ database: AppDatabase, as name: String, account: String) throws -> AccessPolicy {
        AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: false, today: Fixtures.today)
    }

    func sarah(_ database: AppDatabase) throws -> Int64 {
        try #require(try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = 'Mitchell, Sarah'") })
    }

    /// A meeting for Sarah's family on `date` with the invitees Linkages proposes, scheduled by Marcus.
    func meeting(_ database: AppDatabase, on date: CalendarDate = Fixtures.today) throws -> (TeamMeeting, [MeetingInvitee], AccessPolicy) {
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let family = try sarah(database)
        let invitees = try database.defaultInvitees(familyId: family, for: marcus)
        let meeting = try database.scheduleMeeting(TeamMeeting(familyId: family, date: date, place: "Central", scheduledBy: "", scheduledAt: now),
                                                   invitees: invitees, for: marcus, at: now)
        return (meeting, try stored(meeting, in: database).invitees, marcus)
    }

    func stored(_ meeting: TeamMeeting, in database: AppDatabase) throws -> MeetingRecord {
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let detail = try #require(try database.familyDetail(id: meeting.familyId, for: marcus, at: now))
        return try #require(detail.meetings.first { $0.meeting.id == meeting.id })
    }

    @Test("who came is recorded with the guests no one invited; the meeting is held; CalWORKs presence is answered; the audit counts, never names")
    func recorded() throws {
        let database = try Fixtures.demoDatabase()
        let (meeting, invitees, marcus) = try meeting(database)
        let calworks = try #require(invitees.first { $0.program == .calworks }, "Sarah's CalWORKs worker is invited by default")
        #expect(CalWORKsPresence.of(invitees) == .notRecorded)
        var came = Dictionary(uniqueKeysWithValues: invitees.map { ($0.id!, true) })
        came[calworks.id!] = false
        try database.recordAttendance(meetingId: meeting.id!, came: came, alsoCame: MeetingInvitee.others("Rosa Vang, aunt"), seen: meeting,
                                      for: marcus, at: now)
        let absent = try stored(meeting, in: database)
        #expect(absent.meeting.status == .held)
        #expect(absent.invitees.count == invitees.count + 1)
        #expect(absent.invitees.last?.name == "Rosa Vang" && absent.invitees.last?.attended == true)
        #expect(CalWORKsPresence.of(absent.invitees) == .absent([calworks.name]))
        #expect(CalWORKsPresence.of(absent.invitees).sentence == "CalWORKs invited (\(calworks.name)) but not at the meeting.")
        // Corrected by the same worker, who reads the list again first.
        came[calworks.id!] = true
        try database.recordAttendance(meetingId: meeting.id!, came: came, alsoCame: [], seen: absent.meeting, for: marcus, at: now)
        let present = try stored(meeting, in: database)
        #expect(CalWORKsPresence.of(present.invitees) == .present([calworks.name]))
        let audit = try database.auditEvents(familyId: meeting.familyId).filter { $0.detail?.contains("attendance") == true }
        #expect(audit.map { $0.detail ?? "" } == ["meeting \(meeting.id!) attendance: \(invitees.count + 1) of \(invitees.count + 1) came",
                                        "meeting \(meeting.id!) attendance: \(invitees.count) of \(invitees.count + 1) came"])
        #expect(!audit.contains { ($0.detail ?? "").contains("Rosa") || ($0.detail ?? "").contains(calworks.name) })
    }

    @Test("no CalWORKs worker on the list is said so; without anyone's answer it is not recorded yet")
    func presenceBranches() {
        let family = MeetingInvitee(name: "Sarah Mitchell", role: "parent", attended: true)
        let worker = MeetingInvitee(workerId: 1, name: "Ana Ruiz", role: "CalWORKs worker, invited by default", program: .calworks)
        #expect(CalWORKsPresence.of([family]) == .notInvited)
        #expect(CalWORKsPresence.of([family, worker]) == .notRecorded)
        var came = worker
        came.attended = true
        #expect(CalWORKsPresence.of([family, came]).sentence == "CalWORKs at the meeting: Ana Ruiz came.")
        let defaults = MeetingInvitee.defaults(familyName: "The family", assigned: [
            (Worker(id: 1, account: "aruiz", name: "Ana Ruiz", program: .calworks, office: "Central", role: .caseworker), .calworks),
            (Worker(id: 2, account: "mbell", name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker), .childWelfare),
        ])
        #expect(defaults.map(\.program) == [nil, .childWelfare, .calworks])
    }

    @Test("a meeting still to come, a cancelled one, and an administrator, who may not plan for families, are refused")
    func refused() throws {
        let database = try Fixtures.demoDatabase()
        let (later, laterInvitees, marcus) = try meeting(database, on: Fixtures.today.adding(days: 3))
        let all = Dictionary(uniqueKeysWithValues: laterInvitees.map { ($0.id!, true) })
        #expect(throws: WorkRefusal("the meeting is on \(later.date.usFormat): record who came on that day or after")) {
            try database.recordAttendance(meetingId: later.id!, came: all, alsoCame: [], seen: later, for: marcus, at: now)
        }
        let (today, invitees, _) = try meeting(database)
        try database.setMeetingStatus(.cancelled, meetingId: today.id!, for: marcus, at: now)
        #expect(throws: WorkRefusal("the meeting was cancelled: no one came to it")) {
            try database.recordAttendance(meetingId: today.id!, came: [invitees[0].id!: true], alsoCame: [], seen: nil, for: marcus, at: now)
        }
        let stranger = AccessPolicy(viewer: Worker(id: 1, account: "root", name: "Admin", program: .calworks, office: "County", role: .admin),
                                    isPracticeData: false, today: Fixtures.today)
        let (held, heldInvitees, _) = try meeting(database)
        #expect(throws: WorkRefusal.self) {
            try database.recordAttendance(meetingId: held.id!, came: [heldInvitees[0].id!: true], alsoCame: [], seen: held, for: stranger, at: now)
        }
        #expect(try stored(held, in: database).invitees.allSatisfy { $0.attended == nil })
    }

    @Test("two workers recording who came at once, each from their own connection: one list is saved, the other worker is told to read it")
    func twoWorkersAtOnce() throws {
        let location = DatabaseLocation(path: try Fixtures.temporaryFolder().appendingPathComponent("demo.sqlite").path, isDefault: false)
        let database = try DemoDatabase.build(at: location, on: Fixtures.today)
        let other = try AppDatabase.open(location)
        let ana = try policy(other, as: "Ana Ruiz", account: "aruiz")
        for round in 0..<10 {
            let (meeting, invitees, marcus) = try meeting(database)
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                // Marcus says everyone came; Ana that she did not.
                let came = Dictionary(uniqueKeysWithValues: invitees.map { ($0.id!, index == 0 || $0.program != .calworks) })
                do {
                    try (index == 0 ? database : other).recordAttendance(
                        meetingId: meeting.id!, came: came, alsoCame: [], seen: meeting, for: index == 0 ? marcus : ana, at: now)
                    outcomes.add(index == 0 ? "marcus" : "ana")
                } catch is StaleRecord {
                    outcomes.add("told")
                } catch {
                    outcomes.add("\(error)")
                }
            }
            let results = outcomes.all
            #expect(results.contains("told") && results.count == 2, "round \(round): \(results)")
            let saved = try stored(meeting, in: database)
            let expected: CalWORKsPresence = results.contains("marcus")
                ? .present(invitees.filter { $0.program == .calworks }.map(\.name))
                : .absent(invitees.filter { $0.program == .calworks }.map(\.name))
            #expect(CalWORKsPresence.of(saved.invitees) == expected, "round \(round): the saved list is the one whose save went through")
            #expect(saved.meeting.version == meeting.version + 1)
        }
    }

    @Test("the outcomes report counts the plan's family under 'with a CalWORKs worker present' once she is recorded as there")
    func outcome() throws {
        let database = try Fixtures.demoDatabase()
        let owens = AccessPolicy(viewer: try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: now),
                                 isPracticeData: true, today: Fixtures.today)
        let (meeting, invitees, marcus) = try meeting(database)
        try database.savePlan(familyId: meeting.familyId, goals: "Keep my kids safe.", leadWorkerId: nil, for: marcus, at: now)
        func figures() throws -> (held: Figure?, present: Figure?) {
            let result = try database.outcomeReport(period: .yearEnding(Fixtures.today), breakdown: nil, for: owens, at: now)
                .result(.plansWithTeamMeeting)
            return (result?.overall, result?.categories.first { $0.label == "With a CalWORKs worker present" }?.figure)
        }
        let before = try figures()
        let came = Dictionary(uniqueKeysWithValues: invitees.map { ($0.id!, true) })
        try database.recordAttendance(meetingId: meeting.id!, came: came, alsoCame: [], seen: meeting, for: marcus, at: now)
        let after = try figures()
        guard case .rate(let heldBefore, let plans)? = before.held, case .rate(let heldAfter, let plansAfter)? = after.held,
              case .rate(let presentBefore, _)? = before.present, case .rate(let presentAfter, let presentPlans)? = after.present
        else { Issue.record("both are rates: \(before), \(after)"); return }
        #expect(plansAfter == plans && presentPlans == plansAfter)
        #expect(heldAfter == heldBefore + 1 && presentAfter == presentBefore + 1)
        #expect(presentAfter <= heldAfter, "a meeting with CalWORKs present is a meeting held")
    }
}
