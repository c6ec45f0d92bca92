import Foundation
import LinkagesDomain
import LinkagesStore

/// The demo county's past year, so that the outcomes dashboard has a story to tell: referrals
/// sent and closed, families found to be known to both programs, team meetings held, joint
/// staffings, and reunification cases that ended (children home, a permanent plan, a few back
/// within the year). The county gets better at Linkages as the year goes on: fewer referrals
/// declined, first contact sooner, more plans with a meeting held, more families staffed.
///
/// It draws from a random stream of its own, so the families and today's work stay as they were.
struct DemoHistory {
    var staff: StaffDirectory
    var today: CalendarDate
    var random: SeededGenerator

    /// How far through the year `day` is: 0 a year ago or earlier, 1 today.
    func progress(_ day: CalendarDate) -> Double {
        Self.progress(day, today: today)
    }

    static func progress(_ day: CalendarDate, today: CalendarDate) -> Double {
        min(1, max(0, 1 - Double(day.days(until: today)) / 365))
    }

    // MARK: Referrals

    /// Referrals sent two to twelve months ago, each followed to its end.
    mutating func pastReferrals(for family: SyntheticFamily, familyId: Int64) -> [(Referral, [ReferralEvent])] {
        guard !family.concerns.isEmpty, random.chance(0.85) else { return [] }
        let concerns = Array(family.concerns.shuffled(using: &random).prefix(random.int(1...3)))
        var outcomes: [ReferralOutcome?] = []
        let today = today
        let made = DemoActivity.referrals(for: family, familyId: familyId, concerns: concerns, staff: staff, daysAgo: 61...365,
                                          today: today, random: &random) { created, sender, random in
            let (events, outcome) = Self.finishedTimeline(from: created, sender: sender, today: today, random: &random)
            outcomes.append(outcome)
            return events
        }
        return zip(made, outcomes).map { made, outcome in
            var referral = made.0
            referral.outcome = outcome
            return (referral, made.1)
        }
    }

    /// A referral's life: declined and closed, or accepted and closed with an outcome, unless
    /// today came first. Later in the year fewer are declined and the family is reached sooner.
    static func finishedTimeline(
        from created: CalendarDate, sender: Worker, today: CalendarDate, random: inout SeededGenerator
    ) -> ([ReferralEvent], ReferralOutcome?) {
        let progress = progress(created, today: today)
        var events: [ReferralEvent] = []
        var day = created
        func step(_ status: ReferralStatus, after days: ClosedRange<Int>, note: String? = nil) {
            day = day.adding(days: random.int(days))
            guard day < today else { return }
            events.append(ReferralEvent(referralId: 0, status: status, at: day.instant(hour: 9 + events.count), workerId: sender.id,
                                        note: note))
        }
        step(.draft, after: 0...0)
        step(.sent, after: 0...0)
        step(.received, after: 1...3)
        if random.chance(0.3 - 0.22 * progress) {
            step(.declined, after: 1...4, note: "Not eligible for this service; suggest another provider.")
            // The sender closes a declined referral the family cannot use.
            step(.closed, after: 1...5, note: "Closed after the provider declined: not eligible.")
            return (events, events.last?.status == .closed ? .notEligible : nil)
        }
        step(.accepted, after: 1...max(2, Int(7 - 4 * progress)))
        let outcome: ReferralOutcome
        if random.chance(0.2 - 0.14 * progress) {
            outcome = random.chance(0.6) ? .unableToContact : .familyDeclined
            step(.closed, after: 7...21, note: outcome == .unableToContact ? "Three calls and a letter, no answer." : "The family said no for now.")
        } else {
            outcome = .servicesReceived
            step(.inService, after: 1...max(2, Int(16 - 12 * progress)))
            step(.closed, after: 7...max(8, Int(40 - 25 * progress)), note: "Family engaged and services completed.")
        }
        return (events, events.last?.status == .closed ? outcome : nil)
    }

    // MARK: Mutual families

    /// When and how the county found a family known to both programs: at first by the batch
    /// cross-reference run when Linkages started, then more and more at ER intake.
    mutating func identification(of family: NewFamily) -> (CalendarDate, IdentificationMethod)? {
        guard let since = Self.mutualSince(family) else { return nil }
        let day = min(since.adding(days: random.int(0...21)), today.adding(days: -1))
        guard day.days(until: today) <= 330 else { return (day, .batchMatch) }
        let roll = Double(random.int(0...99)) / 100
        let intakeShare = 0.15 + 0.35 * progress(day)
        let method: IdentificationMethod = roll < intakeShare ? .intake : (roll < intakeShare + 0.35 ? .lookup : .batchMatch)
        return (day, method)
    }

    /// The first day both a CalWORKs record and a Child Welfare one were open, if ever.
    static func mutualSince(_ family: NewFamily) -> CalendarDate? {
        func firstStart(_ source: RecordSource) -> CalendarDate? {
            family.households.filter { $0.source == source }.flatMap(\.involvements).compactMap(\.startDate).min()
        }
        guard let calworks = firstStart(.calworks), let childWelfare = firstStart(.childWelfare) else { return nil }
        return max(calworks, childWelfare)
    }

