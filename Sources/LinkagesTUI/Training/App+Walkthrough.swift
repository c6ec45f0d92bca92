/// The trainer's presenter keys, before any screen sees a key: step back and forth, reveal the
/// next answer, let Linkages press a step's keys, jump to a step, put the database back.
extension App {
    /// Carries out a presenter key; nil when the key is not one (the screens get it).
    static func handlePresenter(_ key: Key, _ state: inout AppState) -> [AppCommand]? {
        guard var walkthrough = state.walkthrough else { return nil }
        typealias Presenter = WalkthroughState.PresenterKey
        if var list = walkthrough.stepList {
            let count = walkthrough.walkthrough.steps.count
            let moves: [Key: Action] = [.up: .moveUp, .down: .moveDown, .pageUp: .pageUp, .pageDown: .pageDown,
                                        .home: .moveToTop, .end: .moveToBottom]
            if let move = moves[key] {
                _ = list.apply(move, count: count, visibleRows: max(1, state.size.height - 8))
                walkthrough.stepList = list
            } else if key == .enter {
                walkthrough.go(to: list.index)
            } else if key == .escape || key == Presenter.steps {
                walkthrough.stepList = nil
            } else if key == .ctrl("c") {
                return [.exit(0)]
            } else {
                state.message = "Choose a step with ↑ ↓ and press Enter, or Esc to close the list."
            }
            state.walkthrough = walkthrough
            return []
        }
        switch key {
        case Presenter.next:
            if walkthrough.isLast {
                state.message = "This is the last step; \(Presenter.steps.label) lists them all."
            } else {
                walkthrough.go(to: walkthrough.stepIndex + 1)
            }
        case Presenter.back:
            walkthrough.go(to: walkthrough.stepIndex - 1)
        case Presenter.reveal:
            if !walkthrough.hasHiddenAnswers {
                state.message = walkthrough.step.answers.isEmpty ? "This step has no answers to reveal." : "Every answer is shown."
            }
            walkthrough.revealNextAnswer()
        case Presenter.steps:
            var list = ListSelection()
            list.select(walkthrough.stepIndex, count: walkthrough.walkthrough.steps.count, visibleRows: max(1, state.size.height - 8))
            walkthrough.stepList = list
        case Presenter.reset:
            state.confirmation = Confirmation(
                "Put the training database back as it was at the start? Everything done in this session is removed.",
                confirmLabel: "reset", action: .resetTraining)
        case Presenter.showMe:
            return showMe(walkthrough.step, &state)
        default:
            return nil
        }
        state.walkthrough = walkthrough
        return []
    }

    /// Presses the step's keys for the room, from the home screen when the step starts there.
    static func showMe(_ step: WalkthroughStep, _ state: inout AppState) -> [AppCommand] {
        guard let script = step.play else {
            state.message = "This step is for talking: there are no keys to show."
            return []
        }
        if step.from == nil, let on = step.on, !state.top.title.contains(on) {
            state.message = "This step starts on the “\(on)” screen, where the step before it ends: show that step first."
            return []
        }
        state.confirmation = nil
        state.helpScroll = nil
        var commands: [AppCommand] = []
        if step.from == .home && state.stack.count > 1 {
            state.stack = [state.stack[0]]
            commands += apply(state.top.onAppear(), to: &state)
        }
        state.walkthrough?.pendingKeys = script.keys(today: state.session.today)
        return commands
    }

    /// Asks for the database to be put back; the screens restart when it is.
    static func resetTraining(_ state: inout AppState) -> [AppCommand] {
        state.message = "Putting the training database back to the start…"
        return [.run(.resetTraining)]
    }

    /// After a reset: the home screen, the first step, nothing left of the last run.
    static func restartTraining(_ state: inout AppState) -> [AppCommand] {
        state.stack = [HomeScreen(session: state.session)]
        state.confirmation = nil
        state.helpScroll = nil
        state.walkthrough?.go(to: 0)
        state.message = "The training database is back at the start."
        return apply(state.top.onAppear(), to: &state)
    }
}
