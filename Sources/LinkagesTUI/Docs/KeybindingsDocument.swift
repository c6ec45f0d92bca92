import Foundation
import LinkagesDomain
import LinkagesStore

/// docs/keybindings.md, written from the same key tables that drive the screens. A test fails
/// when the committed file differs, so the document cannot go stale.
public enum KeybindingsDocument {
    /// Each screen's key table in the states that change it.
    static func tables(session: Session) -> [(title: String, bindings: [KeyBinding])] {
        let viewport = Size(width: 80, height: 21)
        var lookupResults = LookupScreen()
        _ = lookupResults.perform(.nextFocus, viewport: viewport)
        var referralFilter = ReferralsScreen()
        _ = referralFilter.perform(.startFilter, viewport: viewport)
        var supervisor = session
        supervisor.worker.role = .supervisor
        var offer = HomeScreen(session: session)
        _ = offer.receive(.intakeDrafts([IntakeDraftSummary(id: 1, label: "", createdAt: session.now, updatedAt: session.now)]))

        var disparity = OutcomesScreen(session: session)
        for action in [Action.moveDown, .moveDown, .moveDown, .showDisparity] { _ = disparity.perform(action, viewport: viewport) }

        var emergencyPrompt = FamilyScreen(familyId: 0, session: session)
        _ = emergencyPrompt.perform(.breakGlass, viewport: viewport)

        func form(section: Int, field: FormField, picker: Bool = false) -> [KeyBinding] {
            var screen = IntakeFormScreen(intakeId: 1, session: session)
            var draft = IntakeDraft.new(bank: session.questionBank, today: session.today)
            draft.sectionIndex = section
            draft.fieldKey = field.key
            let record = IntakeRecord(account: "", status: .draft, bankVersion: draft.bankVersion, draft: draft,
                                      createdAt: session.now, updatedAt: session.now)
            _ = screen.receive(.intakeLoaded(id: 1, record))
            _ = screen.receive(.knownRecords(generation: screen.knownGeneration, [
                KnownRecordMatch(familyId: 1, familyName: "", sources: [], people: []),
            ]))
            if picker { _ = screen.perform(.attachFamily, viewport: viewport) }
            return screen.bindings
        }
        let bank = session.questionBank
        let household = bank.sections.firstIndex { $0.includesMembers == true } ?? 0
        let note = bank.sections.indices.first { index in bank.sections[index].questions.contains { $0.kind == .note } } ?? 0
        let noteField = bank.sections[note].questions.first { $0.kind == .note }!.id

        return [
            ("Home (a supervisor's, with emergency openings)", HomeScreen(session: supervisor).bindings),
            ("Home: an unfinished intake is offered", offer.bindings),
            ("ER intake", IntakeScreen(session: session).bindings),
            ("ER intake form: answering questions (household section)", form(section: household, field: .member(0, .firstName))),
            ("ER intake form: typing in a note", form(section: note, field: .question(noteField))),
            ("ER intake form: the outcome", form(section: bank.sections.count, field: .finish)),
            ("ER intake form: attaching to a known family", form(section: household, field: .member(0, .firstName), picker: true)),
            ("Intake drafts", DraftsScreen(session: session).bindings),
            ("Household lookup: typing in the search field", LookupScreen().bindings),
            ("Household lookup: in the list of families", lookupResults.bindings),
            ("Family", FamilyScreen(familyId: 0, session: session).bindings),
            ("Family: typing the reason to break the glass", emergencyPrompt.bindings),
            ("Recording a release", ReleaseFormScreen(familyId: 0, familyName: "", session: session).bindings),
            ("Flagged for review (supervisors)", EmergenciesScreen().bindings),
            ("Releases to approve (supervisors)", ApprovalsScreen(session: supervisor).bindings),
            ("Referrals", ReferralsScreen().bindings),
            ("Any list: typing a `/` filter", referralFilter.bindings),
            ("Case plans", PlansScreen().bindings),
            ("Joint plan", PlanScreen(familyId: 0).bindings),
            ("Team meetings", MeetingsScreen(familyId: 0, today: .distantPast).bindings),
            ("Match review", MatchReviewScreen(session: session).bindings),
            ("Staffing agenda (supervisors)", AgendaScreen().bindings),
            ("Outcomes: every measure", OutcomesScreen(session: session).bindings),
            ("Outcomes: a rate by race/ethnicity", disparity.bindings),
        ]
    }

    public static func markdown(session: Session) -> String {
        var text = """
            # Key bindings

            Generated from the key tables in `Sources/LinkagesTUI` (the same tables that drive the
            screens, the bottom hint bar and the `?` help overlay). Do not edit by hand: run
            `LINKAGES_RECORD_GOLDENS=1 swift test --filter keybindings` to rewrite it after changing a table.

            While a text field has the focus, letters, digits and punctuation are typed into it;
            only the keys that are not characters (Enter, Tab, Esc, arrows, Ctrl and F keys) act as
            commands, and `F1` shows the help. On a choice (Yes / No / Unknown), `←` `→` or Space
            move between the answers and a letter picks the first answer starting with it.

            ## Every screen

            | Keys | What it does |
            | --- | --- |
            | `?` `F1` | \(CommonBindings.help.help) |
            | `Esc`/`q` | \(CommonBindings.back(isHome: false).help) On the home screen, `q` leaves Linkages. |
            | `Ctrl-C` | \(CommonBindings.quit.help) |
            | `y`/`Enter`, `n`/`Esc` | In a "Please confirm" box: go ahead, or cancel. |

            """
        for table in tables(session: session) {
            text += "\n## \(table.title)\n\n| Keys | What it does | In the hint bar |\n| --- | --- | --- |\n"
            for binding in table.bindings {
                let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
                text += "| \(keys) | \(binding.help) | \(binding.inHintBar ? binding.label : "") |\n"
            }
        }
        return text
    }
}
