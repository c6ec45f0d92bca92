/// Computes each measure as docs/outcomes.md defines it.
struct OutcomeMeasures {
    let families: [Int64: FamilyFacts]
    let familyList: [FamilyFacts]
    let referrals: [ReferralFacts]
    let period: ReportPeriod
    let breakdown: Breakdown?
    let serviceLevels: ReferralServiceLevels
    /// The county's holidays, which the service levels' working days skip.
    let holidays: Set<CalendarDate>
    /// The tier of each family on the period's last day, computed once.
    let tierAtEnd: [Int64: LinkagesTier]

    init(families: [FamilyFacts], referrals: [ReferralFacts], period: ReportPeriod, breakdown: Breakdown?,
         serviceLevels: ReferralServiceLevels, holidays: Set<CalendarDate> = []) {
        self.familyList = families
        self.families = Dictionary(families.map { ($0.familyId, $0) }, uniquingKeysWith: { first, _ in first })
        self.referrals = referrals
        self.period = period
        self.breakdown = breakdown
        self.serviceLevels = serviceLevels
        self.holidays = holidays
        var tiers: [Int64: LinkagesTier] = [:]
        for family in families {
            tiers[family.familyId] = family.tier(on: period.to)
        }
        tierAtEnd = tiers
    }

    func result(_ measure: OutcomeMeasure) -> MeasureResult {
        switch measure {
        case .mutualIdentified: return mutualIdentified()
        case .familiesByTier: return familiesByTier()
        case .referralsSent: return referralsSent()
        case .closedLoopRate: return closedLoopRate()
        case .daysToFirstContact: return daysToFirstContact()
        case .overdueShare: return overdueShare()
        case .plansWithTeamMeeting: return plansWithTeamMeeting()
        case .ab135Reunified: return ab135Reunified()
        case .reentryWithinYear: return reentryWithinYear()
        case .staffingCoverage: return staffingCoverage()
        case .responseInTime: return responseInTime()
        }
    }

    // MARK: Families

    func mutualIdentified() -> MeasureResult {
        let found = familyList.filter { family in family.identifiedOn.map(period.contains) ?? false }
        let days = found.compactMap(\.identifiedOn)
        return MeasureResult(
            measure: .mutualIdentified, overall: .count(found.count),
            categories: IdentificationMethod.allCases.map { method in
                LabeledFigure(method.displayName, .count(found.filter { $0.identifiedBy == method }.count))
            },
            groups: countGroups(found, label: familyLabel),
            series: [SeriesLine(label: "identified", points: period.months.map { month in
                days.filter { $0 >= month.first && $0 <= month.last }.count
            })])
    }

    func familiesByTier() -> MeasureResult {
        let tiered = familyList.filter { tierAtEnd[$0.familyId] != nil }
        let monthly = period.months.map { month in familyList.map { $0.tier(on: month.last) } }
        return MeasureResult(
            measure: .familiesByTier, overall: .count(tiered.count),
            categories: Self.tierOrder.map { tier in LabeledFigure(tier.displayName, .count(tiered.filter { tierAtEnd[$0.familyId] == tier }.count)) },
            groups: countGroups(tiered, label: familyLabel),
            series: Self.tierOrder.map { tier in
                SeriesLine(label: tier.displayName, points: monthly.map { tiers in tiers.filter { $0 == tier }.count })
            })
    }

    func plansWithTeamMeeting() -> MeasureResult {
        let planned = familyList.filter { ($0.planStartedOn ?? .distantFuture) <= period.to }
        var result = rate(.plansWithTeamMeeting, planned, label: familyLabel) { family in
            family.meetingsHeldOn.contains { $0 <= period.to }
        }
        // The seeds: CalWORKs expertise at the Child and Family Team meeting.
        let withCalWORKs = planned.filter { family in family.meetingsWithCalWORKsOn.contains { $0 <= period.to } }
        result.categories = [LabeledFigure("With a CalWORKs worker present", .rate(numerator: withCalWORKs.count, denominator: planned.count))]
        return result
    }

    func ab135Reunified() -> MeasureResult {
        let ended = familyList.compactMap { family -> (FamilyFacts, ReunificationStatus)? in
            // Eligibility as it stood when the plan was amended (the case may have closed since).
            guard let amended = family.reunification?.cashAidRecommendedOn,
                  let status = ReunificationStatus.of(involvements: family.involvements(asOf: amended), record: family.reunification),
                  let clock = status.ab135Clock, period.contains(clock.lastDay) else { return nil }
            return (family, status)
        }
        return rate(.ab135Reunified, ended, label: { familyLabel($0.0) }) { family, status in
            let reunification = family.involvements.filter { $0.component == .familyReunification }
            let allHome = reunification.allSatisfy { involvement in
                involvement.status == .closed || (involvement.endDate.map { $0 <= period.to } ?? false)
            }
            let permanency = family.involvements.contains { involvement in
                involvement.component == .permanencyPlanning && (involvement.startDate ?? .distantPast) >= status.facts.removedOn
            }
            return allHome && !permanency
        }
    }

