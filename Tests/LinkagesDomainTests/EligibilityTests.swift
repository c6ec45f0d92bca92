import LinkagesDomain
import Testing

@Suite("AB 429, AB 135 and the first CFT meeting")
struct EligibilityTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    static let removed = date(2026, 3, 10)

    static func eligibleFacts() -> RemovalFacts {
        RemovalFacts(
            removedOn: removed, receivingCalWORKsAtRemoval: true, receivingCashAidAtRemoval: true,
            allEligibleChildrenRemoved: true, hasReunificationPlan: true, servicesNeededForReunification: true,
            cashAidRecommendedOn: date(2026, 4, 15))
    }

    @Test("AB 429: every condition met keeps Welfare-to-Work services; each exclusion is named")
    func ab429() {
        let yes = AB429.assess(Self.eligibleFacts())
        #expect(yes.eligible && yes.notMet.isEmpty && yes.met.count == 7)
        #expect(yes.source.contains("AB 429"))
        var facts = Self.eligibleFacts()
        facts.receivesSSI = true
        facts.servicesNeededForReunification = false
        let no = AB429.assess(facts)
        #expect(!no.eligible)
        #expect(no.notMet == [
            "The Child Welfare social worker has not found Welfare-to-Work services needed for reunification.",
            "The parent receives SSI (excluded).",
        ])
        #expect(AB429.services(facts, days: 180).lastDay == Self.date(2026, 9, 6))
    }

    @Test("AB 135: the plan must be amended first; every condition is listed")
    func ab135Conditions() {
        let yes = AB135.assess(Self.eligibleFacts())
        #expect(yes.eligible)
        #expect(yes.met.contains("The reunification plan was amended to recommend cash aid on 04/15/2026 (no court order is needed)."))
        var facts = Self.eligibleFacts()
        facts.cashAidRecommendedOn = nil
        facts.allEligibleChildrenRemoved = false
        let no = AB135.assess(facts)
        #expect(!no.eligible && no.notMet.count == 2 && no.notMet[0] == "Not every CalWORKs-eligible child was removed.")
    }

    @Test("AB 135: six full months; a prorated first month does not count; month ends and leap years", arguments: [
        // amended on, first full month, last day
        (date(2026, 3, 1), date(2026, 3, 1), date(2026, 8, 31)),
        (date(2026, 4, 15), date(2026, 5, 1), date(2026, 10, 31)),
        (date(2026, 8, 31), date(2026, 9, 1), date(2027, 2, 28)),
        (date(2027, 8, 15), date(2027, 9, 1), date(2028, 2, 29)),
        (date(2026, 12, 10), date(2027, 1, 1), date(2027, 6, 30)),
        (date(2028, 2, 29), date(2028, 3, 1), date(2028, 8, 31)),
    ])
    func ab135Clock(amended: CalendarDate, first: CalendarDate, last: CalendarDate) {
        let clock = AB135.clock(amendedOn: amended)
        #expect(clock.firstFullMonth == first && clock.lastDay == last)
        #expect(clock.warnFrom == last.adding(days: -30))
    }

    @Test("AB 135: where the clock stands, and the warning 30 days before the end")
    func ab135States() {
        let clock = AB135.clock(amendedOn: Self.date(2026, 4, 15))
        #expect(clock.state(on: Self.date(2026, 4, 20)) == .proratedMonth(countsFrom: Self.date(2026, 5, 1)))
        #expect(clock.state(on: Self.date(2026, 5, 1)) == .running(daysLeft: 183))
        #expect(clock.state(on: Self.date(2026, 9, 30)) == .running(daysLeft: 31))
        #expect(clock.state(on: Self.date(2026, 10, 1)) == .endingSoon(daysLeft: 30))
        #expect(clock.state(on: Self.date(2026, 10, 31)).sentence == "AB 135 aid ends today; there is no extension.")
        #expect(clock.state(on: Self.date(2026, 11, 1)) == .ended(Self.date(2026, 10, 31)))
        // A second removal has its own six months.
        let second = AB135.clock(amendedOn: Self.date(2027, 6, 1))
        #expect(second.lastDay == Self.date(2027, 11, 30))
    }

    @Test("the first CFT meeting: 60 days from placement or before the hearing, whichever is first; 30 days with ICWA")
    func cft() {
        let placed = Self.date(2026, 1, 1)
        let early = ChildAndFamilyTeam.firstMeetingDue(placedOn: placed, dispositionalHearing: Self.date(2026, 2, 10), icwa: false)
        #expect(early.due == Self.date(2026, 2, 9) && early.rule == "before the dispositional hearing on 02/10/2026")
        let late = ChildAndFamilyTeam.firstMeetingDue(placedOn: placed, dispositionalHearing: Self.date(2026, 4, 1), icwa: false)
        #expect(late.due == Self.date(2026, 3, 2) && late.rule == "within 60 days of placement")
        let icwa = ChildAndFamilyTeam.firstMeetingDue(placedOn: placed, dispositionalHearing: nil, icwa: true)
        #expect(icwa.due == Self.date(2026, 1, 31) && icwa.rule == "within 30 days of placement (ICWA case)")
    }
}

