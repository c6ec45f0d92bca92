import CNCurses
import Foundation

/// The running program: reads keys and signals, feeds them to ``App/update(_:_:)``, runs the
/// effects it asks for on a background queue, and paints the result.
public enum Runtime {
    /// Runs until the worker quits or a signal arrives, and returns the exit status. The
    /// terminal is restored on every path out.
    ///
    /// With a walkthrough, keys a step plays for the room are pressed one every `paceMilliseconds`.
    public static func run(
        session: Session, runner: EffectRunner, terminal: NcursesTerminal, walkthrough: Walkthrough? = nil, paceMilliseconds: Int32 = 12
    ) -> Int32 {
        let inbox = Inbox()
        let effects = DispatchQueue(label: "linkages.effects", qos: .userInitiated)
        var (state, commands) = App.start(session: session, size: terminal.size(), walkthrough: walkthrough)
        var exitCode: Int32?
        var access = AccessWatch(runner: runner)
        var tickedMinute = Int(session.now.timeIntervalSince1970 / 60)

        func carryOut(_ commands: [AppCommand]) {
            for command in commands {
                switch command {
                case .run(let effect) where effect.runsBeforeNextKey:
                    carryOut(App.update(&state, .data(runner.run(effect))))
                case .run(let effect):
                    effects.async { inbox.post(.data(runner.run(effect))) }
                case .exit(let code):
                    exitCode = exitCode ?? code
                }
            }
        }

        carryOut(commands)
        terminal.paint(App.render(state))
        var quickFailures = 0
        while exitCode == nil {
            var changed = false
            if let signal = takeSignal() {
                carryOut(App.update(&state, .signal(signal)))
                break
            }
            let started = DispatchTime.now()
            // While keys are played, a short wait paces them so the room can follow the typing.
            switch terminal.read(timeout: state.isPlaying ? max(1, paceMilliseconds) : 40) {
            case .key(let key)?:
                quickFailures = 0
                carryOut(App.update(&state, .clock(runner.now())))
                // Access is checked at every key: a worker disabled, moved or given another role
                // since the screens opened goes no further, and a revoked release closes at once.
                switch access.check() {
                case .ended(let sentence): carryOut(App.update(&state, .accessEnded(sentence)))
                case .changed: carryOut(App.update(&state, .accessChanged))
                case .unchanged: break
                }
                if exitCode == nil { carryOut(App.update(&state, .key(key))) }
                changed = true
            case .resized(let size)?:
                carryOut(App.update(&state, .resized(size)))
                changed = true
            case nil:
                // A read that fails at once, again and again, means the terminal is gone.
                let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
                quickFailures = elapsed < 5_000_000 && !state.isPlaying ? quickFailures + 1 : 0
                if quickFailures > 200 { carryOut(App.update(&state, .signal(.hangup))) }
                if state.isPlaying {
                    // The next played key waits for what the last one asked of the database.
                    effects.sync {}
                    for message in inbox.takeAll() { carryOut(App.update(&state, message)) }
                    carryOut(App.update(&state, .playNextKey))
                    changed = true
                }
            }
            let now = runner.now()
            // Its own record of the minute: a key's `.clock` moves the session's time too.
            if Int(now.timeIntervalSince1970 / 60) != tickedMinute {
                tickedMinute = Int(now.timeIntervalSince1970 / 60)
                carryOut(App.update(&state, .tick(now: now, today: runner.today())))
                changed = true
            }
            for message in inbox.takeAll() {
                carryOut(App.update(&state, message))
                changed = true
            }
            if changed && exitCode == nil {
                terminal.paint(App.render(state))
            }
        }
        terminal.shutdown()
        if let farewell = state.farewell {
            FileHandle.standardError.write(Data("linkages: \(farewell)\n".utf8))
        }
        return exitCode ?? 0
    }

    private static func takeSignal() -> QuitSignal? {
        switch lk_take_signal() {
        case SIGHUP: return .hangup
        case SIGINT: return .interrupt
        case SIGTERM, SIGQUIT: return .terminate
        default: return nil
        }
    }

    /// Installs the signal handlers; call before creating the terminal.
    public static func installSignalHandlers() {
        lk_install_signal_handlers()
    }
}
