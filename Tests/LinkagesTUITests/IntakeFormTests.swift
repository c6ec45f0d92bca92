import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

@Suite("The ER intake form")
struct IntakeFormTests {
    /// A fresh demo database (intake tests write), on the ER intake screen.
    func onIntakeScreen() throws -> (ScreenDriver, AppDatabase) {
        let database = try Fixtures.demoDatabase()
        var d = ScreenDriver(database: database)
        d.press(.char("i"))
        return (d, database)
    }

    func form(_ d: ScreenDriver) throws -> IntakeFormScreen {
        try #require(d.top(as: IntakeFormScreen.self))
    }

    @Test("n starts an intake: a draft is made and the form opens on its first field")
    func newIntake() throws {
        var (d, database) = try onIntakeScreen()
        d.press(.char("n"))
        let form = try form(d)
        #expect(form.focus == .question("referral.number"))
        #expect(form.draft?.answers["referral.receivedDate"] == "11/23/2026")
        #expect(try database.intakeDrafts(account: "tester").count == 1)
        #expect(d.screen.contains("The referral"))
    }

    @Test("every key that changes the draft saves it before the next key")
    func savesEveryKey() throws {
        var (d, database) = try onIntakeScreen()
        d.press(.char("n"))
        let before = d.effectsRun.count
        d.type("R-1")
        let saves = d.effectsRun.dropFirst(before).filter { if case .saveIntakeDraft = $0 { return true } else { return false } }
        #expect(saves.count == 3)
        let id = try form(d).intakeId
        #expect(try database.intake(id: id)?.draft.answers["referral.number"] == "R-1")
        #expect(Effect.saveIntakeDraft(id: id, IntakeDraft(bankVersion: 1)).runsBeforeNextKey)
        d.press(.tab)
        #expect(try database.intake(id: id)?.draft.fieldKey == "question:referral.receivedDate")
    }

    @Test("Tab, Shift-Tab, PgDn and PgUp move through fields and sections")
    func navigation() throws {
        var (d, _) = try onIntakeScreen()
        d.press(.char("n"))
        d.press(.tab, .tab)
        #expect(try form(d).focus == .question("referral.receivedTime"))
        d.press(.backTab)
        #expect(try form(d).focus == .question("referral.receivedDate"))
        d.press(.pageDown)
        #expect(try form(d).focus == .member(0, .firstName))
        #expect(try form(d).sectionIndex == 1)
        d.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(try form(d).focus == .finish)
        d.press(.pageUp)
        #expect(try form(d).focus == .question("voice.wants"))
    }

    @Test("an impossible date is kept as typed, marked in the section list and explained")
    func invalidDate() throws {
        var (d, _) = try onIntakeScreen()
        d.press(.char("n"), .pageDown, .tab, .tab)
        d.type("02/30/1994")
        #expect(try form(d).draft?.members[0].dateOfBirth == "02/30/1994")
        #expect(d.screen.contains("! February 1994 has no day 30."))
        #expect(d.lines.contains { $0.contains("Household") && $0.hasSuffix("!") || $0.contains("Household        !") })
        d.press(.ctrl("s"))
        #expect(d.screen.contains("Not ready to finish"))
        d.press(.enter)
        #expect(d.state.message?.hasPrefix("Still needed:") == true)
        #expect(d.state.confirmation == nil)
    }

    @Test("choices answer with a letter, arrows or Space")
    func choices() throws {
        var (d, _) = try onIntakeScreen()
        d.press(.char("n"), .tab, .tab, .tab)
        #expect(try form(d).focus == .question("referral.responseType"))
        d.type("i")
        #expect(try form(d).draft?.answers["referral.responseType"] == "immediate")
        d.press(.right)
        #expect(try form(d).draft?.answers["referral.responseType"] == "tenDay")
        d.press(.char(" "))
        #expect(try form(d).draft?.answers["referral.responseType"] == "immediate")
        d.press(.backspace)
        #expect(try form(d).draft?.answers["referral.responseType"] == "")
    }

    @Test("members are added with Enter on “Add a member”, removed after a confirmation")
    func members() throws {
        var (d, _) = try onIntakeScreen()
        d.press(.char("n"), .pageDown)
        d.type("Ana")
        d.press(.tab, .tab, .tab, .tab, .tab)
        #expect(try form(d).focus == .member(0, .cin), "after the first line, the second: CIN and SSN")
        d.press(.tab, .tab)
        #expect(try form(d).focus == .addMember)
        d.press(.enter)
        #expect(try form(d).draft?.members.count == 2)
        #expect(try form(d).focus == .member(1, .firstName))
        d.type("Tom")
        d.press(.ctrl("d"))
        #expect(d.state.confirmation?.question == "Remove Tom from this intake?")
        d.press(.char("n"))
        #expect(try form(d).draft?.members.count == 2)
        d.press(.ctrl("d"), .char("y"))
        #expect(try form(d).draft?.members.map(\.firstName) == ["Ana"])
    }

