import Testing
@testable import LinkagesDomain

/// The tier of every combination of CalWORKs state, Child Welfare state and recorded concerns,
/// written out by hand from the seeds' Linkages Logic Model: applicants are in the primary and
/// early-intervention populations, but mutual clients are "open to CalWORKs and CWS (Family
/// Maintenance, Family Reunification)", so neither an applicant nor a Permanency Planning case
/// makes one.
@Suite("Linkages tier")
struct TierRulesTests {
    static let today = CalendarDate("2026-11-23")!

    enum CalWORKsState: String, CaseIterable, Sendable { case none, applicant, recipient, closed }
    enum ChildWelfareState: String, CaseIterable, Sendable { case none, past, erReferral, fm, fr, pp }
    enum Concerns: String, CaseIterable, Sendable { case none, economic, safety }

    /// Expected tier for (CalWORKs, Child Welfare), in the order of `Concerns`:
    /// P = primary prevention, E = early intervention, M = mutual client, - = no tier.
    static let expected: [String: String] = [
        "none/none": "---", "none/past": "---", "none/erReferral": "-E-",
        "none/fm": "---", "none/fr": "---", "none/pp": "---",
        "applicant/none": "PEE", "applicant/past": "EEE", "applicant/erReferral": "EEE",
        "applicant/fm": "---", "applicant/fr": "---", "applicant/pp": "---",
        "recipient/none": "PEE", "recipient/past": "EEE", "recipient/erReferral": "EEE",
        "recipient/fm": "MMM", "recipient/fr": "MMM", "recipient/pp": "---",
        "closed/none": "---", "closed/past": "---", "closed/erReferral": "-E-",
        "closed/fm": "---", "closed/fr": "---", "closed/pp": "---",
    ]

    static var combinations: [(CalWORKsState, ChildWelfareState, Concerns)] {
        CalWORKsState.allCases.flatMap { cw in
            ChildWelfareState.allCases.flatMap { cws in Concerns.allCases.map { (cw, cws, $0) } }
        }
    }

    static func involvements(_ cw: CalWORKsState, _ cws: ChildWelfareState) -> [Involvement] {
        var list: [Involvement] = []
        let start = today.adding(days: -200)
        switch cw {
        case .none: break
        case .applicant: list.append(.init(householdId: 1, component: .cashAid, status: .pending, startDate: today.adding(days: -3)))
        case .recipient: list.append(.init(householdId: 1, component: .cashAid, status: .open, startDate: start))
        case .closed: list.append(.init(householdId: 1, component: .cashAid, status: .closed, startDate: start, endDate: today.adding(days: -30)))
        }
        let component: ServiceComponent? = switch cws {
        case .none: nil
        case .past, .erReferral: .emergencyResponse
        case .fm: .familyMaintenance
        case .fr: .familyReunification
        case .pp: .permanencyPlanning
        }
        if let component {
            let closed = cws == .past
            list.append(.init(householdId: 2, component: component, status: closed ? .closed : .open,
                              startDate: start, endDate: closed ? today.adding(days: -100) : nil))
        }
        return list
    }

    @Test("every combination", arguments: combinations)
    func everyCombination(cw: CalWORKsState, cws: ChildWelfareState, concerns: Concerns) throws {
        let kinds: [ConcernKind] = switch concerns {
        case .none: []
        case .economic: [.jobLoss]
        case .safety: [.homeSafetyHazard]
        }
        let assessment = TierRules.assess(involvements: Self.involvements(cw, cws), concerns: kinds, on: Self.today)
        let row = try #require(Self.expected["\(cw.rawValue)/\(cws.rawValue)"])
        let index = Concerns.allCases.firstIndex(of: concerns)!
        let letter = row[row.index(row.startIndex, offsetBy: index)]
        let expectedTier: LinkagesTier? = switch letter {
        case "P": .primaryPrevention
        case "E": .earlyIntervention
        case "M": .mutualClient
        default: nil
        }
        #expect(assessment.tier == expectedTier)
        #expect(!assessment.reasons.isEmpty)
    }

    @Test("Family Stabilization alone is an identified need")
    func familyStabilizationIsEarlyIntervention() {
        let list = [
            Involvement(householdId: 1, component: .cashAid, status: .open, startDate: Self.today.adding(days: -90)),
            Involvement(householdId: 1, component: .familyStabilization, status: .open, startDate: Self.today.adding(days: -10)),
        ]
        #expect(TierRules.assess(involvements: list, concerns: [], on: Self.today).tier == .earlyIntervention)
    }

    @Test("an involvement that ended or has not started yet is not current")
    func datesDecideCurrency() {
        let ended = Involvement(householdId: 1, component: .cashAid, status: .open,
                                startDate: Self.today.adding(days: -400), endDate: Self.today.adding(days: -1))
        #expect(TierRules.assess(involvements: [ended], concerns: [], on: Self.today).tier == nil)
        let future = Involvement(householdId: 1, component: .cashAid, status: .pending, startDate: Self.today.adding(days: 5))
        #expect(TierRules.assess(involvements: [future], concerns: [], on: Self.today).tier == nil)
    }

