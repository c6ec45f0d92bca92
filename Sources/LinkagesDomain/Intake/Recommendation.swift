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

    public init(involvements: [Involvement] = [], concerns: [ConcernKind] = [], calworksWorker: Worker? = nil) {
        self.involvements = involvements
        self.concerns = concerns
        self.calworksWorker = calworksWorker
    }
}

/// The Linkages actions an ER intake should lead to, each with its reason, drawn from the
/// trainee workbook (seeds) and the sources in DOMAIN-FACTS.
public enum IntakeRecommendations {
    static let workbook = "Linkages trainee workbook"
    static let staffGuide = "What You Can Do to Collaborate in Your County: What Staff Can Do"
    static let barriers = "CalWORKs & Child Welfare Collaboration: supporting messages"

    public static func recommend(
        tier: TierAssessment, findings: IntakeFindings, known: KnownFamily, draft: IntakeDraft, today: CalendarDate
    ) -> [Recommendation] {
        let current = known.involvements.filter { $0.isCurrent(on: today) }
        let onCalWORKs = current.contains { $0.program == .calworks }
            || findings.reported.contains(.receivesCalWORKs) || findings.reported.contains(.inWelfareToWork)
        let pastCalWORKs = known.involvements.filter { $0.program == .calworks && !$0.isCurrent(on: today) }
        let caseOpen = current.contains { $0.component.isChildWelfareCase } || findings.reported.contains(.openChildWelfareCase)
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
            if !caseOpen {
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

        if removal && onCalWORKs {
            list.append(Recommendation(
                "If a child is removed: keep the parent's Welfare-to-Work services under AB 429",
                why: "AB 429 lets a parent keep Welfare-to-Work supportive services, substance use disorder and behavioral health services when the county finds them necessary for Family Reunification.",
                source: "AB 429 (workbook, Key Legislation)"))
            list.append(Recommendation(
                "If a child is removed: cash aid and child care for up to six months under AB 135",
                why: "AB 135 allows cash aid and child care for up to six months as part of the reunification plan when all CalWORKs-eligible children are removed, the family received cash aid at removal, and Child Welfare or the court finds it necessary.",
                source: "AB 135 (workbook, Key Legislation; Santa Clara FR handbook)"))
        }

        let youngest = draft.members.compactMap(\.parsedDateOfBirth).filter { $0 <= today }.max()
        if let youngest, youngest.adding(months: 24) > today, onCalWORKs || !economic.isEmpty {
            list.append(Recommendation(
                "Offer home visiting (Nurse-Family Partnership or Healthy Families America)",
                why: "The CalWORKs Home Visiting Program is voluntary and serves parents of a child under 24 months and pregnant members.",
                source: "CDSS CalWORKs Home Visiting Program"))
        }

        list += supports(for: concerns, draft: draft, today: today)
        list += protectiveFactorSupports(draft)

        if draft.answer(.icwaAncestry) == "yes" {
            list.append(Recommendation(
                "Continue the ICWA inquiry and identify the tribe(s) named",
                why: "California requires ICWA inquiry on every referral; possible Native American ancestry means the inquiry continues. In ICWA cases the first Child and Family Team meeting is due within 30 days of placement.",
                source: "MPP 31-101; ACL 22-35"))
        }

        if tier.tier == .primaryPrevention {
            list.append(Recommendation(
                "Give the family information and materials that promote child and family well-being",
                why: "This is the Linkages activity for primary prevention.",
                source: "\(workbook), Linkages Logic Model"))
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
            list.append(Recommendation("Employment services (Welfare-to-Work) to find work again",
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
                                       why: "An empty refrigerator calls for concrete support; on its own it is not neglect.",
                                       source: "\(workbook), Key Legislation (AB 2085)"))
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
