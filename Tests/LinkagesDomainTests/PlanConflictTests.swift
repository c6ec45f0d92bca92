import LinkagesDomain
import Testing

@Suite("Clashes in a joint case plan")
struct PlanConflictTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!  // a Tuesday

    static func task(
        _ id: Int64, _ title: String, _ kind: TaskKind, owner: TaskOwner = .family, due: String? = nil, at hours: String? = nil,
        status: TaskStatus = .notStarted, after: Int64? = nil
    ) -> PlanTask {
        PlanTask(id: id, planId: 1, title: title, kind: kind, owner: owner, dueDate: due.flatMap { CalendarDate($0) }, status: status,
                 time: hours.flatMap { try? TaskTime.parse($0).get() }, afterTaskId: after)
    }

    let jobClub = task(1, "Job club", .welfareToWorkActivity, owner: .calworks, at: "Mon,Wed,Fri 9:00-12:00")

    @Test("Welfare-to-Work hours on a weekly visit: named as such, the Welfare-to-Work side asked to move")
    func welfareToWorkAgainstVisit() {
        let visit = Self.task(2, "Supervised visit", .visit, owner: .childWelfare, at: "Wed 11:30-12:30")
        let found = PlanConflicts.find(in: [visit, jobClub], today: Self.today)
        #expect(found.map(\.kind) == [.welfareToWorkVersusChildWelfare])
        #expect(found.first?.taskIds == [1, 2])
        #expect(found.first?.explanation == "“Job club” (Mon,Wed,Fri 9:00-12:00) falls on “Supervised visit” (Wed 11:30-12:30) on Wed. "
            + "Move the Welfare-to-Work hours: the visit cannot move.")
    }

    @Test("hours that touch end to end do not clash; one minute of overlap does")
    func touchingHours() {
        let after = Self.task(2, "Parenting class", .caseRequirement, at: "Mon 12:00-13:00")
        let overlapping = Self.task(3, "Therapy", .service, at: "Fri 11:59-13:00")
        let found = PlanConflicts.find(in: [jobClub, after, overlapping], today: Self.today)
        #expect(found.map(\.taskIds) == [[1, 3]])
        #expect(found.first?.kind == .overlappingTimes)
    }

    @Test("an appointment clashes with weekly hours only on their weekday, only while the weekly task runs, never in the past")
    func appointments() {
        let wednesday = Self.task(2, "Court hearing", .caseRequirement, at: "11/25/2026 10:00-11:00")
        let thursday = Self.task(3, "Dentist", .other, at: "11/26/2026 10:00-11:00")
        let past = Self.task(4, "Old hearing", .caseRequirement, at: "11/23/2026 10:00-11:00")
        #expect(PlanConflicts.find(in: [jobClub, wednesday, thursday, past], today: Self.today).map(\.taskIds) == [[1, 2]])
        var ended = jobClub
        ended.dueDate = CalendarDate(year: 2026, month: 11, day: 24)
        #expect(PlanConflicts.find(in: [ended, wednesday], today: Self.today).isEmpty)
        let sameDay = Self.task(5, "Intake appointment", .other, at: "11/25/2026 10:30-11:30")
        #expect(PlanConflicts.find(in: [wednesday, sameDay], today: Self.today).map(\.kind) == [.overlappingTimes])
    }

    @Test("finished and cancelled tasks clash with nothing")
    func closedTasks() {
        let visit = Self.task(2, "Supervised visit", .visit, at: "Wed 10:00-11:00", status: .done)
        #expect(PlanConflicts.find(in: [jobClub, visit], today: Self.today).isEmpty)
    }

    @Test("a task due before the task it waits for, or waiting for a cancelled one, cannot be met")
    func deadlines() {
        let childCare = Self.task(1, "Child care approved", .supportiveService, due: "12/15/2026")
        let training = Self.task(2, "Start job training", .welfareToWorkActivity, due: "12/01/2026", after: 1)
        let found = PlanConflicts.find(in: [childCare, training], today: Self.today)
        #expect(found.map(\.kind) == [.deadlines])
        #expect(found.first?.explanation == "“Start job training” is due 12/01/2026, but it waits for “Child care approved”, due 12/15/2026.")
        var done = childCare
        done.status = .done
        #expect(PlanConflicts.find(in: [done, training], today: Self.today).isEmpty)
        var cancelled = childCare
        cancelled.status = .cancelled
        #expect(PlanConflicts.find(in: [cancelled, training], today: Self.today).map(\.explanation)
            == ["“Start job training” waits for “Child care approved”, which was cancelled."])
    }

    @Test("an appointment set after the task's own due date is flagged")
    func appointmentAfterDue() {
        let late = Self.task(1, "Assessment", .other, due: "12/01/2026", at: "12/02/2026 9:00-10:00")
        #expect(PlanConflicts.find(in: [late], today: Self.today).map(\.kind) == [.appointmentAfterDue])
    }

    @Test("clashes come Welfare-to-Work first, then overlaps, then deadlines")
    func order() {
        let visit = Self.task(2, "Visit", .visit, at: "Mon 9:00-10:00")
        let other = Self.task(3, "Class", .service, at: "Mon 9:30-10:30")
        let childCare = Self.task(4, "Child care", .supportiveService, due: "12/15/2026")
        let training = Self.task(5, "Training", .other, due: "12/01/2026", after: 4)
        #expect(PlanConflicts.find(in: [training, childCare, other, visit, jobClub], today: Self.today).map(\.kind)
            == [.welfareToWorkVersusChildWelfare, .overlappingTimes, .overlappingTimes, .deadlines])
    }
}