@Suite("Reunification status from the records")
struct ReunificationStatusTests {
    static let removed = CalendarDate(year: 2026, month: 9, day: 9)!

    static func involvements(cashAidEnded: CalendarDate? = nil) -> [Involvement] {
        [
            Involvement(householdId: 1, component: .cashAid, status: cashAidEnded == nil ? .open : .closed,
                        startDate: removed.adding(days: -400), endDate: cashAidEnded),
            Involvement(householdId: 2, personId: 3, component: .familyReunification, status: .open, startDate: removed),
        ]
    }

    @Test("the removal and the CalWORKs at removal come from the records; the findings from what workers recorded")
    func fromRecords() throws {
        #expect(ReunificationStatus.of(involvements: [Self.involvements()[0]], record: nil) == nil, "no Family Reunification case")
        let bare = try #require(ReunificationStatus.of(involvements: Self.involvements(), record: nil))
        #expect(bare.facts.removedOn == Self.removed && bare.facts.receivingCashAidAtRemoval && bare.facts.hasReunificationPlan)
        #expect(!bare.ab429.eligible && bare.ab135Clock == nil)
        let record = ReunificationRecord(familyId: 1, servicesNeeded: true, cashAidRecommendedOn: Self.removed.adding(days: 11),
                                         allEligibleChildrenRemoved: true, recordedBy: "w", recordedAt: .distantPast)
        let found = try #require(ReunificationStatus.of(involvements: Self.involvements(), record: record))
        #expect(found.ab429.eligible && found.ab135.eligible)
        #expect(found.ab135Clock?.lastDay == CalendarDate(year: 2027, month: 3, day: 31))
        // Cash aid that ended before the removal does not count as aid at removal.
        let ended = try #require(ReunificationStatus.of(
            involvements: Self.involvements(cashAidEnded: Self.removed.adding(days: -1)), record: record))
        #expect(!ended.ab135.eligible && ended.ab135Clock == nil)
        #expect(ended.ab135.notMet == ["The family was not receiving cash aid when the children were removed."])
    }

    @Test("an application pending when the children were removed is not receiving aid (C20, C21): neither AB 429 nor AB 135")
    func pendingApplicationAtRemoval() throws {
        let record = ReunificationRecord(familyId: 1, servicesNeeded: true, cashAidRecommendedOn: Self.removed.adding(days: 11),
                                         allEligibleChildrenRemoved: true, recordedBy: "w", recordedAt: .distantPast)
        let applied = [
            Involvement(householdId: 1, component: .cashAid, status: .pending, startDate: Self.removed.adding(days: -10)),
            Involvement(householdId: 2, personId: 3, component: .familyReunification, status: .open, startDate: Self.removed),
        ]
        let status = try #require(ReunificationStatus.of(involvements: applied, record: record))
        #expect(!status.facts.receivingCalWORKsAtRemoval && !status.facts.receivingCashAidAtRemoval)
        #expect(!status.ab429.eligible && !status.ab135.eligible)
        #expect(status.ab135Clock == nil && status.ab429Services == nil)
    }

    @Test("AB 429 services last the county's number of days after the removal, with a warning in the last thirty")
    func ab429ServicePeriod() throws {
        let record = ReunificationRecord(familyId: 1, servicesNeeded: true, recordedBy: "w", recordedAt: .distantPast)
        #expect(try #require(ReunificationStatus.of(involvements: Self.involvements(), record: nil)).ab429Services == nil,
                "no period before the parent is eligible")
        let services = try #require(ReunificationStatus.of(involvements: Self.involvements(), record: record,
                                                            ab429ServiceDays: 240)?.ab429Services)
        #expect(services.lastDay == Self.removed.adding(days: 240))
        #expect(services.sentence(on: Self.removed) == "AB 429 services continue to \(services.lastDay.usFormat) "
            + "(240 days after the removal, the county's setting); 240 days left.")
        #expect(!services.endingSoon(on: services.lastDay.adding(days: -31)) && services.endingSoon(on: services.lastDay.adding(days: -30)))
        #expect(services.endingSoon(on: services.lastDay) && !services.endingSoon(on: services.lastDay.adding(days: 1)))
        #expect(services.sentence(on: services.lastDay.adding(days: -1)).hasSuffix("; 1 day left."))
        #expect(services.sentence(on: services.lastDay) == "AB 429 services end today (240 days after the removal, the county's setting).")
        #expect(services.sentence(on: services.lastDay.adding(days: 1)).hasPrefix("AB 429 services ended on \(services.lastDay.usFormat)"))
        #expect(ReunificationStatus.of(involvements: Self.involvements(), record: record)?.ab429Services?.days == AB429.defaultServiceDays)
    }
}

