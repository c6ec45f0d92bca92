import LinkagesDomain
import Testing

/// Each measure on hand-built families and referrals, the expected number worked out by hand
/// in the comment beside it.
@Suite("Outcome measures")
struct OutcomeMeasureTests {
    static let period = ReportPeriod(from: CalendarDate("2026-01-01")!, to: CalendarDate("2026-06-30")!)!

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func involvement(_ component: ServiceComponent, _ start: String, _ end: String? = nil) -> Involvement {
        Involvement(householdId: 1, component: component, status: end == nil ? .open : .closed,
                    startDate: day(start), endDate: end.map(day))
    }

    static func report(_ families: [FamilyFacts], _ referrals: [ReferralFacts] = [], by breakdown: Breakdown? = nil) -> OutcomeReport {
        OutcomeReport.compute(families: families, referrals: referrals, period: period, breakdown: breakdown,
                              serviceLevels: ReferralServiceLevels())
    }

    /// Eleven families alike, so that their counts are not suppressed.
    static func many(_ count: Int, from first: Int64, _ make: (Int64) -> FamilyFacts) -> [FamilyFacts] {
        (first..<(first + Int64(count))).map(make)
    }

    @Test("mutual families identified in the period, by how; before the period they do not count")
    func identified() throws {
        let families = Self.many(12, from: 1) { FamilyFacts(familyId: $0, identifiedOn: Self.day("2026-02-10"), identifiedBy: .batchMatch) }
            + Self.many(11, from: 20) { FamilyFacts(familyId: $0, identifiedOn: Self.day("2026-06-30"), identifiedBy: .intake) }
            + [FamilyFacts(familyId: 40, identifiedOn: Self.day("2025-12-31"), identifiedBy: .lookup)]
        let result = try #require(Self.report(families).result(.mutualIdentified))
        #expect(result.overall == .count(23))  // 12 in February + 11 on the last day; the December one is before the period
        #expect(result.categories.map(\.figure.text) == ["11", "0", "12"])  // intake, lookup, batch match
        #expect(result.series.first?.points == [0, 12, 0, 0, 0, 11])
    }

    @Test("families by tier on the last day and at each month's end")
    func tiers() throws {
        // 11 mutual clients from March (CalWORKs since 2025, a Family Maintenance case from 03/15);
        // 11 in primary prevention all along (CalWORKs only).
        let mutual = Self.many(11, from: 1) { id in
            FamilyFacts(familyId: id, involvements: [Self.involvement(.cashAid, "2025-01-01"), Self.involvement(.familyMaintenance, "2026-03-15")])
        }
        let prevention = Self.many(11, from: 20) { id in FamilyFacts(familyId: id, involvements: [Self.involvement(.cashAid, "2025-01-01")]) }
        let result = try #require(Self.report(mutual + prevention).result(.familiesByTier))
        #expect(result.overall == .count(22))
        #expect(result.categories.map(\.figure) == [.count(11), .count(0), .count(11)])
        #expect(result.series[0].points == [0, 0, 11, 11, 11, 11])  // mutual client from March's end
        #expect(result.series[2].points == [22, 22, 11, 11, 11, 11])
    }

    static func referral(_ id: Int64, family: Int64 = 1, _ steps: [(ReferralStatus, String)], outcome: ReferralOutcome? = nil,
                         from program: Program = .childWelfare) -> ReferralFacts {
        ReferralFacts(referralId: id, familyId: family, type: .housing, fromProgram: program,
                      steps: steps.map { ReferralMilestone($0.0, on: day($0.1)) }, outcome: outcome)
    }

