import Foundation
import Testing
@testable import LinkagesDomain

@Suite("The question bank")
struct QuestionBankTests {
    @Test("the bank in Resources has every section the intake needs")
    func loads() {
        let bank = IntakeTestData.bank
        #expect(bank.sections.map(\.id) == ["referral", "household", "financial", "safety", "icwa", "protective", "voice"])
        #expect(bank.question("safety.substanceUse")?.isSensitive == true)
        #expect(bank.sections.first { $0.id == "protective" }?.questions.filter { $0.kind == .rating }.count == 5)
        #expect(bank.choices(for: bank.question("icwa.ancestry")!).map(\.id) == ["yes", "no", "unknown"])
    }

    @Test("a bank with a mistake names the file and the question")
    func badBanks() throws {
        var json = try String(contentsOf: IntakeTestData.bankFile, encoding: .utf8)
        func error(_ text: String) -> String {
            do {
                _ = try QuestionBank.load(Data(text.utf8), file: "county.json")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("{") .hasPrefix("county.json: not valid JSON"))
        #expect(error(json.replacingOccurrences(of: "\"id\": \"icwa.tribes\"", with: "\"id\": \"icwa.ancestry\""))
                == "county.json: question icwa.ancestry in section icwa is listed twice")
        #expect(error(json.replacingOccurrences(of: "\"voice.wants\"", with: "\"voice.other\""))
                == "county.json: the question voice.wants is missing; the intake rules need it")
        #expect(error(json.replacingOccurrences(of: "{ \"when\": \"yes\", \"concern\": \"domesticViolence\" }", with: "{ \"when\": \"often\", \"concern\": \"domesticViolence\" }"))
                == "county.json: question safety.domesticViolence in section safety raises a concern when 'often', which is not one of its answers")
        json = json.replacingOccurrences(of: "\"kind\": \"note\" }\n      ]\n    }\n  ],", with: "\"kind\": \"essay\" }\n      ]\n    }\n  ],")
        #expect(error(json).hasPrefix("county.json: sections[6].questions[0].kind"))
    }
}

@Suite("Checking an intake as it is typed")
struct IntakeValidationTests {
    let today = IntakeTestData.today

    func problems(_ draft: IntakeDraft) -> [String: String] {
        Dictionary(IntakeValidation.problems(in: draft, bank: IntakeTestData.bank, today: today).map { ($0.fieldKey, $0.message) },
                   uniquingKeysWith: { first, _ in first })
    }

    @Test("Sarah's intake has no problems")
    func sarahIsValid() {
        #expect(problems(IntakeTestData.sarah()).isEmpty)
        #expect(IntakeValidation.missingToFinish(IntakeTestData.sarah()).isEmpty)
    }

    @Test("impossible and future dates are explained, and the text is kept")
    func dates() {
        var draft = IntakeTestData.sarah()
        draft.members[1].dateOfBirth = "02/30/2016"
        draft.members[2].dateOfBirth = "01/01/2030"
        draft.members[3].dateOfBirth = "1/2/1850"
        draft.answers["referral.receivedDate"] = "12/01/2026"
        draft.answers["referral.receivedTime"] = "25:00"
        let found = problems(draft)
        #expect(found["member.1.dateOfBirth"] == "February 2016 has no day 30.")
        #expect(found["member.2.dateOfBirth"] == "A date of birth cannot be in the future (01/01/2030).")
        #expect(found["member.3.dateOfBirth"] == "Check the year: 01/02/1850 makes Lily 176.")
        #expect(found["referral.receivedDate"] == "12/01/2026 is in the future.")
        #expect(found["referral.receivedTime"] == "'25:00' is not a time; write it as HH:MM, for example 14:30.")
        #expect(draft.members[1].dateOfBirth == "02/30/2016")
    }