@Suite("How long an AB 135 clock can run")
struct AB135SpanTests {
    @Test("six full months end at most 213 days after the amendment (the home screen reads only amendments that recent)")
    func longestSpan() {
        var day = CalendarDate(year: 2024, month: 1, day: 1)!
        var longest = 0
        while day < CalendarDate(year: 2029, month: 1, day: 1)! {
            longest = max(longest, AB135.clock(amendedOn: day).lastDay.dayNumber - day.dayNumber)
            day = day.adding(days: 1)
        }
        #expect(longest == 213 && longest == AB135.longestSpanDays)
    }
}

@Suite("AB 429 and AB 135 on the joint plan")
struct ReunificationSummaryTests {
    static let removed = ReunificationStatusTests.removed

    static func status(_ record: ReunificationRecord?) throws -> ReunificationStatus {
        try #require(ReunificationStatus.of(involvements: ReunificationStatusTests.involvements(), record: record))
    }

    static let found = ReunificationRecord(familyId: 1, servicesNeeded: true, cashAidRecommendedOn: removed.adding(days: 11),
                                           allEligibleChildrenRemoved: true, recordedBy: "w", recordedAt: .distantPast)

    @Test("one line says how many conditions each answer lacks, or until when each runs, and warns in the last thirty days")
    func planLine() throws {
        let bare = try Self.status(nil).planLine(on: Self.removed)
        #expect(bare.text == "AB 429: 1 condition not met · AB 135: 2 conditions not met · f for details" && !bare.endingSoon)
        let found = try Self.status(Self.found)
        let running = found.planLine(on: Self.removed.adding(days: 20))
        #expect(running.text == "AB 429 services to 03/08/2027 · AB 135 aid to 03/31/2027 · f for details" && !running.endingSoon)
        #expect(found.planLine(on: CalendarDate(year: 2027, month: 2, day: 20)!).endingSoon, "AB 429's last thirty days")
        let ended = found.planLine(on: CalendarDate(year: 2027, month: 4, day: 1)!)
        #expect(ended.text == "AB 429 services ended 03/08/2027 · AB 135 aid ended 03/31/2027 · f for details" && !ended.endingSoon)
        var waiting = Self.found
        waiting.cashAidRecommendedOn = nil
        waiting.servicesNeeded = false
        #expect(try Self.status(waiting).planLine(on: Self.removed).text.contains("AB 135: 1 condition not met"))
        for day in [Self.removed, CalendarDate(year: 2027, month: 3, day: 31)!] {
            #expect(try Self.status(Self.found).planLine(on: day).text.count <= 78)
        }
    }

