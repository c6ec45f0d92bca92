import LinkagesDomain

/// The program's pure core: start, update and render. The runtime feeds it messages and runs
/// the commands it returns; tests do the same without a terminal.
public enum App {
    /// Opens the home screen; with a walkthrough, the trainer's panel is beside it.
    public static func start(session: Session, size: Size, walkthrough: Walkthrough? = nil) -> (AppState, [AppCommand]) {
        var state = AppState(session: session, size: size, stack: [HomeScreen(session: session)], helpScroll: nil, message: nil,
                             confirmation: nil, lastKeyAt: session.now)
        state.walkthrough = walkthrough.map(WalkthroughState.init)
        let commands = apply(state.top.onAppear(), to: &state)
        return (state, commands)
    }

    public static func update(_ state: inout AppState, _ message: Message) -> [AppCommand] {
        switch message {
        case .resized(let size):
            state.size = size
            return []
        case .signal(let signal):
            return [.exit(signal.exitCode)]
        case .tick(let now, let today):
            state.session.now = now
            if now.timeIntervalSince(state.lastKeyAt) >= Double(state.session.idleLockMinutes) * 60 {
                // Nothing of a family stays on an unattended screen; drafts are saved at every key.
                let minutes = state.session.idleLockMinutes
                return end(&state, "Linkages closed after \(minutes) minute\(minutes == 1 ? "" : "s") without a key, so that no family's "
                    + "details stay on an unattended screen; your intake drafts are saved. Open Linkages again to go on.", status: 0)
            }
            guard today != state.session.today else { return apply(state.top.onTick(), to: &state) }
            state.session.today = today
            return apply(state.top.onAppear(), to: &state)
        case .data(.trainingReset):
            return restartTraining(&state)
        case .data(let event):
            return withTop(&state) { screen, _ in screen.receive(event) }
        case .playNextKey:
            guard let key = state.walkthrough?.takePendingKey() else { return [] }
            return handle(key, &state)
        case .key where state.isPlaying:
            // A key from the keyboard stops the keys being played, and does nothing else.
            state.walkthrough?.pendingKeys = []
            state.message = "Stopped: the rest of the step's keys were not pressed."
            return []
        case .key(let key):
            state.lastKeyAt = state.session.now
            return handle(key, &state)
        case .clock(let now):
            state.session.now = now
            return []
        case .accessEnded(let sentence):
            return end(&state, sentence, status: 1)
        case .accessChanged:
            return apply(state.top.onAppear(), to: &state)
        }
    }

    /// Ends the session: every screen but home is closed (nothing of a family is left to draw)
    /// and `sentence` is said once the terminal is restored.
    private static func end(_ state: inout AppState, _ sentence: String, status: Int32) -> [AppCommand] {
        state.stack = [state.stack[0]]
        state.confirmation = nil
        state.helpScroll = nil
        state.farewell = sentence
        return [.exit(status)]
    }

    private static func handle(_ key: Key, _ state: inout AppState) -> [AppCommand] {
        state.message = nil
        if let commands = handlePresenter(key, &state) {
            return commands
        }
        if let confirmation = state.confirmation {
            switch key {
            case .char("y"), .char("Y"), .enter:
                state.confirmation = nil
                if confirmation.action == .resetTraining { return resetTraining(&state) }
                return withTop(&state) { screen, viewport in screen.perform(confirmation.action, viewport: viewport) }
            case .char("n"), .char("N"), .escape:
                state.confirmation = nil
            case .ctrl("c"):
                return [.exit(0)]
            default:
                state.message = "Press y to \(confirmation.confirmLabel), or n to cancel."
            }
            return []
        }
        if let scroll = state.helpScroll {
            switch key {
            case .up, .char("k"): state.helpScroll = max(0, scroll - 1)
            case .down, .char("j"): state.helpScroll = scroll + 1
            case .ctrl("c"): return [.exit(0)]
            default: state.helpScroll = nil
            }
            return []
        }
        if !state.size.isBigEnough {
            return key == .char("q") || key == .ctrl("c") ? [.exit(0)] : []
        }
        let bindings = state.activeBindings
        if let binding = bindings.first(where: { $0.keys.contains(key) }) {
            guard binding.isEnabled else {
                state.message = binding.disabledReason.map { $0.capitalizedFirst + "." }
                return []
            }
            return perform(binding.action, &state)
        }
        if state.top.isTyping {
            return withTop(&state) { screen, viewport in screen.type(key, viewport: viewport) }
        }
        state.message = "\(key.label) does nothing here; press ? to see the keys."
        return []
    }

    /// Carries out an action: the app's own (help, back, quit) or the top screen's.
    public static func perform(_ action: Action, _ state: inout AppState) -> [AppCommand] {
        switch action {
        case .help:
            state.helpScroll = 0
            return []
        case .quit:
            return [.exit(0)]
        case .back where state.isHome:
            return []
        case .back:
            return apply([.close], to: &state)
        default:
            return withTop(&state) { screen, viewport in screen.perform(action, viewport: viewport) }
        }
    }

    /// Runs `body` on the top screen and carries out the commands it returns.
    static func withTop(
        _ state: inout AppState, _ body: (inout any ScreenModel, Size) -> [ScreenCommand]
    ) -> [AppCommand] {
        var screen = state.stack.removeLast()
        let commands = body(&screen, state.viewport)
        state.stack.append(screen)
        return apply(commands, to: &state)
    }

