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
    /// The time, as the runtime reads it just before handing over a key: the idle limit counts
    /// from the key itself, not from the last minute's tick.
    case clock(Date)
    /// Press the next of the keys a walkthrough step plays for the room. The runtime sends it
    /// while ``AppState/isPlaying``, each time the effects of the key before are done.
    case playNextKey
    /// The worker's account was disabled, or their role, program or office changed, since the
    /// screens opened: the session ends with this sentence.
    case accessEnded(String)
    /// A sharing basis was revoked, approved or refused since the screen was read: the screen
    /// on top reads its data again under the rules as they are now.
    case accessChanged
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