    @Test("on paper each answer lists the conditions met and not met, its source, and its period")
    func answers() throws {
        let bare = try Self.status(nil).answers(on: Self.removed)
        #expect(bare.map(\.heading) == ["AB 429 Welfare-to-Work services: not eligible yet.", "AB 135 cash aid and child care: not eligible yet."])
        #expect(bare[0].details.contains { $0.hasPrefix("Met: ") } && bare[0].details.contains { $0.hasPrefix("Not met: ") })
        #expect(bare.allSatisfy { $0.details.last?.hasPrefix("Source: AB ") == true })
        let found = try Self.status(Self.found).answers(on: CalendarDate(year: 2026, month: 10, day: 20)!)
        #expect(found[0].heading.hasPrefix("AB 429 Welfare-to-Work services: eligible. AB 429 services continue to 03/08/2027"))
        #expect(found[1].heading.hasPrefix("AB 135 cash aid and child care: eligible. The six months run 10/01/2026 to 03/31/2027. "))
        #expect(found[1].heading.hasSuffix(" days of AB 135 aid left."))
        #expect(found.allSatisfy { !$0.details.contains { $0.hasPrefix("Not met: ") } })
    }

    @Test("the parent's own circumstances stay off the printed plan: one line says an exclusion applies, not which")
    func personalExclusionsNotPrinted() throws {
        var record = Self.found
        record.undocumentedNoncitizen = true
        let status = try Self.status(record)
        #expect(status.ab429.notMet == ["The parent is an undocumented noncitizen (excluded)."], "the family page still says which")
        let printed = status.answers(on: Self.removed).flatMap { [$0.heading] + $0.details }.joined(separator: "\n")
        for word in ["undocumented", "noncitizen", "felon", "SSI.", "time-on-aid"] { #expect(!printed.contains(word), "\(word)") }
        #expect(printed.contains("Not met: one of the parent's own exclusions applies; the family page says which (not printed)."))
        let clear = try Self.status(Self.found).answers(on: Self.removed)[0].details
        #expect(clear.contains("Met: none of the parent's own exclusions applies (SSI, immigration status, a warrant, time on aid)."))
    }
}

@Suite("Recording reunification findings")
struct ReunificationChangesTests {
    static let removed = CalendarDate(year: 2026, month: 5, day: 13)!
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!

    func update(_ existing: ReunificationRecord?, _ changes: ReunificationChanges) throws(ReunificationRefusal) -> ReunificationRecord {
        try ReunificationRecord.updating(existing, familyId: 7, with: changes, reunificationStart: Self.removed, today: Self.today,
                                         by: "ltran", at: .distantPast)
    }

    @Test("findings not named stay as recorded; a --no- form takes one back")
    func keepsWhatIsNotNamed() throws {
        let first = try update(nil, ReunificationChanges(servicesNeeded: true, cashAidRecommendedOn: Self.removed.adding(days: 19),
                                                         allEligibleChildrenRemoved: true))
        let second = try update(first, ReunificationChanges(receivesSSI: true))
        #expect(second.servicesNeeded && second.allEligibleChildrenRemoved && second.receivesSSI)
        #expect(second.cashAidRecommendedOn == Self.removed.adding(days: 19))
        #expect(try !update(second, ReunificationChanges(servicesNeeded: false)).servicesNeeded)
    }