    /// Whether both programs had the family open on `day`.
    static func isMutual(_ family: NewFamily, on day: CalendarDate) -> Bool {
        func open(_ source: RecordSource) -> Bool {
            family.households.filter { $0.source == source }.flatMap(\.involvements).contains { involvement in
                guard let start = involvement.startDate, start <= day else { return false }
                if let end = involvement.endDate { return end >= day }
                return involvement.status != .closed
            }
        }
        return open(.calworks) && open(.childWelfare)
    }

    // MARK: Meetings and staffings

    /// The first Child and Family Team meeting of a plan begun on `started`, if it has been
    /// held: more often as the year goes on.
    mutating func heldMeeting(familyId: Int64, familyName: String, started: CalendarDate, lead: Worker?) -> TeamMeeting? {
        guard random.chance(0.3 + 0.5 * progress(started)) else { return nil }
        let date = min(started.adding(days: random.int(0...14)), today.adding(days: -1))
        return TeamMeeting(familyId: familyId, date: date, time: ClockTime(hour: random.pick([9, 10, 14]), minute: 0),
                           place: random.pick(Self.meetingPlaces), status: .held,
                           scheduledBy: lead?.account ?? "demo", scheduledAt: started.instant(hour: 11))
    }

    static let meetingPlaces = ["Central office, room 2", "Family resource center", "The family's home", "South office"]

    /// The joint staffings a supervisor held for one mutual family over the year: a family known
    /// to both programs on a month's staffing day may be reviewed, more often as the year goes on.
    mutating func staffings(of family: NewFamily, familyId: Int64, supervisor: Worker) -> [PastStaffing] {
        var records: [PastStaffing] = []
        for monthsAgo in (0...11).reversed() {
            let day = Self.staffingDay(today.adding(months: -monthsAgo).startOfMonth)
            guard day < today, Self.isMutual(family, on: day), random.chance(0.06 + 0.12 * progress(day)) else { continue }
            records.append(PastStaffing(familyId: familyId, reviewedAt: day.instant(hour: 14), reviewedBy: supervisor.account ?? "demo",
                                        minutes: random.pick(Self.minutes)))
        }
        return records
    }

    /// The second Tuesday of the month, when the demo county staffs.
    static func staffingDay(_ first: CalendarDate) -> CalendarDate {
        first.adding(days: (9 - first.isoWeekday) % 7 + 7)
    }

    static let minutes = [
        "Both workers agree: keep the WTW hours around the visit schedule; CalWORKs to approve child care.",
        "Housing referral stalled; liaison to call the provider this week. Revisit next month.",
        "Family doing well; plan tasks on track. No change.",
        "CFT meeting to be scheduled before the court review; invite the CalWORKs worker.",
    ]

    // MARK: Reunification cases

    /// Makes a Family Reunification case that began a year or more ago into one with a history:
    /// the removal, the plan amended to recommend cash aid, and how it ended.
    mutating func reunificationHistory(_ family: inout SyntheticFamily) -> ReunificationHistory {
        let removed = today.adding(days: -random.int(300...540))
        let amended = removed.adding(days: random.int(5...30))
        let roll = random.int(0...99)
        let ending: ReunificationHistory.Ending = roll < 60 ? .reunified : (roll < 80 ? .permanency : .stillOpen)
        let closed = min(removed.adding(days: random.int(120...270)), today.adding(days: -30))
        let maintenanceEnds = closed.adding(days: random.int(60...150))
        let reentry = ending == .reunified && random.chance(0.25) ? maintenanceEnds.adding(days: random.int(20...150)) : nil
        for index in family.new.households.indices {
            var household = family.new.households[index]
            switch household.source {
            case .calworks:
                for item in household.involvements.indices where household.involvements[item].component == .cashAid {
                    household.involvements[item].startDate = min(household.involvements[item].startDate ?? removed, removed.adding(days: -60))
                }
            case .childWelfare:
                let template = household.involvements[0]
                for item in household.involvements.indices {
                    household.involvements[item].startDate = removed
                    if ending != .stillOpen {
                        household.involvements[item].status = .closed
                        household.involvements[item].endDate = closed
                    }
                }
                func involvement(_ component: ServiceComponent, from start: CalendarDate, to end: CalendarDate?) -> NewInvolvement {
                    NewInvolvement(component: component, status: end.map { $0 < today } ?? false ? .closed : .open, startDate: start,
                                   endDate: end.flatMap { $0 < today ? $0 : nil }, sourceCaseId: template.sourceCaseId,
                                   workerId: template.workerId)
                }
                switch ending {
                case .reunified:
                    household.involvements.append(involvement(.familyMaintenance, from: closed.adding(days: 1), to: maintenanceEnds))
                    if let reentry, reentry < today {
                        household.involvements.append(involvement(.emergencyResponse, from: reentry, to: reentry.adding(days: 30)))
                    }
                case .permanency:
                    household.involvements.append(involvement(.permanencyPlanning, from: closed.adding(days: 1), to: nil))
                case .stillOpen:
                    break
                }
            default:
                break
            }
            family.new.households[index] = household
        }
        return ReunificationHistory(removed: removed, amended: amended, closed: ending == .stillOpen ? nil : closed, ending: ending)
    }