    static func apply(_ commands: [ScreenCommand], to state: inout AppState) -> [AppCommand] {
        var result: [AppCommand] = []
        for command in commands {
            switch command {
            case .run(let effect):
                result.append(.run(effect))
            case .open(let route):
                state.stack.append(screen(for: route, session: state.session))
                result += apply(state.top.onAppear(), to: &state)
            case .close:
                if state.stack.count > 1 {
                    state.stack.removeLast()
                    result += apply(state.top.onAppear(), to: &state)
                }
            case .quit:
                result.append(.exit(0))
            case .say(let text):
                state.message = text
            case .confirm(let confirmation):
                state.confirmation = confirmation
            }
        }
        return result
    }

    /// The screen a route opens.
    static func screen(for route: Route, session: Session) -> any ScreenModel {
        switch route {
        case .intake: return IntakeScreen(session: session)
        case .intakeForm(let id): return IntakeFormScreen(intakeId: id, session: session)
        case .intakeDrafts: return DraftsScreen(session: session)
        case .lookup: return LookupScreen()
        case .referrals: return ReferralsScreen()
        case .plans: return PlansScreen()
        case .family(let id): return FamilyScreen(familyId: id, session: session)
        case .plan(let familyId): return PlanScreen(familyId: familyId)
        case .planGoals(let familyId, let name, let plan): return PlanGoalsScreen(familyId: familyId, familyName: name, plan: plan)
        case .planTask(let familyId, let name, let task, let tasks):
            return TaskFormScreen(familyId: familyId, familyName: name, task: task, tasks: tasks)
        case .meetings(let familyId): return MeetingsScreen(familyId: familyId, today: session.today)
        case .scheduleMeeting(let familyId, let name):
            return ScheduleMeetingScreen(familyId: familyId, familyName: name, today: session.today, holidays: session.intakeSettings.holidays)
        case .meetingDecision(let meetingId, let familyId, let name):
            return DecisionFormScreen(meetingId: meetingId, familyId: familyId, familyName: name)
        case .familyAudit(let familyId, let name): return FamilyAuditScreen(familyId: familyId, familyName: name)
        case .meetingAttendance(let familyId, let name, let meeting, let invitees):
            return AttendanceScreen(familyId: familyId, familyName: name, meeting: meeting, invitees: invitees)
        case .staffingMinutes(let familyId, let name): return StaffingMinutesScreen(familyId: familyId, familyName: name)
        case .shareChange(let familyId, let name): return ShareChangeScreen(familyId: familyId, familyName: name, session: session)
        case .recordContact(let intakeId, let familyId, let name):
            return RecordContactScreen(intakeId: intakeId, familyId: familyId, familyName: name, today: session.today, now: session.now)
        case .changeInbox: return ChangeInboxScreen()
        case .matchReview: return MatchReviewScreen(session: session)
        case .emergencies: return EmergenciesScreen()
        case .approvals: return ApprovalsScreen(session: session)
        case .agenda: return AgendaScreen()
        case .outcomes: return OutcomesScreen(session: session)
        case .familyLinks(let id, let name): return MatchReviewScreen(session: session, family: (id, name))
        case .referral(let id): return ReferralScreen(referralId: id, session: session)
        case .newReferral(let familyId, let name): return NewReferralScreen(familyId: familyId, familyName: name, session: session)
        case .recordRelease(let familyId, let name): return ReleaseFormScreen(familyId: familyId, familyName: name, session: session)
        }
    }

    // MARK: Rendering

    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(size: state.size)
        guard state.size.isBigEnough else {
            renderTooSmall(into: &grid)
            return grid
        }
        Chrome.renderTitle(into: &grid, title: state.top.title, session: state.session)
        state.top.render(into: &grid, area: state.screenArea, context: RenderContext(today: state.session.today, now: state.session.now))
        if let walkthrough = state.walkthrough {
            WalkthroughPanel.render(walkthrough, into: &grid, panel: WalkthroughPanel.layout(walkthrough, size: state.size).panel)
        }
        if let message = state.message {
            Chrome.renderMessage(into: &grid, message: message)
        }
        Chrome.renderHints(into: &grid, bindings: state.activeBindings)
        if let scroll = state.helpScroll {
            grid.cursor = nil
            HelpOverlay.render(into: &grid, title: state.top.title, bindings: state.activeBindings,
                               extra: state.walkthrough == nil ? [] : WalkthroughState.PresenterKey.help, scroll: scroll)
        }
        if let walkthrough = state.walkthrough, let list = walkthrough.stepList {
            StepListOverlay.render(walkthrough, selection: list, into: &grid)
        }
        state.confirmation?.render(into: &grid)
        return grid
    }

    /// Below 80×24 the screens cannot be drawn legibly; say so instead of drawing garbage.
    static func renderTooSmall(into grid: inout CellGrid) {
        let size = grid.size
        let text = "Linkages needs a window of at least \(Size.minimum.width)×\(Size.minimum.height); "
            + "this one is \(size.width)×\(size.height). Make the window larger, or press q to quit."
        let lines = DisplayWidth.wrap(text, to: max(1, size.width - 2))
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            grid.put(line, row: top + offset, column: size.width > 2 ? 1 : 0, style: .warning)
        }
    }
}
