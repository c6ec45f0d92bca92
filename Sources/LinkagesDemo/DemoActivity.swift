import Foundation
import LinkagesDomain
import LinkagesStore

/// Referrals and joint case plans for the demo families, so that every screen has work on it.
struct DemoActivity {
    var staff: StaffDirectory
    var today: CalendarDate
    var random: SeededGenerator

    /// Invented community providers (no real organisation is named).
    static let providers: [ReferralType: String] = [
        .housing: "Hope Housing Collaborative",
        .domesticViolence: "Safe Harbor Family Services",
        .mentalHealth: "Mi Familia Counseling Clinic",
        .substanceUseTreatment: "Valley Recovery Services",
        .differentialResponsePath1: "Valley Family Resource Center",
        .homeVisitingNFP: "Nurse-Family Partnership of the Valley",
        .homeVisitingHFA: "Sunrise Home Visiting (HFA)",
        .utilityAssistance: "Community Action Energy Help (LIHEAP)",
        .homeSafety: "Valley Family Resource Center",
    ]

    /// Referral types that suit each concern.
    static func referralType(for concern: ConcernKind, youngestChildAge: Int) -> ReferralType {
        switch concern {
        case .jobLoss, .financialHardship: return .employmentServices
        case .housingInstability: return .housing
        case .foodInsecurity: return .expeditedCalWORKsAppointment
        case .childCareNeed: return .childCare
        case .utilityShutoff: return .utilityAssistance
        case .domesticViolence: return .domesticViolence
        case .substanceUse: return .substanceUseTreatment
        case .mentalHealth: return .mentalHealth
        case .homeSafetyHazard: return .homeSafety
        case .childWelfareReport: return .differentialResponsePath1
        case .schoolAbsence: return .familyStabilization
        case .parentingStress: return youngestChildAge < 3 ? .homeVisitingHFA : .differentialResponsePath1
        }
    }

    /// Types the CalWORKs program itself provides; the rest go to community providers.
    static let calworksServices: Set<ReferralType> = [
        .expeditedCalWORKsAppointment, .welfareToWorkSupportiveServices, .employmentServices,
        .familyStabilization, .childCare,
    ]

    mutating func referrals(for family: SyntheticFamily, familyId: Int64) -> [(Referral, [ReferralEvent])] {
        guard !family.concerns.isEmpty else { return [] }
        let count = min(family.concerns.count, random.int(0...2))
        let today = today
        return Self.referrals(for: family, familyId: familyId, concerns: Array(family.concerns.prefix(count)), staff: staff,
                              daysAgo: 1...60, today: today, random: &random) { created, sender, random in
            Self.recentTimeline(from: created, sender: sender, today: today, random: &random)
        }
    }

    /// A referral for each concern (one per type) that suits the family's situation, created
    /// `daysAgo` before today, each with the history `timeline` gives it from its day and sender.
    static func referrals(
        for family: SyntheticFamily, familyId: Int64, concerns: [ConcernKind], staff: StaffDirectory, daysAgo: ClosedRange<Int>,
        today: CalendarDate, random: inout SeededGenerator,
        timeline: (CalendarDate, Worker, inout SeededGenerator) -> [ReferralEvent]
    ) -> [(Referral, [ReferralEvent])] {
        var result: [(Referral, [ReferralEvent])] = []
        var usedTypes: Set<ReferralType> = []
        for concern in concerns {
            let type = referralType(for: concern, youngestChildAge: family.youngestChildAge)
            guard usedTypes.insert(type).inserted else { continue }
            // CalWORKs services are asked of CalWORKs by Child Welfare; the rest go to providers.
            let toCalWORKs = calworksServices.contains(type)
            guard !toCalWORKs || family.situation.childWelfareComponent != nil else { continue }
            let fromProgram: Program = toCalWORKs || (family.situation.childWelfareComponent != nil && random.chance(0.7))
                ? .childWelfare : .calworks
            let sender = staff.caseworker(fromProgram, office: family.office, using: &random)
            let toProgram: Program? = toCalWORKs ? .calworks : nil
            let provider = toCalWORKs ? nil : (providers[type] ?? "Valley Family Resource Center")
            let created = today.adding(days: -random.int(daysAgo))
            let referral = Referral(
                familyId: familyId, fromProgram: fromProgram, fromWorkerId: sender.id, toProgram: toProgram,
                toProviderName: provider, type: type,
                urgency: random.chance(0.2) ? .urgent : (random.chance(0.3) ? .priority : .routine),
                reason: "Family reports \(concern.displayName).", createdAt: created.instant(hour: 9))
            result.append((referral, timeline(created, sender, &random)))
        }
        return result
    }

