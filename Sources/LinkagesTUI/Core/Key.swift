/// A key press, as the terminal backend reports it.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case char(Character)
    /// Control plus a letter, lower-case (`.ctrl("s")` is Ctrl-S).
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 … F12.
    case function(Int)

    /// How the key is written in the hint bar, the help overlay and the docs.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }

    /// A printable character that a focused text field takes as typing.
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