    @Test("an SSN is nine digits and not a placeholder, a CIN letters and digits; blank is simply not known")
    func identifiers() throws {
        var draft = IntakeTestData.sarah()
        draft.members[0].ssn = "612-40-778"
        draft.members[1].ssn = "000-00-0000"
        draft.members[2].cin = "9351-7264Q"
        draft.members[3].ssn = "612 40 7781"
        draft.members[3].cin = "93517264q"
        let found = problems(draft)
        #expect(found["member.0.ssn"] == "An SSN has 9 digits (dashes allowed); '612-40-778' has 8: check it, or leave it blank if not known.")
        #expect(found["member.1.ssn"] == "'000-00-0000' is a placeholder, not an SSN: leave it blank if Emma does not know it.")
        #expect(found["member.2.cin"] == "A CIN is letters and digits only; '9351-7264Q' has other characters.")
        #expect(found["member.3.ssn"] == nil && found["member.3.cin"] == nil)
        #expect(draft.members[3].normalizedSSN == "612407781" && draft.members[3].normalizedCIN == "93517264Q")
        #expect(draft.members[1].normalizedSSN == nil && draft.members[0].normalizedCIN == nil)
        // A draft saved before members had a CIN or SSN still opens, with both empty.
        let old = try JSONDecoder().decode(MemberEntry.self, from: Data(#"{"firstName":"Sarah","lastName":"Mitchell","dateOfBirth":"","relationship":"head","sex":"female"}"#.utf8))
        #expect(old == MemberEntry(firstName: "Sarah", lastName: "Mitchell", relationship: "head", sex: "female"))
    }

    @Test("a child cannot be older than the parent")
    func childOlderThanParent() {
        var draft = IntakeTestData.sarah()
        draft.members[1].dateOfBirth = "09/10/1990"
        #expect(problems(draft)["member.1.dateOfBirth"]
                == "Emma is recorded as a child but is not younger than Sarah: check both dates of birth.")
    }

    @Test("first contact cannot come before the referral")
    func contactBeforeReferral() {
        var draft = IntakeTestData.sarah()
        draft.answers["referral.firstContactDate"] = "11/20/2026"
        #expect(problems(draft)["referral.firstContactDate"]
                == "First contact (11/20/2026) cannot come before the referral (11/21/2026).")
    }

    @Test("finishing needs a named member, the referral date, the response decision and the ICWA inquiry")
    func missingToFinish() {
        let empty = IntakeDraft(bankVersion: 1)
        #expect(IntakeValidation.missingToFinish(empty) == [
            "at least one household member with a first and last name",
            "the date the referral was received",
            "the response decision (immediate or 10 days)",
            "the ICWA inquiry (MPP 31-101 requires it on every referral; answer unknown if no one could say)",
        ])
        var unknown = IntakeTestData.sarah()
        unknown.answers["icwa.ancestry"] = "unknown"
        #expect(IntakeValidation.missingToFinish(unknown).isEmpty, "unknown is an answer: the inquiry goes on")
        var draft = IntakeTestData.sarah()
        draft.members.append(MemberEntry(firstName: "Tom"))
        #expect(IntakeValidation.missingToFinish(draft) == ["a first and last name for member 5"])
    }
}

@Suite("What an intake leads to")
struct IntakeOutcomeTests {
    let today = IntakeTestData.today

    func outcome(_ draft: IntakeDraft, known: KnownFamily = KnownFamily()) -> IntakeOutcome {
        IntakeOutcome(draft: draft, bank: IntakeTestData.bank, known: known, settings: IntakeSettings(), today: today)
    }

    func actions(_ draft: IntakeDraft, known: KnownFamily = KnownFamily()) -> [String] {
        outcome(draft, known: known).recommendations.map(\.action)
    }