    @Test("no amendment before the removal or after today, and no removal in the future")
    func impossibleDates() {
        #expect(throws: ReunificationRefusal("the reunification plan cannot be amended on 03/01/2026, before the removal on 05/13/2026")) {
            try update(nil, ReunificationChanges(cashAidRecommendedOn: CalendarDate(year: 2026, month: 3, day: 1)!))
        }
        #expect(throws: ReunificationRefusal("12/15/2027 is after today; record the amendment once the plan is amended")) {
            try update(nil, ReunificationChanges(cashAidRecommendedOn: CalendarDate(year: 2027, month: 12, day: 15)!))
        }
        #expect(throws: ReunificationRefusal.self) {
            try update(nil, ReunificationChanges(removedOn: Self.today.adding(days: 1)))
        }
        #expect(throws: ReunificationRefusal("the dispositional hearing on 05/01/2026 cannot come before the removal on 05/13/2026")) {
            try update(nil, ReunificationChanges(dispositionalHearingOn: CalendarDate(year: 2026, month: 5, day: 1)!))
        }
        let hearing = try? update(nil, ReunificationChanges(dispositionalHearingOn: Self.today.adding(days: 30), icwa: true))
        #expect(hearing?.dispositionalHearingOn == Self.today.adding(days: 30) && hearing?.icwa == true, "a hearing may be set ahead")
    }

    @Test("AB 135 has no extension: a second amendment date for the same removal is refused unless it corrects the first; a new removal starts over")
    func noSecondClock() throws {
        let first = try update(nil, ReunificationChanges(cashAidRecommendedOn: CalendarDate(year: 2026, month: 6, day: 1)!))
        let later = CalendarDate(year: 2026, month: 11, day: 20)!
        #expect(throws: ReunificationRefusal.self) { try update(first, ReunificationChanges(cashAidRecommendedOn: later)) }
        #expect(try update(first, ReunificationChanges(cashAidRecommendedOn: first.cashAidRecommendedOn)).cashAidRecommendedOn
                == first.cashAidRecommendedOn, "the same date again is no change")
        #expect(try update(first, ReunificationChanges(cashAidRecommendedOn: later, correctingAmendment: true)).cashAidRecommendedOn == later)
        let again = CalendarDate(year: 2026, month: 10, day: 2)!
        let removedAgain = try update(first, ReunificationChanges(removedOn: again))
        #expect(removedAgain.cashAidRecommendedOn == nil, "a new removal waits for its own amendment")
        #expect(try update(first, ReunificationChanges(removedOn: again, cashAidRecommendedOn: later)).cashAidRecommendedOn == later)
        // Moving to a new removal and back does not free the first removal for a second clock.
        #expect(throws: ReunificationRefusal.self) { try update(removedAgain, ReunificationChanges(removedOn: Self.removed)) }
        // Correcting the removal to an earlier day keeps its clock, and no second date slips in with it.
        let corrected = try update(first, ReunificationChanges(removedOn: Self.removed.adding(days: -2)))
        #expect(corrected.cashAidRecommendedOn == first.cashAidRecommendedOn)
        #expect(throws: ReunificationRefusal.self) {
            try update(first, ReunificationChanges(removedOn: Self.removed.adding(days: -2), cashAidRecommendedOn: later))
        }
    }

    @Test("a new removal has its own dispositional hearing; a corrected one keeps its hearing only if it still comes after")
    func hearingFollowsTheRemoval() throws {
        let first = try update(nil, ReunificationChanges(cashAidRecommendedOn: CalendarDate(year: 2026, month: 6, day: 1)!,
                                                         dispositionalHearingOn: CalendarDate(year: 2026, month: 6, day: 20)!))
        let again = try update(first, ReunificationChanges(removedOn: CalendarDate(year: 2026, month: 10, day: 2)!))
        #expect(again.dispositionalHearingOn == nil && again.priorCashAidRecommendedOn == first.cashAidRecommendedOn)
        #expect(throws: ReunificationRefusal.self) {
            try update(first, ReunificationChanges(removedOn: CalendarDate(year: 2026, month: 5, day: 1)!,
                                                   dispositionalHearingOn: CalendarDate(year: 2026, month: 4, day: 30)!))
        }
    }
}