    /// A plausible history: each step a few days after the last, never past today.
    private static func recentTimeline(
        from created: CalendarDate, sender: Worker, today: CalendarDate, random: inout SeededGenerator
    ) -> [ReferralEvent] {
        let declined = random.chance(0.12)
        let path: [ReferralStatus] = declined
            ? [.draft, .sent, .received, .declined]
            : [.draft, .sent, .received, .accepted, .inService, .closed]
        let target = random.int(1...(path.count - 1))
        var events: [ReferralEvent] = []
        var day = created
        for (index, status) in path.enumerated() where index <= target {
            if index > 1 { day = day.adding(days: random.int(1...6)) }
            if day > today { break }
            let note: String? = switch status {
            case .declined: "Not eligible for this service; suggest another provider."
            case .closed: "Family engaged and services completed."
            default: nil
            }
            events.append(ReferralEvent(referralId: 0, status: status, at: day.instant(hour: 9 + index), workerId: sender.id, note: note))
        }
        return events
    }

    static let goals = [
        "We want the kids home and a steady job so we don't fall behind on rent again.",
        "I want to finish my program and keep my kids safe and in school.",
        "Find a place of our own and get child care so I can work.",
        "Stay sober, get my license back, and be there for my children.",
        "Keep the family together and get help with the bills.",
    ]

    mutating func plan(for family: SyntheticFamily, familyId: Int64) -> (CasePlan, [PlanTask])? {
        guard case .mutual(let component) = family.situation, random.chance(0.7) else { return nil }
        // The workers assigned to the family's records carry the plan, so that its lead can open
        // it (a worker picked for the office might see neither record in full). The picks still
        // draw from the seed, so every other family's plan stays as it was.
        let officeCalworks = staff.caseworker(.calworks, office: family.office, using: &random)
        let officeChildWelfare = staff.caseworker(.childWelfare, office: family.office, using: &random)
        let calworksWorker = assigned(.calworks, in: family) ?? officeCalworks
        let cwsWorker = assigned(.childWelfare, in: family) ?? officeChildWelfare
        let created = today.adding(days: -random.int(20...120))
        let plan = CasePlan(
            familyId: familyId, leadWorkerId: cwsWorker.id, goals: random.pick(Self.goals),
            createdAt: created.instant(hour: 10))
        // Half the reunification families get visits on a Welfare-to-Work morning: a clash the plan shows.
        let visitHours = familyId % 2 == 0 ? "Wed 10:00-11:00" : "Thu 14:00-15:00"
        var templates: [(String, TaskKind, TaskOwner, Int64?, String?)] = [
            ("Welfare-to-Work: job club three mornings a week", .welfareToWorkActivity, .calworks, calworksWorker.id, "Mon,Wed,Fri 9:00-12:00"),
            ("Approve child care for the WTW schedule", .supportiveService, .calworks, calworksWorker.id, nil),
            ("Enroll the children in an after-school program", .service, .family, nil, nil),
        ]
        switch component {
        case .familyReunification:
            templates += [
                ("Weekly supervised visits", .visit, .childWelfare, cwsWorker.id, visitHours),
                ("Complete parenting education course", .caseRequirement, .provider, nil, "Tue 18:00-20:00"),
                ("Reunification review with the court", .caseRequirement, .childWelfare, cwsWorker.id, nil),
            ]
        case .permanencyPlanning:
            templates += [
                ("Permanency review and CFT meeting", .other, .childWelfare, cwsWorker.id, nil),
                ("Relative caregiver: connect to CalWORKs child-only aid", .other, .calworks, calworksWorker.id, nil),
            ]
        default:
            templates += [
                ("Monthly home visit", .visit, .childWelfare, cwsWorker.id, nil),
                ("In-home parenting support sessions", .service, .provider, nil, "Thu 16:00-17:00"),
            ]
        }
        let tasks = templates.map { title, kind, owner, worker, hours -> PlanTask in
            let due = today.adding(days: random.int(-25...45))
            let status: TaskStatus = due < today
                ? (random.chance(0.6) ? .done : .inProgress)
                : (random.chance(0.5) ? .notStarted : .inProgress)
            let time = hours.flatMap { try? TaskTime.parse($0).get() }
            return PlanTask(planId: 0, title: title, kind: kind, owner: owner, ownerWorkerId: worker, dueDate: due, status: status,
                            time: time)
        }
        return (plan, tasks)
    }

    /// The worker assigned to the family's record in `program`, when it names one.
    private func assigned(_ program: Program, in family: SyntheticFamily) -> Worker? {
        let id = family.new.households.first { $0.source == RecordSource(program) }?.involvements.compactMap(\.workerId).first
        return id.flatMap { id in staff.workers.first { $0.id == id } }
    }
}