    @Test("closed loop, days to first contact and overdue share over referrals sent in the period")
    func referrals() throws {
        var referrals: [ReferralFacts] = []
        // 12 closed with services received: sent 02/02, in service 2, 4, 6 … 24 days later, closed 03/31.
        for i in 1...12 {
            referrals.append(Self.referral(Int64(i), [(.sent, "2026-02-02"), (.received, "2026-02-03"), (.accepted, "2026-02-03"),
                                                        (.inService, CalendarDate("2026-02-02")!.adding(days: 2 * i).iso), (.closed, "2026-03-31")],
                                           outcome: .servicesReceived))
        }
        // 10 still sent and never received: overdue on 06/30 (2 working days).
        for i in 13...22 { referrals.append(Self.referral(Int64(i), [(.draft, "2026-05-01"), (.sent, "2026-06-01")])) }
        // 2 sent on the last day: open, not yet overdue.
        for i in 23...24 { referrals.append(Self.referral(Int64(i), [(.sent, "2026-06-30")])) }
        // 1 withdrawn: left out of the closed loop.
        referrals.append(Self.referral(25, [(.sent, "2026-03-01"), (.closed, "2026-03-02")], outcome: .withdrawn))
        // 1 sent before the period, closed in it: not in the period's referrals, not open at its end.
        referrals.append(Self.referral(26, [(.sent, "2025-12-01"), (.closed, "2026-01-05")], outcome: .familyDeclined))
        let report = Self.report([FamilyFacts(familyId: 1)], referrals)
        #expect(report.result(.referralsSent)?.overall == .count(25))  // 12 + 10 + 2 + 1
        #expect(report.result(.closedLoopRate)?.overall == .rate(numerator: 12, denominator: 24))  // 25 less the withdrawn one
        #expect(report.result(.daysToFirstContact)?.overall == .median(days: 13, of: 12))  // median of 2, 4 … 24 is (12+14)/2
        #expect(report.result(.overdueShare)?.overall == .rate(numerator: 10, denominator: 12))  // 10 overdue of 12 open
        let standing = try #require(report.result(.referralsSent)).categories.filter { ["Open", "Services received", "Withdrawn"].contains($0.label) }
        #expect(standing.map(\.figure.text) == ["12", "12", "<11"])  // open: 10 + 2; the one withdrawn is a small count
    }

    @Test("plans with a CFT meeting held, staffing coverage of families open in both programs")
    func plansAndStaffing() throws {
        let both = [Self.involvement(.cashAid, "2025-01-01"), Self.involvement(.familyMaintenance, "2025-06-01")]
        // 15 families with a plan and both programs open: 11 had a meeting held and were staffed in the period,
        // 4 had neither (one meeting held after the period's end does not count).
        let met = Self.many(11, from: 1) { FamilyFacts(familyId: $0, involvements: both, planStartedOn: Self.day("2026-01-10"),
                                                       meetingsHeldOn: [Self.day("2026-02-01")], staffedOn: [Self.day("2026-03-01")]) }
        let unmet = Self.many(4, from: 20) { FamilyFacts(familyId: $0, involvements: both, planStartedOn: Self.day("2026-01-10"),
                                                         meetingsHeldOn: [Self.day("2026-07-01")], staffedOn: [Self.day("2025-12-01")]) }
        let report = Self.report(met + unmet)
        #expect(report.result(.plansWithTeamMeeting)?.overall == .rate(numerator: 11, denominator: 15))
        #expect(report.result(.staffingCoverage)?.overall == .rate(numerator: 11, denominator: 15))
        #expect(report.result(.plansWithTeamMeeting)?.overall.text == "73.3% (11 of 15)")
    }

    @Test("AB 135 clocks ending in the period: home, in permanency planning, or still in reunification")
    func ab135() throws {
        // Removed 09/01/2025; the plan amended on 10/15/2025; the first full month is November; the clock ends 04/30/2026.
        func family(_ id: Int64, _ after: [Involvement]) -> FamilyFacts {
            FamilyFacts(familyId: id, involvements: [Self.involvement(.cashAid, "2024-01-01")] + after,
                        reunification: ReunificationRecord(familyId: id, servicesNeeded: true, cashAidRecommendedOn: Self.day("2025-10-15"),
                                                           allEligibleChildrenRemoved: true, recordedBy: "t", recordedAt: .init(timeIntervalSince1970: 0)))
        }
        let home = Self.many(11, from: 1) { family($0, [Self.involvement(.familyReunification, "2025-09-01", "2026-05-10")]) }
        let permanency = Self.many(6, from: 20) { family($0, [Self.involvement(.familyReunification, "2025-09-01", "2026-05-10"),
                                                               Self.involvement(.permanencyPlanning, "2026-05-10")]) }
        let still = Self.many(5, from: 30) { family($0, [Self.involvement(.familyReunification, "2025-09-01")]) }
        let result = try #require(Self.report(home + permanency + still).result(.ab135Reunified))
        #expect(result.overall == .rate(numerator: 11, denominator: 22))
    }

