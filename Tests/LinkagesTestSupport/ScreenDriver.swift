import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTUI

/// Drives the app as a person would, without a terminal: keys in, effects run against a real
/// database until nothing is left to do, then the screen is read as text. No sleeps.
public struct ScreenDriver {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// Every effect run so far, in order.
    public private(set) var effectsRun: [Effect] = []
    /// The exit status, once the app asked to exit.
    public private(set) var exitStatus: Int32?

    public init(database: AppDatabase, size: Size = Size(width: 80, height: 24), today: CalendarDate = Fixtures.today,
                now: Date = Fixtures.now, worker: Worker = Fixtures.trainer, databaseKind: DatabaseKind = .demo,
                walkthrough: Walkthrough? = nil, resetTraining: (@Sendable () throws -> Void)? = nil, plainCharts: Bool = false) {
        runner = EffectRunner(database: database, worker: worker, isPracticeData: databaseKind != .production,
                              questionBank: Fixtures.questionBank, staffingWeights: Fixtures.staffingWeights,
                              today: { today }, now: { now }, resetTraining: resetTraining)
        let session = Session(worker: worker, databaseName: "test.sqlite", databaseKind: databaseKind, today: today,
                              now: now, questionBank: Fixtures.questionBank, plainCharts: plainCharts)
        let (state, commands) = App.start(session: session, size: size, walkthrough: walkthrough)
        self.state = state
        carryOut(commands)
    }

    public mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text one character at a time.
    public mutating func type(_ text: String) {
        for character in text { send(.key(.char(character))) }
    }

    public mutating func resize(to size: Size) {
        send(.resized(size))
    }

    /// Sends a message, then presses any keys a walkthrough step plays, one by one.
    public mutating func send(_ message: Message) {
        carryOut(App.update(&state, message))
        while state.isPlaying {
            carryOut(App.update(&state, .playNextKey))
        }
    }

    private mutating func carryOut(_ commands: [AppCommand]) {
        var pending = commands
        while !pending.isEmpty {
            let command = pending.removeFirst()
            switch command {
            case .run(let effect):
                effectsRun.append(effect)
                pending += App.update(&state, .data(runner.run(effect)))
            case .exit(let status):
                exitStatus = exitStatus ?? status
            }
        }
    }

    public var grid: CellGrid { App.render(state) }
    public var screen: String { grid.text }
    public var lines: [String] { grid.lines }

    /// The top screen, as its concrete type.
    public func top<S: ScreenModel>(as type: S.Type) -> S? {
        state.top as? S
    }
}