    @Test("answers raise concerns and reported involvement")
    func findings() {
        let found = IntakeFindings(draft: IntakeTestData.sarah(), bank: IntakeTestData.bank, today: today)
        #expect(found.concerns == [.jobLoss, .financialHardship, .childCareNeed, .substanceUse, .homeSafetyHazard, .schoolAbsence])
        #expect(found.reported.isEmpty)
        #expect(found.referralReceived == CalendarDate("2026-11-21"))
        var draft = IntakeTestData.sarah()
        draft.answers["household.receivingCalWORKs"] = "yes"
        draft.answers["household.cwsInvolvement"] = "openCase"
        draft.answers["safety.housing"] = "homeless"
        let reported = IntakeFindings(draft: draft, bank: IntakeTestData.bank, today: today)
        #expect(reported.reported == [.receivesCalWORKs, .openChildWelfareCase])
        #expect(reported.concerns.contains(.housingInstability))
    }

    @Test("Sarah's intake, attached to her past CalWORKs case")
    func sarah() {
        let known = KnownFamily(
            involvements: [Involvement(householdId: 1, component: .cashAid, status: .closed,
                                       startDate: CalendarDate("2020-11-23"), endDate: CalendarDate("2023-11-23"), workerId: 1)])
        let result = outcome(IntakeTestData.sarah(), known: known)
        #expect(result.tier.tier == .earlyIntervention)
        #expect(result.tier.reasons.first == "Not on CalWORKs now; a past CalWORKs case closed 11/23/2023.")
        #expect(result.recommendations.map(\.action) == [
            "Ask CalWORKs about the family's past case (closed 11/23/2023); the family may be eligible again",
            "Request an expedited CalWORKs appointment",
            "Keep recovery support going: substance use treatment as a CalWORKs supportive service",
            "Arrange child care so that Emma can go back to school",
            "Employment services (Welfare-to-Work) to find work again",
            "Make the home safe: outlet covers, locked storage for cleaning supplies, a home-safety referral",
        ])
        #expect(!result.ab2085.appliesPovertyRule)
        #expect(result.ab2085.explanation == "Not only economic: substance use, home safety hazards, school absences recorded.")
    }

    @Test("a family on CalWORKs: contact its worker; Path 1 only while no in-person response is assigned")
    func onCalWORKs() {
        var draft = IntakeTestData.sarah()
        draft.answers["household.receivingCalWORKs"] = "yes"
        let worker = Worker(name: "Ana Ruiz", program: .calworks, office: "Central", role: .caseworker, phone: "559-555-0142")
        let list = actions(draft, known: KnownFamily(calworksWorker: worker))
        #expect(list.first == "Contact the CalWORKs caseworker: Ana Ruiz (CalWORKs, 559-555-0142)")
        // A 10-day in-person response meets the statutory definitions: not Path 1 (C14).
        #expect(list.contains("Connect the family to early-intervention services from community providers"))
        #expect(!list.contains { $0.contains("Path 1") })
        draft.answers["referral.responseType"] = nil
        #expect(actions(draft).contains("Connect the family to Differential Response Path 1 or other early-intervention services"))
        #expect(!list.contains("Request an expedited CalWORKs appointment"))
        #expect(!list.contains("Invite the CalWORKs worker to the Child and Family Team meeting"))
    }

    @Test("removal considered for a CalWORKs family: CFT invitation, AB 429 and AB 135")
    func removalConsidered() {
        var draft = IntakeTestData.sarah()
        draft.answers["household.receivingCalWORKs"] = "yes"
        draft.answers["safety.removalConsidered"] = "yes"
        let list = actions(draft)
        #expect(list.contains("Invite the CalWORKs worker to the Child and Family Team meeting"))
        #expect(list.contains("If a child is removed: keep the parent's Welfare-to-Work services under AB 429"))
        #expect(list.contains("If a child is removed: cash aid and child care for up to six months under AB 135"))
        draft.answers["household.receivingCalWORKs"] = "no"
        #expect(!actions(draft).contains { $0.contains("AB 429") })
        // Applying is not receiving (C20, C21): no AB 429 or AB 135 for a pending application.
        let applied = Involvement(householdId: 1, component: .cashAid, status: .pending, startDate: today.adding(days: -5))
        #expect(!actions(draft, known: KnownFamily(involvements: [applied])).contains { $0.contains("AB 429") })
        #expect(actions(draft, known: KnownFamily(involvements: [applied])).contains { $0.hasPrefix("Contact the CalWORKs caseworker") })
    }

    @Test("only economic concerns: poverty alone is not general neglect")
    func ab2085() {
        var draft = IntakeDraft(bankVersion: 1, members: [MemberEntry(firstName: "Ana", lastName: "Cruz", relationship: "head")])
        draft.answers = ["financial.food": "no", "financial.childCare": "yes", "financial.employment": "recentJobLoss", "safety.seriousHarm": "no"]
        let check = outcome(draft).ab2085
        #expect(check.result == .povertyAloneIsNotNeglect(economic: [.jobLoss, .foodInsecurity, .childCareNeed]))
        #expect(check.explanation.hasPrefix("Every concern recorded is economic (recent job loss, not enough food, no child care)"))
        #expect(check.explanation.contains("a parent's economic disadvantage alone is not general neglect"))
        let list = actions(draft)
        #expect(list.contains("Request an expedited CalWORKs appointment"))
        #expect(list.contains("Connect the family to food assistance"))
        #expect(list.contains("Arrange child care"))
        draft.answers["safety.seriousHarm"] = "yes"
        #expect(outcome(draft).ab2085.result == .seriousHarmRecorded)
        #expect(AB2085Check(concerns: [], seriousHarmAnswer: "").result == .nothingRecorded)
        #expect(AB2085Check(concerns: [.housingInstability], seriousHarmAnswer: "yes").result == .seriousHarmRecorded)
        #expect(AB2085Check(concerns: [.jobLoss, .domesticViolence], seriousHarmAnswer: "no").result == .notOnlyEconomic(other: [.domesticViolence]))
    }

    @Test("AB 2085 with the serious-harm question unknown or blank concludes nothing, and says what to find out")
    func ab2085Unknown() {
        for answer in ["unknown", ""] {
            let check = AB2085Check(concerns: [.foodInsecurity, .jobLoss], seriousHarmAnswer: answer)
            #expect(check.result == .riskNotYetKnown(economic: [.jobLoss, .foodInsecurity]))
            #expect(!check.appliesPovertyRule)
            #expect(check.awaitsSeriousHarmAnswer)
            #expect(check.explanation.contains("AB 2085 cannot be applied yet"))
            #expect(check.explanation.contains("then answer the serious-harm question"))
            #expect(!check.explanation.contains("Offer concrete supports instead"))
        }
    }

    @Test("a baby in a CalWORKs family: home visiting")
    func homeVisiting() {
        var draft = IntakeTestData.sarah()
        draft.answers["household.receivingCalWORKs"] = "yes"
        draft.members.append(MemberEntry(firstName: "Noah", lastName: "Mitchell", dateOfBirth: "03/01/2026", relationship: "child"))
        #expect(actions(draft).contains("Offer home visiting (Nurse-Family Partnership or Healthy Families America)"))
        draft.members.removeLast()
        #expect(!actions(draft).contains { $0.hasPrefix("Offer home visiting") })
        // ACL 23-90: any pregnant CalWORKs member qualifies.
        draft.answers["household.pregnant"] = "yes"
        let pregnant = outcome(draft).recommendations.first { $0.action.hasPrefix("Offer home visiting") }
        #expect(pregnant?.source.contains("ACL 23-90") == true)
        // Neither on CalWORKs nor in financial need: not apparently eligible.
        var comfortable = IntakeDraft(bankVersion: 1, members: [MemberEntry(firstName: "Ana", lastName: "Cruz", relationship: "head")])
        comfortable.answers = ["household.pregnant": "yes", "household.receivingCalWORKs": "no"]
        #expect(!actions(comfortable).contains { $0.hasPrefix("Offer home visiting") })
    }

    @Test("a caretaker relative is connected to CalWORKs services")
    func caretakerRelative() {
        var draft = IntakeTestData.sarah()
        #expect(!actions(draft).contains("Connect the caretaker relative to CalWORKs services"))
        draft.answers["household.caretakerRelative"] = "yes"
        #expect(actions(draft).contains("Connect the caretaker relative to CalWORKs services"))
    }

    @Test("a Welfare-to-Work sanction or non-compliance, from the intake or CalSAWS, is to be cured")
    func welfareToWorkCure() {
        var draft = IntakeTestData.sarah()
        #expect(!actions(draft).contains { $0.contains("cure") })
        draft.answers["financial.wtwStatus"] = "nonCompliance"
        #expect(actions(draft).contains("Help the parent cure the Welfare-to-Work non-compliance: agree with the CalWORKs worker on the activities that lift it"))
        draft.answers["financial.wtwStatus"] = "curingSanction"
        #expect(actions(draft).contains("Support the parent in finishing the sanction cure with the CalWORKs worker"))
        draft.answers["financial.wtwStatus"] = nil
        let sanctioned = Involvement(householdId: 1, component: .welfareToWork, status: .open, startDate: today.adding(days: -90),
                                     welfareToWorkStatus: .sanction)
        #expect(actions(draft, known: KnownFamily(involvements: [sanctioned]))
            .contains("Help the parent cure the Welfare-to-Work sanction: agree with the CalWORKs worker on the activities that lift it"))
        // The CalSAWS record wins over what the family said: a registered participant's
        // "sanction" at intake asks for no cure, and a recorded sanction is not hidden by "registered".
        let registered = Involvement(householdId: 1, component: .welfareToWork, status: .open, startDate: today.adding(days: -90),
                                     welfareToWorkStatus: .registered)
        draft.answers["financial.wtwStatus"] = "sanction"
        #expect(!actions(draft, known: KnownFamily(involvements: [registered])).contains { $0.contains("cure") })
        draft.answers["financial.wtwStatus"] = "registered"
        #expect(actions(draft, known: KnownFamily(involvements: [sanctioned])).contains { $0.contains("cure the Welfare-to-Work sanction") })
    }

    @Test("a parent who works with hours cut is not told to find work again")
    func hoursCut() {
        var draft = IntakeTestData.sarah()
        draft.answers["financial.employment"] = "hoursCut"
        let list = actions(draft)
        #expect(list.contains("Employment services (Welfare-to-Work) toward more hours or better-paid work"))
        #expect(!list.contains("Employment services (Welfare-to-Work) to find work again"))
        #expect(outcome(draft).findings.concerns.contains(.financialHardship))
    }

    @Test("ICWA and protective factors each add their action; an intake is an ER referral, so never primary prevention")
    func otherActions() {
        var draft = IntakeDraft(bankVersion: 1, members: [MemberEntry(firstName: "Ana", lastName: "Cruz", relationship: "head")])
        draft.answers = ["household.receivingCalWORKs": "yes", "icwa.ancestry": "yes", "pf.connections": "needsSupport", "pf.resilience": "strength"]
        let list = actions(draft)
        #expect(list.contains("Continue the ICWA inquiry and identify the tribe(s) named"))
        #expect(!list.contains { $0.hasPrefix("Treat this as an ICWA case") }, "possible ancestry is not reason to know")
        #expect(list.contains("Connect the parent to a parent group or family resource center"))
        #expect(!list.contains("Support the parent through the current crisis (coping, stress, a trusted contact)"))
        // The intake is itself an ER referral, so a CalWORKs family is early intervention.
        #expect(outcome(draft).tier.tier == .earlyIntervention)
        draft.answers["icwa.ancestry"] = "unknown"
        #expect(actions(draft).contains("Complete the ICWA inquiry: ask the parents and extended family about Native American ancestry"))
        draft.answers["icwa.reasonToKnow"] = "yes"
        #expect(actions(draft).contains("Treat this as an ICWA case: hold the first Child and Family Team meeting within 30 days of placement"))
        draft.answers["icwa.ancestry"] = "no"
        draft.answers["icwa.reasonToKnow"] = nil
        #expect(!actions(draft).contains { $0.contains("ICWA") })
    }

    @Test("the response, SDM and coordination clocks")
    func clocks() throws {
        let pacific = TimeZone(identifier: "America/Los_Angeles")!
        var draft = IntakeTestData.sarah()
        draft.answers["referral.responseType"] = "immediate"
        draft.answers["referral.receivedDate"] = "11/20/2026"  // a Friday
        draft.answers["referral.receivedTime"] = "16:45"
        draft.answers["referral.firstContactDate"] = "11/20/2026"
        let clocks = IntakeClocks.clocks(for: draft, settings: IntakeSettings(), timeZone: pacific)
        #expect(clocks.map(\.name) == ["In-person response (immediate)", "SDM safety assessment", "Linkages coordination"])
        let received = CalendarDate("2026-11-20")!.instant(hour: 16, minute: 45, timeZone: pacific)
        #expect(clocks[0].due == .moment(received.addingTimeInterval(86_400)))
        #expect(clocks[1].due == .day(CalendarDate("2026-11-24")!))  // Monday, Tuesday
        #expect(clocks[2].due == .day(CalendarDate("2026-11-27")!))  // five working days
        let now = received.addingTimeInterval(3 * 3600)
        #expect(clocks[0].status(now: now, today: CalendarDate("2026-11-20")!, timeZone: pacific)
            == ("met: first contact 11/20/2026, family seen", false))
        var open = clocks[0]
        open.contacts = []
        #expect(open.status(now: now, today: CalendarDate("2026-11-20")!, timeZone: pacific).text == "due 11/21/2026 16:45 · 21 h left")
        let late = received.addingTimeInterval(26 * 3600)
        #expect(open.status(now: late, today: CalendarDate("2026-11-21")!, timeZone: pacific) == ("due 11/21/2026 16:45 · OVERDUE by 2 h", true))
        open.contacts = [ResponseContact(day: CalendarDate("2026-11-23")!, outcome: .completed)]
        #expect(open.status(now: late, today: CalendarDate("2026-11-23")!, timeZone: pacific)
            == ("first contact 11/23/2026, 2 days late, family seen", false))
        #expect(open.shortStatus(now: late, today: CalendarDate("2026-11-23")!, timeZone: pacific) == ("met late", false))
        #expect(clocks[0].shortStatus(now: now, today: CalendarDate("2026-11-20")!, timeZone: pacific) == ("met", false))
        // With its time known, a contact on the due day is compared to the minute: 16:40 is in
        // time, 17:10 twenty-five minutes late; without a time, the due day is enough.
        let dueDay = CalendarDate("2026-11-21")!
        #expect(open.isInTime(ResponseContact(day: dueDay, time: ClockTime("16:40"), outcome: .completed), timeZone: pacific))
        let afterDue = ResponseContact(day: dueDay, time: ClockTime("17:10"), outcome: .completed)
        #expect(open.lateness(of: afterDue, timeZone: pacific) == "25 min late")
        #expect(open.lateness(of: ResponseContact(day: dueDay, time: ClockTime("19:00"), outcome: .completed), timeZone: pacific) == "3 h late")
        #expect(open.isInTime(ResponseContact(day: dueDay, outcome: .completed), timeZone: pacific))
        // An attempt in time answers 2B [C8]; the family still has to be seen [C10].
        open.contacts = [ResponseContact(day: dueDay, time: ClockTime("10:00"), outcome: .attempted)]
        #expect(open.status(now: late, today: dueDay, timeZone: pacific)
            == ("met: first contact 11/21/2026 10:00, attempted, family not seen; record the visit when the family is seen", false))
        #expect(open.shortStatus(now: late, today: dueDay, timeZone: pacific) == ("attempted", false))
        open.contacts.append(afterDue)
        #expect(open.status(now: late, today: dueDay, timeZone: pacific).text
            == "met: first contact 11/21/2026 10:00, attempted, family not seen; seen 11/21/2026 17:10")
        #expect(open.shortStatus(now: late, today: dueDay, timeZone: pacific) == ("met", false))
        #expect(open.firstCompletedContact == afterDue)
        open.contacts = []
        #expect(open.shortStatus(now: now, today: CalendarDate("2026-11-20")!, timeZone: pacific) == ("21 h left", false))
        #expect(open.shortStatus(now: late, today: CalendarDate("2026-11-21")!, timeZone: pacific) == ("OVERDUE", true))
        #expect(clocks[0].isInPersonResponse && !clocks[1].isInPersonResponse)
        #expect(clocks[1].status(now: now, today: CalendarDate("2026-11-25")!).text == "due 11/24/2026 · OVERDUE by 1 day")
        #expect(clocks[2].status(now: now, today: CalendarDate("2026-11-27")!).text == "due 11/27/2026 · today")

        draft.answers["referral.responseType"] = "tenDay"
        let tenDay = IntakeClocks.clocks(for: draft, settings: IntakeSettings(coordinationWorkingDays: 3, holidays: [CalendarDate("2026-11-26")!]))
        #expect(tenDay[0].due == .day(CalendarDate("2026-11-30")!))
        #expect(tenDay[2].due == .day(CalendarDate("2026-11-25")!))
        #expect(CalendarDate("2026-11-25")!.adding(workingDays: 2, holidays: [CalendarDate("2026-11-26")!]) == CalendarDate("2026-11-30"))
        #expect(tenDay[0].status(now: now, today: CalendarDate("2026-11-21")!) == ("met: first contact 11/20/2026, family seen", false))
        // Contacts recorded after the intake count with the one typed on it; an attempt does not
        // start the safety assessment, which is made with the family.
        draft.answers["referral.firstContactDate"] = nil
        let attempt = ResponseContact(day: CalendarDate("2026-11-22")!, outcome: .attempted, recordedBy: "mbell")
        let recorded = IntakeClocks.clocks(for: draft, settings: IntakeSettings(), recorded: [attempt])
        #expect(recorded[0].firstContact == attempt && recorded.count == 2 && recorded[1].name == "Linkages coordination")
        draft.answers["referral.firstContactDate"] = "11/20/2026"

        // C27: a child in protective custody moves the coordination to before the court presentation.
        draft.answers["safety.protectiveCustody"] = "yes"
        let custody = IntakeClocks.clocks(for: draft, settings: IntakeSettings())
        #expect(custody[2].due == .before("the court presentation (usually 18-25 days)"))
        #expect(custody[2].status(now: now, today: CalendarDate("2026-12-30")!) == ("before the court presentation (usually 18-25 days)", false))
        #expect(custody[2].rule.contains("protective custody"))
    }

    @Test("reported involvement counts for the tier, and says it is not confirmed")
    func reportedTier() {
        let reported = TierRules.assess(involvements: [], concerns: [], reported: [.receivesCalWORKs], on: today)
        #expect(reported.tier == .primaryPrevention)
        #expect(reported.reasons.first == "The family says it receives CalWORKs (not yet confirmed: this counts until CalSAWS has a record of the family).")
        let mutual = TierRules.assess(involvements: [], concerns: [], reported: [.receivesCalWORKs, .openChildWelfareCase], on: today)
        #expect(mutual.tier == .mutualClient)
        #expect(mutual.reasons.contains("The family says a Child Welfare case is open (not yet confirmed: this counts until CWS/CMS has a record of the family)."))
        let past = TierRules.assess(involvements: [], concerns: [], reported: [.receivesCalWORKs, .pastChildWelfare], on: today)
        #expect(past.tier == .earlyIntervention)
    }
}