    /// Re-entry is into a Child Welfare *case* (Family Maintenance, Family Reunification,
    /// Permanency Planning): the workbook's "prevent re-entry to CWS" is about families coming
    /// back into services, and a new Emergency Response referral may be evaluated out. Exits
    /// are case closures too: a referral closed at ER is not a family leaving services.
    func reentryWithinYear() -> MeasureResult {
        var closures: [(FamilyFacts, CalendarDate)] = []
        for family in familyList {
            let cases = family.involvements.filter(\.component.isChildWelfareCase)
            let ends = Set(cases.compactMap(\.endDate).filter(period.contains))
            for end in ends.sorted() {
                let dayAfter = end.adding(days: 1)
                let stillOpen = cases.contains { $0.endDate != end && $0.wasActive(on: dayAfter) }
                if !stillOpen { closures.append((family, end)) }
            }
        }
        return rate(.reentryWithinYear, closures, label: { familyLabel($0.0) }) { family, end in
            family.involvements.contains { involvement in
                guard involvement.component.isChildWelfareCase, let start = involvement.startDate else { return false }
                return start > end && start <= end.adding(days: 365)
            }
        }
    }

    func staffingCoverage() -> MeasureResult {
        let mutual = familyList.filter { $0.programs(on: period.to).count == 2 }
        return rate(.staffingCoverage, mutual, label: familyLabel) { family in
            family.staffedOn.contains(where: period.contains)
        }
    }

    /// CDSS measure 2B counts a referral answered when contact was attempted or completed by
    /// its deadline [C8]; the "completed" figure leaves attempts out [C10]. A referral still
    /// within its deadline with no contact yet is not counted: it has not been missed.
    func responseInTime() -> MeasureResult {
        let counted = familyList.flatMap { family in
            family.responses.filter { response in
                period.contains(response.receivedOn)
                    && ((response.clock.lastDay().map { $0 <= period.to } ?? false)
                        || (response.clock.firstContact.map { $0.day <= period.to } ?? false))
            }.map { (family, $0) }
        }
        func inTime(_ contact: ResponseContact?, _ clock: IntakeClock) -> Bool {
            guard let contact, contact.day <= period.to else { return false }
            return clock.isInTime(contact)
        }
        func share(_ items: [(FamilyFacts, ResponseFacts)], _ hit: (ResponseFacts) -> Bool) -> Figure {
            .rate(numerator: items.filter { hit($0.1) }.count, denominator: items.count)
        }
        var result = rate(.responseInTime, counted, label: { familyLabel($0.0) }) { inTime($0.1.clock.firstContact, $0.1.clock) }
        result.categories = [
            LabeledFigure("Immediate (24 hours)", share(counted.filter { $0.1.isImmediate }) { inTime($0.clock.firstContact, $0.clock) }),
            LabeledFigure("Within 10 days", share(counted.filter { !$0.1.isImmediate }) { inTime($0.clock.firstContact, $0.clock) }),
            LabeledFigure("Family seen in time", share(counted) { inTime($0.clock.firstCompletedContact, $0.clock) }),
        ]
        return result
    }

    // MARK: Referrals

    /// Referrals first sent during the period.
    var sentInPeriod: [(ReferralFacts, CalendarDate)] {
        referrals.compactMap { referral in referral.first(.sent).flatMap { period.contains($0) ? (referral, $0) : nil } }
    }

    func referralsSent() -> MeasureResult {
        let sent = sentInPeriod
        let types = ReferralType.allCases.map { type in
            LabeledFigure(type.displayName, .count(sent.filter { $0.0.type == type }.count))
        }.filter { $0.figure != .count(0) }
        let standings = Self.standingLabels.map { label in
            LabeledFigure(label, .count(sent.filter { standingLabel($0.0) == label }.count))
        }
        return MeasureResult(
            measure: .referralsSent, overall: .count(sent.count), categories: types + standings,
            groups: countGroups(sent.map(\.0), label: referralLabel),
            series: [SeriesLine(label: "sent", points: period.months.map { month in
                sent.filter { $0.1 >= month.first && $0.1 <= month.last }.count
            })])
    }

    func closedLoopRate() -> MeasureResult {
        let counted = sentInPeriod.map(\.0).filter { referral in
            !(referral.outcome == .withdrawn && referral.standing(on: period.to)?.status == .closed)
        }
        return rate(.closedLoopRate, counted, label: referralLabel) { $0.standing(on: period.to)?.status == .closed }
    }