    @Test("reasons say what put the family in its tier")
    func reasonsForMutualClient() {
        let list = [
            Involvement(householdId: 1, component: .cashAid, status: .open, startDate: Self.today.adding(days: -90)),
            Involvement(householdId: 1, component: .welfareToWork, status: .open, startDate: Self.today.adding(days: -60)),
            Involvement(householdId: 2, component: .familyReunification, status: .open, startDate: Self.today.adding(days: -20)),
        ]
        let assessment = TierRules.assess(involvements: list, concerns: [.housingInstability, .jobLoss], on: Self.today)
        #expect(assessment.tier == .mutualClient)
        #expect(assessment.reasons == [
            "Open to CalWORKs: Cash aid, Welfare-to-Work.",
            "Open Child Welfare case: Family Reunification.",
            "Identified needs: recent job loss, housing instability.",
        ])
    }

    @Test("Sarah's family: past CalWORKs, an ER referral and a job loss")
    func sarahsFamily() {
        let list = [
            Involvement(householdId: 1, component: .cashAid, status: .closed,
                        startDate: CalendarDate("2021-03-01"), endDate: CalendarDate("2023-06-30")),
            Involvement(householdId: 2, component: .emergencyResponse, status: .open, startDate: Self.today.adding(days: -2)),
        ]
        let assessment = TierRules.assess(involvements: list, concerns: [.jobLoss, .homeSafetyHazard, .schoolAbsence], on: Self.today)
        #expect(assessment.tier == .earlyIntervention)
        #expect(assessment.reasons == [
            "Not on CalWORKs now; a past CalWORKs case closed 06/30/2023.",
            "Child Welfare referral under Emergency Response, no case opened.",
            "Identified needs: recent job loss, home safety hazards, school absences.",
            "Referred to Child Welfare with a financial need: may benefit from a CalWORKs referral.",
        ])
    }

    @Test("an open Child Welfare case without CalWORKs is not yet mutual, and says what to do")
    func childWelfareOnly() {
        let list = [Involvement(householdId: 2, component: .familyMaintenance, status: .open, startDate: Self.today.adding(days: -40))]
        let assessment = TierRules.assess(involvements: list, concerns: [], on: Self.today)
        #expect(assessment.tier == nil)
        #expect(assessment.label == "No Linkages tier")
        #expect(assessment.reasons.last == "Both programs must be open for mutual-client coordination: screen the family for CalWORKs.")
    }

    @Test("what the family said counts until a record of that program is known, and the reasons say so")
    func reportedFactsGiveWayToRecords() {
        let closedLongAgo = Involvement(householdId: 1, component: .cashAid, status: .closed,
                                        startDate: CalendarDate("2022-01-01"), endDate: CalendarDate("2024-10-31"))
        // No CalSAWS record: the family's word counts.
        let said = TierRules.assess(involvements: [], concerns: [], reported: [.receivesCalWORKs], on: Self.today)
        #expect(said.tier == .primaryPrevention)
        #expect(said.reasons.first == "The family says it receives CalWORKs (not yet confirmed: this counts until CalSAWS has a record of the family).")
        // A record closed two years ago: the record decides, and the family's word is named.
        let recorded = TierRules.assess(involvements: [closedLongAgo], concerns: [], reported: [.receivesCalWORKs], on: Self.today)
        #expect(recorded.tier == nil)
        #expect(recorded.reasons.contains("At intake the family said it receives CalWORKs; the CalSAWS record, which does not show it open, is used."))
        // A closed Family Maintenance case: not mutual, whatever the intake said.
        let cash = Involvement(householdId: 1, component: .cashAid, status: .open, startDate: Self.today.adding(days: -300))
        let closedCase = Involvement(householdId: 2, component: .familyMaintenance, status: .closed,
                                     startDate: Self.today.adding(days: -400), endDate: Self.today.adding(days: -60))
        let former = TierRules.assess(involvements: [cash, closedCase], concerns: [], reported: [.openChildWelfareCase], on: Self.today)
        #expect(former.tier == .earlyIntervention, "a past case is the risk factor; no case is open")
        #expect(former.reasons.contains("At intake the family said a Child Welfare case is open; the CWS/CMS record, which shows none open, is used."))
        // No CWS/CMS record: the family's word makes a recipient a mutual client.
        let saidCase = TierRules.assess(involvements: [cash], concerns: [], reported: [.openChildWelfareCase], on: Self.today)
        #expect(saidCase.tier == .mutualClient)
    }

    @Test("an applicant with an open case is not yet a mutual client, and is told when it will be")
    func applicantWithCase() {
        let list = [
            Involvement(householdId: 1, component: .cashAid, status: .pending, startDate: Self.today.adding(days: -3)),
            Involvement(householdId: 2, component: .familyReunification, status: .open, startDate: Self.today.adding(days: -20)),
        ]
        let assessment = TierRules.assess(involvements: list, concerns: [], on: Self.today)
        #expect(assessment.tier == nil)
        #expect(assessment.reasons.first == "Applied for CalWORKs, not yet receiving it: Cash aid.")
        #expect(assessment.reasons.last?.hasPrefix("Applied for CalWORKs but not yet receiving it: mutual-client coordination") == true)
    }

    @Test("a Permanency Planning case gives no tier: the tiers name Family Maintenance and Family Reunification")
    func permanencyPlanning() {
        let list = [
            Involvement(householdId: 1, component: .cashAid, status: .open, startDate: Self.today.adding(days: -300)),
            Involvement(householdId: 2, component: .permanencyPlanning, status: .open, startDate: Self.today.adding(days: -20)),
        ]
        let assessment = TierRules.assess(involvements: list, concerns: [.jobLoss], on: Self.today)
        #expect(assessment.tier == nil)
        #expect(assessment.reasons.contains("Open Child Welfare case: Permanency Planning."))
        #expect(assessment.reasons.last?.hasPrefix("A Permanency Planning case is open") == true)
    }
}
