import Foundation
import LinkagesDomain

/// Everything that can happen to the program, delivered one at a time to ``App/update(_:_:)``.
public enum Message: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case data(DataEvent)
    case signal(QuitSignal)
    /// The clock moved on (sent every minute): clocks count down, and after midnight due
    /// dates and ages change.
    case tick(now: Date, today: CalendarDate)
    /// Press the next of the keys a walkthrough step plays for the room. The runtime sends it
    /// while ``AppState/isPlaying``, each time the effects of the key before are done.
    case playNextKey
}

/// A signal that ends the program. The terminal may already be gone (SIGHUP), so nothing asks
/// the worker anything: work in progress is saved and Linkages exits.
public enum QuitSignal: Equatable, Sendable {
    case hangup, interrupt, terminate

    /// The shell convention: 128 + the signal number.
    public var exitCode: Int32 {
        switch self {
        case .hangup: return 129
        case .interrupt: return 130
        case .terminate: return 143
        }
    }
}

/// What the runtime must do after an update: run an effect, or exit with a status.
public enum AppCommand: Equatable, Sendable {
    case run(Effect)
    case exit(Int32)
}
