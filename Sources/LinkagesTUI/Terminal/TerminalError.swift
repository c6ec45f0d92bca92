/// Why the screens cannot start, in one line that says what to do.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case notATerminal
    case termUnset
    case dumbTerminal
    case unknownTerminal(String)
    case notUTF8(locale: String)
    case tooSmall(Size)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the Linkages screens need a terminal; run it from a terminal or an SSH session (see 'linkages --help' for commands that work without one)"
        case .termUnset:
            return "TERM is not set, so Linkages cannot draw screens; set it (for example TERM=xterm-256color) and try again"
        case .dumbTerminal:
            return "this terminal (TERM=dumb) cannot draw screens; use a terminal such as xterm, or set TERM=xterm-256color"
        case .unknownTerminal(let term):
            return "the terminal type '\(term)' is unknown on this machine; set TERM=xterm-256color and try again"
        case .notUTF8(let locale):
            return "Linkages needs a UTF-8 locale to show names like José Núñez-García (the locale is '\(locale)'); set LANG=C.UTF-8 and try again"
        case .tooSmall(let size):
            return "this terminal is \(size.width)×\(size.height); Linkages needs at least \(Size.minimum.width)×\(Size.minimum.height); make the window larger and try again"
        }
    }
}