    @Test("typing a member who is already known offers to attach the intake to that family")
    func attach() throws {
        var (d, database) = try onIntakeScreen()
        d.press(.char("n"), .pageDown)
        d.play([.text("Sarah"), .key(.tab), .text("Mitchell"), .key(.tab), .text("09/10/1994")])
        let known = try form(d).knownRecords
        #expect(known.first?.familyName == "Mitchell, Sarah")
        #expect(d.screen.contains("Known records"))
        d.press(.ctrl("o"))
        #expect(try form(d).picker != nil)
        #expect(d.screen.contains("Attach to a family Linkages knows"))
        d.press(.escape)
        #expect(try form(d).picker == nil)
        #expect(d.top(as: IntakeFormScreen.self) != nil)
        d.press(.ctrl("o"), .enter)
        let id = try form(d).intakeId
        #expect(try database.intake(id: id)?.draft.attachedFamilyId == known.first?.familyId)
        #expect(try form(d).attached?.known.involvements.contains { $0.program == .calworks } == true)
        #expect(d.screen.contains("Attached to"))

        // From the outcome, the family can be referred at once; the draft stays where it was.
        d.press(.ctrl("s"), .char("n"))
        let form = try #require(d.top(as: NewReferralScreen.self))
        #expect(form.familyId == known.first?.familyId)
        d.press(.escape)
        #expect(d.top(as: IntakeFormScreen.self)?.isOutcome == true)
    }

    @Test("Sarah's intake: the outcome follows the logic model, and finishing saves it to her family")
    func sarahsIntake() throws {
        var (d, database) = try onIntakeScreen()
        d.press(.char("n"))
        d.play(SarahsIntake.referral + SarahsIntake.household)
        d.press(.ctrl("o"), .enter)
        d.play(SarahsIntake.financial + SarahsIntake.safety + SarahsIntake.icwa + SarahsIntake.protectiveFactors
               + SarahsIntake.familyVoice + [.key(.ctrl("s"))])
        let form = try form(d)
        #expect(form.problems.isEmpty)
        #expect(form.draft?.members.map(\.firstName) == ["Sarah", "Emma", "Jack", "Lily"])
        #expect(form.draft?.answers["pf.resilience"] == "some")
        #expect(form.draft?.answers["pf.connections"] == "needsSupport")
        let outcome = try #require(form.outcome)
        #expect(outcome.tier.tier == .earlyIntervention)
        let actions = outcome.recommendations.map(\.action)
        #expect(actions.contains("Arrange child care so that Emma can go back to school"))
        #expect(actions.contains("Request an expedited CalWORKs appointment"))
        #expect(actions.contains("Keep recovery support going: substance use treatment as a CalWORKs supportive service"))
        #expect(actions.contains("Connect the parent to a parent group or family resource center"))
        #expect(d.screen.contains("Linkages tier: Early intervention"))
        d.press(.enter)
        #expect(d.state.confirmation?.confirmLabel == "save it")
        d.press(.char("y"))
        let family = try #require(d.top(as: FamilyScreen.self))
        #expect(family.detail?.family.displayName == "Mitchell, Sarah")
        #expect(family.detail?.records.map(\.household.source) == [.calworks, .childWelfare, .intake])
        #expect(d.state.message == "Intake saved to the family's records.")
        #expect(try database.intakeDrafts(account: "tester").isEmpty)
    }

    @Test("Esc leaves the form and keeps the draft; the drafts list resumes or discards it")
    func draftsList() throws {
        var (d, database) = try onIntakeScreen()
        d.press(.char("n"))
        d.type("R-9")
        d.press(.escape)
        #expect(d.top(as: IntakeScreen.self) != nil)
        d.press(.char("d"))
        #expect(d.top(as: DraftsScreen.self)?.list.rows?.count == 1)
        d.press(.enter)
        #expect(try form(d).draft?.answers["referral.number"] == "R-9")
        #expect(try form(d).focus == .question("referral.number"))
        d.press(.escape)
        d.press(.char("x"))
        #expect(d.state.confirmation != nil)
        d.press(.enter)
        #expect(try database.intakeDrafts(account: "tester").isEmpty)
        #expect(d.state.message == "Draft discarded.")
    }

    @Test("an unfinished intake is offered at start, where it was left")
    func offeredAtStart() throws {
        let database = try Fixtures.demoDatabase()
        var draft = IntakeDraft(bankVersion: 1, members: [MemberEntry(firstName: "Sarah", lastName: "Mitchell", dateOfBirth: "09/10/19")])
        draft.sectionIndex = 1
        draft.fieldKey = "member.0.dateOfBirth"
        _ = try database.createIntakeDraft(account: "tester", draft: draft, at: Fixtures.now)
        var d = ScreenDriver(database: database)
        #expect(d.top(as: HomeScreen.self)?.offeredDraft?.label == "Mitchell, Sarah")
        #expect(d.screen.contains("Unfinished intake"))
        d.press(.enter)
        let form = try form(d)
        #expect(form.focus == .member(0, .dateOfBirth))
        #expect(form.lineEditor.text == "09/10/19")
        d.press(.escape)
        #expect(d.top(as: HomeScreen.self)?.offeredDraft == nil)
        #expect(!d.screen.contains("Unfinished intake"))
    }
}
