import CNCurses
import Foundation

/// The one place that talks to ncurses: it paints cell grids and reads keys.
public final class NcursesTerminal {
    private var painted: CellGrid?
    private let useColor: Bool
    private var cursorVisible = false
    private var colorPairs: [ColorRole: Int16] = [:]

    /// Checks the terminal and locale, then takes over the screen.
    ///
    /// - Parameter colorAllowed: false when `NO_COLOR` is set.
    public init(colorAllowed: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termUnset }
        guard term != "dumb" else { throw TerminalError.dumbTerminal }
        try Self.chooseLocale(environment)
        guard lk_newterm(term) != nil else { throw TerminalError.unknownTerminal(term) }
        lk_set_curses_active(1)
        guard lk_can_address_cursor() != 0 else {
            Self.end()
            throw TerminalError.dumbTerminal
        }
        let window = lk_stdscr()
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        useColor = colorAllowed && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            for (index, role) in ColorRole.allCases.enumerated() {
                let pair = Int16(index + 1)
                init_pair(pair, Self.colorNumber(role), -1)
                colorPairs[role] = pair
            }
        }
        let size = self.size()
        guard size.isBigEnough else {
            Self.end()
            throw TerminalError.tooSmall(size)
        }
    }

    /// Uses the worker's locale. When none is set at all (common in containers and bare SSH
    /// sessions) C.UTF-8 is used; a locale that was chosen but is not UTF-8 is refused with a
    /// sentence saying what to set, because names would lose their accents.
    static func chooseLocale(_ environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        if lk_locale_is_utf8() != 0 { return }
        let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty }
        if chosen == nil, setlocale(LC_ALL, "C.UTF-8") != nil, lk_locale_is_utf8() != 0 { return }
        throw TerminalError.notUTF8(locale: chosen ?? "C")
    }

    private static func colorNumber(_ role: ColorRole) -> Int16 {
        switch role {
        case .accent: return Int16(COLOR_CYAN)
        case .good: return Int16(COLOR_GREEN)
        case .warning: return Int16(COLOR_YELLOW)
        case .danger: return Int16(COLOR_RED)
        case .calworks: return Int16(COLOR_BLUE)
        case .childWelfare: return Int16(COLOR_MAGENTA)
        case .training: return Int16(COLOR_RED)
        }
    }

    public func size() -> Size {
        let window = lk_stdscr()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Restores the terminal: the screen, echo, line mode and the cursor.
    public func shutdown() {
        Self.end()
    }

    private static func end() {
        curs_set(1)
        endwin()
        lk_set_curses_active(0)
    }

    /// What the keyboard or the terminal did.
    public enum Input: Equatable {
        case key(Key)
        case resized(Size)
    }

    /// Waits up to `timeout` milliseconds for input.
    public func read(timeout milliseconds: Int32) -> Input? {
        let window = lk_stdscr()
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE {
                return .resized(size())
            }
            return Self.functionKey(Int32(character)).map(Input.key)
        }
        guard result == OK else { return nil }
        return Self.characterKey(UInt32(character)).map(Input.key)
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Paints what changed since the last grid.
    public func paint(_ grid: CellGrid) {
        let window = lk_stdscr()
        if painted?.size != grid.size {
            werase(window)
            painted = nil
        }
        for row in 0..<grid.size.height {
            for column in 0..<grid.size.width {
                let cell = grid[row, column]
                if let painted, painted[row, column] == cell { continue }
                if cell.text.isEmpty { continue }
                draw(cell, row: row, column: column, window: window)
            }
        }
        painted = grid
        if let cursor = grid.cursor {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func draw(_ cell: Cell, row: Int, column: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let style = cell.style
        let attributes = lk_attributes(style.bold ? 1 : 0, style.underline ? 1 : 0, style.reverse ? 1 : 0, style.dim ? 1 : 0)
        let pair = useColor ? style.color.flatMap { colorPairs[$0] } ?? 0 : 0
        var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        var complex = cchar_t()
        setcchar(&complex, wide, attributes, pair, nil)
        mvwadd_wch(window, Int32(row), Int32(column), &complex)
    }
}