    @Test("re-entry: a new Child Welfare case within 12 months of a case closed in the period; referrals are neither exits nor re-entries")
    func reentry() throws {
        let back = Self.many(3, from: 1) { FamilyFacts(familyId: $0, involvements: [
            Self.involvement(.familyMaintenance, "2025-03-01", "2026-02-28"), Self.involvement(.emergencyResponse, "2026-10-01", "2026-10-20"),
            Self.involvement(.familyMaintenance, "2026-11-01")]) }
        let referredOnly = Self.many(4, from: 5) { FamilyFacts(familyId: $0, involvements: [
            Self.involvement(.familyMaintenance, "2025-03-01", "2026-02-28"), Self.involvement(.emergencyResponse, "2026-11-01")]) }
        let late = Self.many(2, from: 10) { FamilyFacts(familyId: $0, involvements: [
            Self.involvement(.familyMaintenance, "2025-03-01", "2026-02-28"), Self.involvement(.familyReunification, "2027-03-01")]) }
        let referralClosed = Self.many(8, from: 20) { FamilyFacts(familyId: $0, involvements: [Self.involvement(.emergencyResponse, "2026-01-02", "2026-02-01")]) }
        // One FR case closing into a Family Maintenance case the next day is not a closure.
        let handedOver = [FamilyFacts(familyId: 40, involvements: [
            Self.involvement(.familyReunification, "2025-01-01", "2026-03-31"), Self.involvement(.familyMaintenance, "2026-04-01")])]
        let result = try #require(Self.report(back + referredOnly + late + referralClosed + handedOver).result(.reentryWithinYear))
        #expect(result.overall == .rate(numerator: 3, denominator: 9))
        #expect(result.overall.text == "<11", "three re-entries is a small count")
    }

    @Test("a family's tier on a day reads what was known that day: concerns recorded since and later intakes do not count")
    func tierAsKnownThen() {
        let family = FamilyFacts(familyId: 1, involvements: [Self.involvement(.cashAid, "2025-01-01")],
                                 concerns: [DatedConcern(.jobLoss, recordedOn: Self.day("2026-03-10"))],
                                 reported: [DatedReport([.openChildWelfareCase], on: Self.day("2026-05-01"))])
        #expect(family.tier(on: Self.day("2026-02-28")) == .primaryPrevention)
        #expect(family.tier(on: Self.day("2026-03-31")) == .earlyIntervention)
        #expect(family.tier(on: Self.day("2026-05-31")) == .mutualClient, "the family said a case is open, and CWS/CMS has no record")
    }

    @Test("breakdowns: by race with the catch-all last, by program the sender for referrals; small groups suppressed")
    func breakdowns() throws {
        let both = [Self.involvement(.cashAid, "2025-01-01"), Self.involvement(.familyMaintenance, "2025-06-01")]
        let black = Self.many(12, from: 1) { FamilyFacts(familyId: $0, race: .black, involvements: both, staffedOn: [Self.day("2026-02-01")]) }
        let latino = Self.many(20, from: 20) { FamilyFacts(familyId: $0, race: .latino, involvements: both,
                                                           staffedOn: $0 < 30 ? [Self.day("2026-02-01")] : []) }
        let missing = Self.many(3, from: 50) { FamilyFacts(familyId: $0, involvements: both) }
        let report = Self.report(black + latino + missing, by: .race)
        let groups = try #require(report.result(.staffingCoverage)).groups
        #expect(groups.map(\.label) == ["Black", "Latino", "Missing"])
        #expect(groups.map(\.figure.text) == ["100.0% (12 of 12)", "<11", "<11"])  // 10 of 20 rests on 10 staffed
        let referrals = [Self.referral(1, [(.sent, "2026-02-01")], from: .calworks), Self.referral(2, [(.sent, "2026-02-01")])]
        let byProgram = Self.report(black, referrals, by: .program).result(.referralsSent)?.groups.map(\.label)
        #expect(byProgram == ["From CalWORKs", "From Child Welfare"])
    }
}
