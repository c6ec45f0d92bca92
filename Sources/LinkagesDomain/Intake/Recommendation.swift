/// Something the worker should do for the family, why, and where the advice comes from.
public struct Recommendation: Equatable, Sendable {
    public var action: String
    public var why: String
    public var source: String

    public init(_ action: String, why: String, source: String) {
        self.action = action
        self.why = why
        self.source = source
    }
}

/// What Linkages already knows of a family an intake is attached to.
public struct KnownFamily: Equatable, Sendable {
    public var involvements: [Involvement]
    public var concerns: [ConcernKind]
    /// The CalWORKs worker on the family's current CalWORKs case, if any.
    public var calworksWorker: Worker?
    /// The programs whose own system has a record of the family (an earlier intake's ER
    /// referral is Linkages' own record, not CWS/CMS's).
    public var confirmed: Set<Program>

    public init(involvements: [Involvement] = [], concerns: [ConcernKind] = [], calworksWorker: Worker? = nil,
                confirmed: Set<Program>? = nil) {
        self.involvements = involvements
        self.concerns = concerns
        self.calworksWorker = calworksWorker
        self.confirmed = confirmed ?? Set(involvements.map(\.program))
    }
}

/// The Linkages actions an ER intake should lead to, each with its reason, drawn from the
/// trainee workbook (seeds) and the sources in DOMAIN-FACTS.
public enum IntakeRecommendations {
    static let workbook = "Linkages trainee workbook"
    static let staffGuide = "What You Can Do to Collaborate in Your County: What Staff Can Do"
    static let barriers = "CalWORKs & Child Welfare Collaboration: supporting messages"

    public static func recommend(
        findings: IntakeFindings, known: KnownFamily, draft: IntakeDraft, today: CalendarDate
    ) -> [Recommendation] {
        // The same reading of records and intake answers as the tier (TierFacts): a record wins
        // over what the family said, and an application is not yet CalWORKs.
        let facts = TierFacts(involvements: known.involvements, reported: findings.reported, on: today, confirmed: known.confirmed)
        let onCalWORKs = facts.onCalWORKs || facts.appliedForCalWORKs
        let receivingCalWORKs = facts.onCalWORKs
        let pastCalWORKs = facts.calworksPast
        let caseOpen = facts.caseOpen || facts.permanencyPlanningOpen
        let inPersonResponse = !draft.answer(.responseType).isEmpty
        let concerns = Set(findings.concerns + known.concerns)
        let economic = concerns.filter(\.isEconomic)
        let removal = draft.answer(.removalConsidered) == "yes"
        var list: [Recommendation] = []

        if onCalWORKs {
            let who = known.calworksWorker.map { ": \($0.contactLine)" } ?? ""
            list.append(Recommendation(
                "Contact the CalWORKs caseworker\(who)",
                why: "As soon as you know a family is open to the other program, contact its caseworker to find the most efficient way of working together for the family.",
                source: staffGuide))
            if removal || caseOpen {
                list.append(Recommendation(
                    "Invite the CalWORKs worker to the Child and Family Team meeting",
                    why: "CalWORKs caseworkers belong in meetings where children's safety is discussed: they can put supports in place for a safe and stable home.",
                    source: staffGuide))
            }
            // C14: Path 1 is for referrals whose allegations do not meet the statutory
            // definitions; one assigned an in-person response does.
            if !caseOpen && inPersonResponse {
                list.append(Recommendation(
                    "Connect the family to early-intervention services from community providers",
                    why: "CalWORKs families with a child welfare referral should be connected to early-intervention services from community providers. Differential Response Path 1 is for referrals that do not meet the statutory definitions; this one has an in-person response.",
                    source: "\(staffGuide); CDSS Differential Response"))
            } else if !caseOpen {
                list.append(Recommendation(
                    "Connect the family to Differential Response Path 1 or other early-intervention services",
                    why: "CalWORKs families with a child welfare referral should be connected to early-intervention services from community providers.",
                    source: staffGuide))
            }
        } else {
            if let last = pastCalWORKs.max(by: { ($0.endDate ?? .distantPast) < ($1.endDate ?? .distantPast) }) {
                let closed = last.endDate.map { " (closed \($0.usFormat))" } ?? ""
                list.append(Recommendation(
                    "Ask CalWORKs about the family's past case\(closed); the family may be eligible again",
                    why: "Check data systems from the beginning: a family already known to the other program can get help sooner.",
                    source: staffGuide))
            }
            if !economic.isEmpty || caseOpen {
                list.append(Recommendation(
                    "Request an expedited CalWORKs appointment",
                    why: "Expedited CalWORKs appointments get income and supportive services to families sooner and can prevent unnecessary removal of children.",
                    source: barriers))
            }
        }

        if removal && receivingCalWORKs {
            list.append(Recommendation(
                "If a child is removed: keep the parent's Welfare-to-Work services under AB 429",
                why: "AB 429 lets a parent keep Welfare-to-Work supportive services, substance use disorder and behavioral health services when the county finds them necessary for Family Reunification.",
                source: "AB 429 (workbook, Key Legislation)"))
            list.append(Recommendation(
                "If a child is removed: cash aid and child care for up to six months under AB 135",
                why: "AB 135 allows cash aid and child care for up to six months as part of the reunification plan when all CalWORKs-eligible children are removed, the family received cash aid at removal, and Child Welfare or the court finds it necessary.",
                source: "AB 135 (workbook, Key Legislation; Santa Clara FR handbook)"))
        }

        // C24: a pregnant member, or the parent of a child under 24 months, in a CalWORKs
        // assistance unit or apparently eligible (here: a recorded financial need).
        let youngest = draft.members.compactMap(\.parsedDateOfBirth).filter { $0 <= today }.max()
        let infant = youngest.map { $0.adding(months: 24) > today } ?? false
        let pregnant = draft.answer(.pregnant) == "yes"
        if infant || pregnant, onCalWORKs || !economic.isEmpty {
            list.append(Recommendation(
                "Offer home visiting (Nurse-Family Partnership or Healthy Families America)",
                why: "The CalWORKs Home Visiting Program is voluntary and serves "
                    + (pregnant ? "pregnant members (any pregnant member since July 10, 2023)" : "parents of a child under 24 months")
                    + (onCalWORKs ? " of a CalWORKs assistance unit." : " of a CalWORKs assistance unit or a family apparently eligible for it: apply for CalWORKs too."),
                source: pregnant ? "CDSS CalWORKs Home Visiting Program; ACL 23-90" : "CDSS CalWORKs Home Visiting Program"))
        }
        if draft.answer(.caretakerRelative) == "yes" {
            list.append(Recommendation(
                "Connect the caretaker relative to CalWORKs services",
                why: "Working with CalWORKs provides an opportunity to connect caretaker relatives to CalWORKs services.",
                source: barriers))
        }
        list += welfareToWorkSteps(draft: draft, known: known, today: today)

        list += supports(for: concerns, draft: draft, today: today)
        list += protectiveFactorSupports(draft)

        // No primary-prevention step: the intake is itself an ER referral, so the family it
        // describes is never in primary prevention.
        list += icwaSteps(draft)
        return list
    }