    func daysToFirstContact() -> MeasureResult {
        let contacted = sentInPeriod.compactMap { referral, sent -> (ReferralFacts, Int)? in
            guard let contact = referral.first(.inService), contact <= period.to else { return nil }
            return (referral, sent.days(until: contact))
        }
        func median(_ items: [(ReferralFacts, Int)]) -> Figure {
            .median(days: Self.median(items.map(\.1)), of: items.count)
        }
        var groups: [LabeledFigure] = []
        if breakdown != nil {
            let byLabel = Dictionary(grouping: contacted) { referralLabel($0.0) }
            groups = orderedLabels(byLabel.keys).map { LabeledFigure($0, median(byLabel[$0]!)) }
        }
        return MeasureResult(measure: .daysToFirstContact, overall: median(contacted), groups: groups)
    }

    func overdueShare() -> MeasureResult {
        let open = referrals.compactMap { referral -> (ReferralFacts, ReferralMilestone)? in
            guard referral.first(.sent).map({ $0 <= period.to }) ?? false,
                  let standing = referral.standing(on: period.to), standing.status.isOpen, standing.status != .draft
            else { return nil }
            return (referral, standing)
        }
        return rate(.overdueShare, open, label: { referralLabel($0.0) }) { _, standing in
            serviceLevels.due(status: standing.status, since: standing.on, holidays: holidays).map { $0 < period.to } ?? false
        }
    }

    // MARK: Groups

    func rate<T>(_ measure: OutcomeMeasure, _ items: [T], label: (T) -> String, hit: (T) -> Bool) -> MeasureResult {
        let hits = items.map(hit)
        var groups: [LabeledFigure] = []
        if breakdown != nil {
            var tally: [String: (Int, Int)] = [:]
            for (item, isHit) in zip(items, hits) {
                let key = label(item)
                let (numerator, denominator) = tally[key] ?? (0, 0)
                tally[key] = (numerator + (isHit ? 1 : 0), denominator + 1)
            }
            groups = orderedLabels(tally.keys).map { LabeledFigure($0, .rate(numerator: tally[$0]!.0, denominator: tally[$0]!.1)) }
        }
        return MeasureResult(measure: measure, overall: .rate(numerator: hits.filter { $0 }.count, denominator: items.count),
                             groups: groups)
    }

    func countGroups<T>(_ items: [T], label: (T) -> String) -> [LabeledFigure] {
        guard breakdown != nil else { return [] }
        let counts = Dictionary(grouping: items, by: label).mapValues(\.count)
        return orderedLabels(counts.keys).map { LabeledFigure($0, .count(counts[$0]!)) }
    }

    /// The group a family falls in under the breakdown, as on the period's last day.
    func familyLabel(_ family: FamilyFacts) -> String {
        switch breakdown {
        case nil: return ""
        case .office?: return family.office ?? "No office"
        case .race?: return family.race.displayName
        case .tier?: return tierAtEnd[family.familyId]?.displayName ?? "No tier"
        case .program?:
            let programs = family.programs(on: period.to)
            switch (programs.contains(.calworks), programs.contains(.childWelfare)) {
            case (true, true): return "Both programs"
            case (true, false): return "CalWORKs only"
            case (false, true): return "Child Welfare only"
            case (false, false): return "Neither open"
            }
        }
    }

    /// A referral's group: its family's, except by program, where it is the program that sent it.
    func referralLabel(_ referral: ReferralFacts) -> String {
        if breakdown == .program { return "From " + referral.fromProgram.displayName }
        guard let family = families[referral.familyId] else { return "Unknown" }
        return familyLabel(family)
    }

    func standingLabel(_ referral: ReferralFacts) -> String {
        guard let standing = referral.standing(on: period.to) else { return "Open" }
        switch standing.status {
        case .closed: return referral.outcome?.displayName ?? "Closed"
        case .declined: return "Declined, not resent"
        default: return "Open"
        }
    }

    static let standingLabels = ["Open", "Declined, not resent"] + ReferralOutcome.allCases.map(\.displayName)
    static let tierOrder: [LinkagesTier] = [.mutualClient, .earlyIntervention, .primaryPrevention]

    /// Groups in a fixed order where there is one (race as the state lists it, tiers by depth),
    /// else alphabetical, with the catch-alls last.
    func orderedLabels(_ labels: Dictionary<String, some Any>.Keys) -> [String] {
        let fixed: [String] = switch breakdown {
        case .race?: RaceEthnicity.allCases.map(\.displayName)
        case .tier?: Self.tierOrder.map(\.displayName) + ["No tier"]
        case .program?: ["Both programs", "CalWORKs only", "Child Welfare only", "Neither open"]
            + Program.allCases.map { "From " + $0.displayName }
        default: []
        }
        let catchAll: Set<String> = ["No office", "Unknown"]
        return labels.sorted { a, b in
            let (ia, ib) = (fixed.firstIndex(of: a) ?? Int.max, fixed.firstIndex(of: b) ?? Int.max)
            if ia != ib { return ia < ib }
            if catchAll.contains(a) != catchAll.contains(b) { return catchAll.contains(b) }
            return a < b
        }
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
