import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Intakes in the database")
struct IntakeStoreTests {
    static let time = Fixtures.now

    /// Sarah's family as a caseworker enters it (the same answers as the domain tests).
    static func sarah() -> IntakeDraft {
        IntakeDraft(
            bankVersion: 1,
            members: [
                MemberEntry(firstName: "Sarah", lastName: "Mitchell", dateOfBirth: "09/10/1994", relationship: "head", sex: "female"),
                MemberEntry(firstName: "Emma", lastName: "Mitchell", dateOfBirth: "05/06/2016", relationship: "child", sex: "female"),
            ],
            answers: [
                "referral.number": "R-2611-0194", "referral.receivedDate": "11/21/2026", "referral.responseType": "tenDay",
                "household.street": "418 Magnolia Ave", "household.city": "Fresno",
                "household.receivingCalWORKs": "no", "financial.employment": "recentJobLoss", "financial.childCare": "yes",
                "safety.homeHazards": "yes", "safety.substanceUse": "yes", "icwa.ancestry": "no",
            ])
    }

    @Test("a draft is saved as typed, listed for its worker only, and can be discarded")
    func drafts() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        var draft = IntakeDraft(bankVersion: 1)
        let id = try database.createIntakeDraft(account: "ana", draft: draft, at: Self.time)
        draft.members[0].firstName = "Sar"
        draft.members[0].dateOfBirth = "02/30/1994"  // invalid, and kept
        draft.fieldKey = "member.0.dateOfBirth"
        try database.saveIntakeDraft(id: id, draft: draft, at: Self.time.addingTimeInterval(5))
        let stored = try #require(try database.intake(id: id))
        #expect(stored.draft == draft)
        #expect(stored.status == .draft)
        #expect(stored.updatedAt == Self.time.addingTimeInterval(5))
        #expect(try database.intakeDrafts(account: "ana").map(\.label) == ["Sar"])
        #expect(try database.intakeDrafts(account: "marcus").isEmpty)
        try database.discardIntakeDraft(id: id, by: "tester", at: Date())
        #expect(try database.intake(id: id) == nil)
        #expect(throws: IntakeError.notFound) { try database.saveIntakeDraft(id: id, draft: draft, at: Self.time) }
    }

    @Test("finishing makes the family, household, people, ER referral and concerns in one go")
    func finishNewFamily() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        try database.addWorker(Worker(account: "mbell", name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker))
        let id = try database.createIntakeDraft(account: "mbell", draft: Self.sarah(), at: Self.time)
        let familyId = try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "mbell", at: Self.time, today: Fixtures.today)
        let detail = try #require(try database.familyDetail(id: familyId, on: Fixtures.today))
        #expect(detail.family.displayName == "Mitchell, Sarah")
        let record = try #require(detail.records(from: .intake).first)
        #expect(record.household.sourceKey == "R-2611-0194")
        #expect(record.household.addressLine == "418 Magnolia Ave, Fresno")
        #expect(record.people.map(\.fullName) == ["Sarah Mitchell", "Emma Mitchell"])
        #expect(record.people.map(\.caseRole) == [.parent, .child])
        #expect(record.people[1].dateOfBirth == CalendarDate("2016-05-06"))
        #expect(record.involvements.map(\.component) == [.emergencyResponse])
        #expect(record.involvements[0].startDate == CalendarDate("2026-11-21"))
        #expect(record.involvements[0].workerId != nil)
        #expect(detail.concerns.map(\.kind) == [.jobLoss, .childCareNeed, .substanceUse, .homeSafetyHazard])
        #expect(detail.tier.tier == .earlyIntervention)
        #expect(try database.intake(id: id)?.status == .finished)
        #expect(try database.intake(id: id)?.familyId == familyId)
        #expect(try database.intakeDrafts(account: "mbell").isEmpty)
        #expect(throws: IntakeError.alreadyFinished) {
            try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "mbell", at: Self.time, today: Fixtures.today)
        }
    }

    @Test("an attached intake adds to the known family, without repeating its concerns")
    func finishAttached() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try #require(try database.searchFamilies("sarah mitchell", on: Fixtures.today).first)
        var draft = Self.sarah()
        draft.attachedFamilyId = sarah.familyId
        draft.answers["safety.domesticViolence"] = "yes"
        let before = try #require(try database.familyDetail(id: sarah.familyId, on: Fixtures.today))
        let familyCount = try database.homeSummary(on: Fixtures.today).familyCount
        let id = try database.createIntakeDraft(account: "tester", draft: draft, at: Self.time)
        let familyId = try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "tester", at: Self.time, today: Fixtures.today)
        #expect(familyId == sarah.familyId)
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == familyCount)
        let after = try #require(try database.familyDetail(id: familyId, on: Fixtures.today))
        #expect(after.records.map(\.household.source) == [.calworks, .childWelfare, .intake])
        #expect(after.concerns.count == before.concerns.count + 1)
        #expect(after.concerns.last?.kind == .domesticViolence)
        #expect(after.concerns.last?.note == "From the ER intake of 11/23/2026.")
    }

    @Test("a draft with a problem or a missing answer is not saved to the records")
    func notReady() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        var draft = Self.sarah()
        draft.members[1].dateOfBirth = "09/10/1990"  // older than the parent
        draft.answers["referral.responseType"] = ""
        let id = try database.createIntakeDraft(account: "ana", draft: draft, at: Self.time)
        #expect(throws: IntakeError.notReady([
            "the response decision (immediate or 10 days)",
            "Emma is recorded as a child but is not younger than Sarah: check both dates of birth.",
        ])) {
            try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "ana", at: Self.time, today: Fixtures.today)
        }
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 0)
        #expect(try database.intake(id: id)?.status == .draft)
    }

    @Test("what the family reported at intake counts for its tier afterwards")
    func reportedFactsCount() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        var draft = Self.sarah()
        draft.answers["household.receivingCalWORKs"] = "yes"
        draft.answers["household.cwsInvolvement"] = "openCase"
        let id = try database.createIntakeDraft(account: "ana", draft: draft, at: Self.time)
        let familyId = try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "ana", at: Self.time, today: Fixtures.today)
        let tier = try #require(try database.familyDetail(id: familyId, on: Fixtures.today)).tier
        #expect(tier.tier == .mutualClient)
        #expect(tier.reasons.first == "The family says it receives CalWORKs (not yet confirmed: this counts until CalSAWS has a record of the family).")
    }

    @Test("known records: same name and birth date first, then same surname and birth date")
    func knownRecords() throws {
        let database = try Fixtures.demoDatabase()
        let exact = try database.knownRecords(for: [MemberEntry(firstName: "sarah", lastName: "mitchel", dateOfBirth: "09/10/1994")], by: "test", at: Fixtures.now)
        #expect(exact.first?.familyName == "Mitchell, Sarah")
        #expect(exact.first?.people.first?.reason == "same name and birth date")
        #expect(exact.first?.sources == [.calworks, .childWelfare])
        let nickname = try database.knownRecords(for: [MemberEntry(firstName: "Em", lastName: "Mitchell", dateOfBirth: "05/06/2016")], by: "test", at: Fixtures.now)
        #expect(nickname.first?.familyName == "Mitchell, Sarah")
        let surnameAndBirth = try database.knownRecords(for: [MemberEntry(firstName: "Emily", lastName: "Mitchell", dateOfBirth: "05/06/2016")], by: "test", at: Fixtures.now)
        #expect(surnameAndBirth.first?.people.first?.reason == "same surname and birth date")
        let accents = try database.knownRecords(for: [MemberEntry(firstName: "Jose", lastName: "Nunez Garcia")], by: "test", at: Fixtures.now)
        #expect(accents.first?.familyName == "Núñez-García, José")
        #expect(try database.knownRecords(for: [MemberEntry(firstName: "Zed", lastName: "Q")], by: "test", at: Fixtures.now).isEmpty)
    }

    @Test("a CIN typed at intake finds the member's CalSAWS record though the surname is spelled another way; saved with the SSN, a lookup by CIN finds the family")
    func identifiers() throws {
        let database = try Fixtures.demoDatabase()
        // Mai Yer Vang's CalSAWS CIN, typed in small letters, her surname as "Vanng".
        let typed = MemberEntry(firstName: "Mai", lastName: "Vanng", dateOfBirth: "", relationship: "head", sex: "female", cin: " 96620930v ")
        let known = try database.knownRecords(for: [typed], by: "test", at: Fixtures.now)
        #expect(known.first?.familyName == "Vang, Mai Yer")
        #expect(known.first?.people.first?.reason == "same CIN")
        #expect(try database.knownRecords(for: [MemberEntry(cin: "96620930V")], by: "test", at: Fixtures.now).first?.familyName == "Vang, Mai Yer",
                "a CIN alone is enough to look")
        // A new family, with a CIN and an SSN typed with dashes; the SSN of the child a placeholder left out.
        var draft = Self.sarah()
        draft.members = [
            MemberEntry(firstName: "Itzel", lastName: "Quintanilla-Ibáñez", dateOfBirth: "04/02/1991", relationship: "head", sex: "female",
                        cin: "93517264q", ssn: "612-40-7781"),
            MemberEntry(firstName: "Yareli", lastName: "Quintanilla-Ibáñez", dateOfBirth: "08/19/2019", relationship: "child", sex: "female"),
        ]
        draft.answers["referral.number"] = "R-2612-5521"
        let id = try database.createIntakeDraft(account: "mbell", draft: draft, at: Self.time)
        let familyId = try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "mbell", at: Self.time, today: Fixtures.today)
        let people = try #require(try database.familyDetail(id: familyId, on: Fixtures.today)).records(from: .intake).flatMap(\.people)
        #expect(people.first?.cin == "93517264Q" && people.first?.ssn == "612407781")
        let found = try database.lookUp("93517264Q", on: Fixtures.today)
        #expect(found.hits.map(\.familyId) == [familyId])
    }

    @Test("the county's coordination window is a setting")
    func settings() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        #expect(try database.intakeSettings().coordinationWorkingDays == 5)
        try database.setCoordinationWorkingDays(3, by: "tester", at: Date())
        #expect(try database.intakeSettings().coordinationWorkingDays == 3)
    }
}