    /// Curing a Welfare-to-Work sanction or non-compliance: the seeds' "can help fix (or cure)
    /// CalWORKs sanctions", sanction first (L8). The CalSAWS record's standing wins; the
    /// intake's answer counts only where no current record gives one.
    static func welfareToWorkSteps(draft: IntakeDraft, known: KnownFamily, today: CalendarDate) -> [Recommendation] {
        let recorded = known.involvements.filter { $0.isCurrent(on: today) }.compactMap(\.welfareToWorkStatus)
        let reported = WelfareToWorkStatus(rawValue: draft.answer(.welfareToWorkStatus))
        let statuses = Set(recorded.isEmpty ? [reported].compactMap { $0 } : recorded)
        let why = "Working with Child Welfare can help fix (or cure) CalWORKs sanctions."
        if statuses.contains(.sanction) || statuses.contains(.nonCompliance) {
            let which = statuses.contains(.sanction) ? "sanction" : "non-compliance"
            return [Recommendation("Help the parent cure the Welfare-to-Work \(which): agree with the CalWORKs worker on the activities that lift it",
                                   why: why, source: barriers)]
        }
        if statuses.contains(.curingSanction) {
            return [Recommendation("Support the parent in finishing the sanction cure with the CalWORKs worker", why: why, source: barriers)]
        }
        return []
    }

    /// The ICWA inquiry's next step, in the terms of each source: possible ancestry (or no
    /// answer yet) means the inquiry continues (MPP 31-101); only reason to know a child is an
    /// Indian child makes it an ICWA case, with the first team meeting due in 30 days (ACL 22-35).
    static func icwaSteps(_ draft: IntakeDraft) -> [Recommendation] {
        var list: [Recommendation] = []
        switch draft.answer(.icwaAncestry) {
        case "yes":
            list.append(Recommendation(
                "Continue the ICWA inquiry and identify the tribe(s) named",
                why: "California requires ICWA inquiry on every referral; possible Native American ancestry means the inquiry continues.",
                source: "MPP 31-101"))
        case "unknown":
            list.append(Recommendation(
                "Complete the ICWA inquiry: ask the parents and extended family about Native American ancestry",
                why: "California requires ICWA inquiry on every referral; no one could yet say whether a child has Native American ancestry.",
                source: "MPP 31-101"))
        default:
            break
        }
        if draft.answer(.icwaReasonToKnow) == "yes" {
            list.append(Recommendation(
                "Treat this as an ICWA case: hold the first Child and Family Team meeting within 30 days of placement",
                why: "There is reason to know a child is an Indian child; in ICWA cases the first Child and Family Team meeting is due "
                    + "within 30 days of placement, or before the dispositional hearing if that comes first.",
                source: "ACL 22-35"))
        }
        return list
    }