    /// The joint plan a reunification case began with: visits, the parenting course and the
    /// parent's Welfare-to-Work activity, done by the time the case closed.
    mutating func reunificationPlan(_ past: ReunificationHistory, familyId: Int64, lead: Int64?, calworksWorker: Int64?) -> (CasePlan, [PlanTask]) {
        let started = past.removed.adding(days: random.int(5...20))
        let plan = CasePlan(familyId: familyId, leadWorkerId: lead, goals: random.pick(DemoActivity.goals), createdAt: started.instant(hour: 10))
        let templates: [(String, TaskKind, TaskOwner, Int64?)] = [
            ("Weekly supervised visits", .visit, .childWelfare, lead),
            ("Complete parenting education course", .caseRequirement, .provider, nil),
            ("Welfare-to-Work: job club three mornings a week", .welfareToWorkActivity, .calworks, calworksWorker),
        ]
        let tasks = templates.map { title, kind, owner, worker in
            let due = min(started.adding(days: random.int(60...150)), past.closed ?? today.adding(days: 30))
            let status: TaskStatus = past.closed != nil || due < today ? .done : .inProgress
            return PlanTask(planId: 0, title: title, kind: kind, owner: owner, ownerWorkerId: worker, dueDate: due, status: status)
        }
        return (plan, tasks)
    }
}

/// How one demo reunification case went.
struct ReunificationHistory {
    enum Ending { case reunified, permanency, stillOpen }
    var removed: CalendarDate
    var amended: CalendarDate
    /// The day Family Reunification closed, unless it is still open.
    var closed: CalendarDate?
    var ending: Ending
}

/// A joint staffing held in the demo county's past.
struct PastStaffing {
    var familyId: Int64
    var reviewedAt: Date
    var reviewedBy: String
    var minutes: String
}

extension DemoHistory {
    /// Writes a family's past year: referrals, when it was found mutual, its joint staffings.
    mutating func record(_ family: SyntheticFamily, familyId: Int64, in batch: StoreBatch) throws {
        for (referral, timeline) in pastReferrals(for: family, familyId: familyId) {
            try batch.addReferral(referral, timeline: timeline)
        }
        guard let (day, method) = identification(of: family.new) else { return }
        let finder = staff.caseworker(method == .intake ? .childWelfare : .calworks, office: family.office, using: &random)
        try batch.noteIdentified(familyId: familyId, by: method, account: finder.account, at: day.instant(hour: 10))
        let supervisor = random.pick(staff.workers.filter { $0.role == .supervisor })
        for staffing in staffings(of: family.new, familyId: familyId, supervisor: supervisor) {
            try batch.addStaffing(familyId: staffing.familyId, reviewedAt: staffing.reviewedAt, reviewedBy: staffing.reviewedBy,
                                  minutes: staffing.minutes)
        }
    }

    /// Writes the family's first team meeting after `started`, if one was held, with the family
    /// and each program's assigned worker invited.
    mutating func recordMeeting(_ family: SyntheticFamily, familyId: Int64, after started: CalendarDate, lead: Int64?,
                                in batch: StoreBatch) throws {
        let workers = Dictionary(uniqueKeysWithValues: staff.workers.compactMap { worker in worker.id.map { ($0, worker) } })
        guard let meeting = heldMeeting(familyId: familyId, familyName: family.new.displayName, started: started,
                                        lead: lead.flatMap { workers[$0] }) else { return }
        let assigned = family.new.households.flatMap(\.involvements).compactMap(\.workerId).compactMap { id in
            workers[id].map { (worker: $0, program: $0.program) }
        }
        let invitees = MeetingInvitee.defaults(familyName: family.new.displayName, assigned: assigned).map { invitee in
            var invitee = invitee
            invitee.attended = invitee.program != .calworks || Self.calworksCame(familyId: familyId, on: meeting.date, today: today)
            return invitee
        }
        try batch.addMeeting(meeting, invitees: invitees)
    }

    /// Whether the CalWORKs worker came to a held meeting: about half the time a year ago, nine
    /// times in ten by now. Worked out from the family's id rather than drawn from the random
    /// stream, so that the rest of the demo's history stays as it was.
    static func calworksCame(familyId: Int64, on day: CalendarDate, today: CalendarDate) -> Bool {
        Double((familyId &* 7919) % 100) < 100 * (0.5 + 0.4 * progress(day, today: today))
    }
}
