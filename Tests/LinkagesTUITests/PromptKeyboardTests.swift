import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesTUI

/// While a prompt, a confirmation or a form is open it owns the keyboard: whatever is pressed,
/// the screen beneath changes only through the prompt's own save and cancel, and a refused save
/// leaves the prompt open with its reason.
@Suite("Prompts own the keyboard")
struct PromptKeyboardTests {
    /// Every kind of key a worker can press, the single-letter commands of the screens beneath
    /// among them.
    static let keys: [Key] = {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                           .backspace, .delete, .function(1), .function(2), .ctrl("r"), .ctrl("s")]
        keys += "abcdefghijklmnopqrstuvwxyzRGL?!/ 0123456789éñ".map { Key.char($0) }
        return keys
    }()

    static let keySequences = Gen.int(in: 0...(keys.count - 1)).array(of: 1...30).map { $0.map { keys[$0] } }

    /// The referral shown in a fresh referral screen, for one of the demo's referrals in `status`.
    func referralState(status: ReferralStatus) throws -> AppState {
        let policy = AccessPolicy(viewer: Fixtures.trainer, isPracticeData: true, today: Fixtures.today)
        let row = try #require(try DemoFixture.database.referralRows(.all, for: policy, at: Fixtures.now).first { $0.referral.status == status })
        let d = ScreenDriver(database: DemoFixture.database)
        var state = d.state
        for command in App.apply([.open(.referral(row.id))], to: &state) {
            if case .run(let effect) = command { _ = App.update(&state, .data(d.runner.run(effect))) }
        }
        return state
    }

    /// Presses `keys` on `state` without touching the database: a save is answered with a
    /// refusal, a read with nothing. Checks after every key that the prompt is still open, or
    /// was closed by Esc, and that the screen beneath is as it was.
    func pressRefusingSaves<S: ScreenModel, Beneath: Equatable>(
        _ keys: [Key], on start: AppState, as type: S.Type, isOpen: (S) -> Bool, beneath: (S) -> Beneath,
        closesWith: Set<Key> = [.escape], allowed: (Effect) -> Bool
    ) {
        var state = start
        let stack = start.stack.count
        guard let first = state.top as? S else { Issue.record("the screen did not open"); return }
        let before = beneath(first)
        for key in keys {
            let commands = App.update(&state, .key(key))
            for case .run(let effect) in commands {
                #expect(allowed(effect), "\(key.label) ran \(effect) from the prompt")
                if effect.runsBeforeNextKey { _ = App.update(&state, .data(.failed("Refused for the test."))) }
            }
            if commands.contains(where: { if case .exit = $0 { true } else { false } }) { return }
            // The help overlay takes the next key itself, and gives the prompt back after.
            if state.helpScroll != nil { continue }
            #expect(state.stack.count == stack, "\(key.label) opened or closed a screen under the prompt")
            guard let screen = state.top as? S else { Issue.record("\(key.label) replaced the screen"); return }
            #expect(beneath(screen) == before, "\(key.label) changed the screen beneath the prompt")
            if !isOpen(screen) {
                #expect(closesWith.contains(key), "\(key.label) closed the prompt though its save was refused")
                return
            }
        }
    }

    @Test("a referral's prompts: decline, note, send elsewhere, close, give to a liaison")
    func referralPrompts() throws {
        let prompts: [(ReferralStatus, Key)] = [(.received, .char("d")), (.received, .char("n")), (.declined, .char("t")),
                                                (.accepted, .char("c")), (.sent, .char("g"))]
        for (status, opener) in prompts {
            var start = try referralState(status: status)
            _ = App.update(&start, .key(opener))
            let screen = try #require(start.top as? ReferralScreen)
            if opener == .char("g") && screen.prompt == nil { continue }  // no second liaison for this referral
            #expect(screen.prompt != nil, "\(opener.label) on a \(status) referral opened no prompt")
            let id = screen.referralId
            forAll(Self.keySequences, count: 120) { keys in
                pressRefusingSaves(keys, on: start, as: ReferralScreen.self, isOpen: { $0.prompt != nil },
                                   beneath: { [$0.detail?.referral.status.rawValue ?? "", "\($0.scroll)"] }) { effect in
                    switch effect {
                    case .referralStep(let referral, _, _), .addReferralNote(let referral, _, _), .reassignReferral(let referral, _, _):
                        return referral == id
                    case .searchDirectory: return true
                    default: return false
                    }
                }
            }
        }
    }

    @Test("declining with no reason keeps the prompt open with why, and the reason typed next goes into it")
    func refusedDeclineStaysOpen() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: Fixtures.now)
        let policy = AccessPolicy(viewer: marcus, isPracticeData: true, today: Fixtures.today)
        let family = try #require(try database.searchFamilies("sarah mitchell", on: Fixtures.today).first?.familyId)
        let row = try database.createReferral(
            Referral(familyId: family, fromProgram: .calworks, toProgram: .childWelfare, type: .homeSafety,
                     reason: "Outlets within reach.", createdAt: Fixtures.now), by: ana, at: Fixtures.now)
        try database.takeReferralStep(.send, referralId: row.id!, by: ana, at: Fixtures.now)
        try database.takeReferralStep(.receive, referralId: row.id!, by: marcus, at: Fixtures.now)
        let d = ScreenDriver(database: database, worker: marcus)
        var state = d.state
        for command in App.apply([.open(.referral(row.id!))], to: &state) {
            if case .run(let effect) = command { _ = App.update(&state, .data(d.runner.run(effect))) }
        }
        func press(_ key: Key) {
            for case .run(let effect) in App.update(&state, .key(key)) {
                _ = App.update(&state, .data(d.runner.run(effect)))
            }
        }
        press(.char("d"))
        press(.enter)
        var screen = try #require(state.top as? ReferralScreen)
        #expect(screen.prompt == .declineReason)
        #expect(screen.promptProblem == "Say why the referral is declined.")
        #expect(App.render(state).text.contains("! Say why the referral is declined."))
        // "accepted, closed": every letter a command of the referral screen, typed as the reason.
        for character in "accepted, closed" { press(.char(character)) }
        screen = try #require(state.top as? ReferralScreen)
        #expect(screen.prompt == .declineReason && screen.field.text == "accepted, closed" && screen.promptProblem == nil)
        #expect(try database.referralDetail(id: row.id!, for: policy, at: Fixtures.now)?.referral.status == .received)
        press(.enter)
        let declined = try #require(try database.referralDetail(id: row.id!, for: policy, at: Fixtures.now))
        #expect(declined.referral.status == .declined && declined.events.last?.note == "accepted, closed")
        #expect((state.top as? ReferralScreen)?.prompt == nil)
    }

    @Test("the break-the-glass reason owns the keyboard until the records open or it is cancelled")
    func breakGlassPrompt() throws {
        let marcus = try Fixtures.worker(named: "Marcus Bell", in: DemoFixture.database)
        let d = ScreenDriver(database: DemoFixture.database, worker: marcus)
        // The first demo family whose CalWORKs record Marcus sees only in part.
        var opened: AppState?
        for familyId in Int64(1)...400 {
            var state = d.state
            for command in App.apply([.open(.family(familyId))], to: &state) {
                if case .run(let effect) = command { _ = App.update(&state, .data(d.runner.run(effect))) }
            }
            _ = App.update(&state, .key(.char("!")))
            if (state.top as? FamilyScreen)?.emergencyReason != nil { opened = state; break }
        }
        let start = try #require(opened, "no demo family is shown to Marcus in part")
        forAll(Self.keySequences, count: 150) { keys in
            pressRefusingSaves(keys, on: start, as: FamilyScreen.self, isOpen: { $0.emergencyReason != nil },
                               beneath: { [$0.detail?.family.id ?? 0, $0.detail?.emergencyReason == nil ? 0 : 1] }) { effect in
                if case .breakGlass = effect { return true }
                return false
            }
        }
    }

    @Test("the intake's attach list owns the keyboard: the form beneath changes only when a family is chosen")
    func attachPicker() throws {
        var d = ScreenDriver(database: try Fixtures.demoDatabase())
        d.press(.char("i"), .char("n"))
        d.play(SarahsIntake.referral + SarahsIntake.household)
        d.press(.ctrl("o"))
        let start = d.state
        #expect((start.top as? IntakeFormScreen)?.picker != nil, "\(d.screen)")
        forAll(Self.keySequences, count: 150) { keys in
            pressRefusingSaves(keys, on: start, as: IntakeFormScreen.self, isOpen: { $0.picker != nil },
                               beneath: { [$0.draft.map { "\($0.answers.sorted { $0.key < $1.key })\($0.members)" } ?? "", "\($0.focus)"] },
                               closesWith: [.escape, .char("q"), .enter]) { effect in
                switch effect {
                case .saveIntakeDraft, .loadKnownFamily, .findKnownRecords: return true
                default: return false
                }
            }
        }
    }

    @Test("a confirmation takes only y, Enter, n and Esc: any other key leaves the screen as it was")
    func confirmationOwnsKeys() throws {
        var start = ScreenDriver(database: DemoFixture.database).state
        _ = App.apply([.confirm(Confirmation("Discard the draft?", confirmLabel: "discard it", action: .confirmDiscardDraft))],
                      to: &start)
        let others = Self.keys.filter { ![.enter, .escape, .char("y"), .char("n")].contains($0) }
        forAll(Gen.int(in: 0...(others.count - 1)).array(of: 1...20), count: 100) { picks in
            var state = start
            for key in picks.map({ others[$0] }) {
                #expect(App.update(&state, .key(key)).isEmpty, "\(key.label) did something under the confirmation")
                #expect(state.confirmation == start.confirmation && state.stack.count == start.stack.count)
                #expect(state.top is HomeScreen && state.helpScroll == nil)
            }
        }
    }
}