    /// Concrete supports and services for each concern.
    static func supports(for concerns: Set<ConcernKind>, draft: IntakeDraft, today: CalendarDate) -> [Recommendation] {
        var list: [Recommendation] = []
        let treatment = "CalWORKs can pay for programs that treat substance abuse, domestic violence and mental health issues beyond what Child Welfare generally provides."
        if concerns.contains(.substanceUse) {
            list.append(Recommendation("Keep recovery support going: substance use treatment as a CalWORKs supportive service",
                                       why: treatment, source: barriers))
        }
        if concerns.contains(.domesticViolence) {
            list.append(Recommendation("Refer to domestic violence services", why: treatment, source: barriers))
        }
        if concerns.contains(.mentalHealth) {
            list.append(Recommendation("Refer to mental health services", why: treatment, source: barriers))
        }
        if concerns.contains(.childCareNeed) {
            var action = "Arrange child care"
            if concerns.contains(.schoolAbsence), let student = oldestChild(draft, today: today) {
                action += " so that \(student) can go back to school"
            }
            list.append(Recommendation(action, why: "CalWORKs can provide education and child care supports that Child Welfare Services does not fund.",
                                       source: barriers))
        } else if concerns.contains(.schoolAbsence) {
            list.append(Recommendation("Find out why the children miss school and remove what keeps them home",
                                       why: "School absence is a sign the family needs support.", source: workbook))
        }
        if concerns.contains(.jobLoss) || concerns.contains(.financialHardship) {
            let working = ["employed", "hoursCut"].contains(draft.answer(.employment))
            list.append(Recommendation(working ? "Employment services (Welfare-to-Work) toward more hours or better-paid work"
                                               : "Employment services (Welfare-to-Work) to find work again",
                                       why: "CalWORKs income and employment services reduce the poverty and stress that contribute to child maltreatment and help family members get jobs.",
                                       source: barriers))
        }
        if concerns.contains(.housingInstability) {
            list.append(Recommendation("Connect the family to housing help",
                                       why: "Concrete supports in times of need, such as housing, prevent the stress that can lead to maltreatment.",
                                       source: "\(workbook), Protective Factors"))
        }
        if concerns.contains(.utilityShutoff) {
            list.append(Recommendation("Connect the family to the Low-Income Home Energy Assistance Program (LIHEAP)",
                                       why: "The workbook's example: LIHEAP pays an overdue bill and keeps the family's lights on.",
                                       source: "\(workbook), Concrete supports in times of need"))
        }
        if concerns.contains(.foodInsecurity) {
            list.append(Recommendation("Connect the family to food assistance",
                                       why: "Food is a concrete support in times of need; under AB 2085 a parent's economic disadvantage alone is not general neglect.",
                                       source: "\(workbook), Concrete supports in times of need; AB 2085 [C23]"))
        }
        if concerns.contains(.homeSafetyHazard) {
            list.append(Recommendation("Make the home safe: outlet covers, locked storage for cleaning supplies, a home-safety referral",
                                       why: "Hazards seen at the home visit put the children at risk until they are fixed.",
                                       source: "\(workbook), Sarah's Story"))
        }
        return list
    }

    /// A support for each protective factor the family needs help with.
    static func protectiveFactorSupports(_ draft: IntakeDraft) -> [Recommendation] {
        let source = "\(workbook), Strengthening Families / Protective Factors"
        let supports: [(String, String, String)] = [
            ("pf.resilience", "Support the parent through the current crisis (coping, stress, a trusted contact)",
             "Multiple life stressors reduce a parent's capacity to cope with everyday stresses of raising children."),
            ("pf.connections", "Connect the parent to a parent group or family resource center",
             "Parents who are isolated and have few social connections are at higher risk of maltreating their children."),
            ("pf.knowledge", "Offer parenting education",
             "Children thrive with affection, respectful communication, consistent rules and safe opportunities for independence."),
            ("pf.concrete", "Help the family find and use community resources",
             "Concrete supports help prevent the stress that sometimes precipitates child maltreatment."),
            ("pf.children", "Arrange early assessment and help for the children's social and emotional development",
             "Early identification of delays and early assistance support family relationships."),
        ]
        return supports.compactMap { id, action, why in
            draft.answers[id] == "needsSupport" ? Recommendation(action, why: why, source: source) : nil
        }
    }

    static func oldestChild(_ draft: IntakeDraft, today: CalendarDate) -> String? {
        draft.members
            .filter { [.child, .stepchild].contains($0.parsedRelationship) && !$0.firstName.isBlank }
            .filter { ($0.parsedDateOfBirth?.age(on: today) ?? 0) >= 5 }
            .min { ($0.parsedDateOfBirth ?? .distantPast) < ($1.parsedDateOfBirth ?? .distantPast) }
            .map { $0.firstName.trimmingCharacters(in: .whitespaces) }
    }
}
