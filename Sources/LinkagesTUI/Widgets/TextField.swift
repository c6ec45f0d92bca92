/// A one-line text field: its text and the cursor position, edited by keys.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor as a character offset into `text`.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key. Returns true when the text changed.
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .char(let character):
            insert(character)
            return true
        case .backspace:
            guard cursor > 0 else { return false }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
            return true
        case .delete:
            guard cursor < text.count else { return false }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            return true
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = text.count
        case .ctrl("u"):
            let changed = !text.isEmpty
            text = ""
            cursor = 0
            return changed
        default:
            break
        }
        return false
    }

    public mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// Draws the field in `width` columns from (row, column), scrolled so the cursor shows;
    /// sets the grid's cursor when `focused`.
    public func render(into grid: inout CellGrid, row: Int, column: Int, width: Int, focused: Bool, placeholder: String = "") {
        guard width > 0 else { return }
        let style: Style = focused ? .focusedField : .field
        grid.put(String(repeating: " ", count: width), row: row, column: column, style: style)
        if text.isEmpty {
            if !placeholder.isEmpty {
                grid.put(placeholder, row: row, column: column, style: Style(underline: !focused, reverse: focused, dim: true), maxWidth: width)
            }
            if focused { grid.cursor = Point(row: row, column: column) }
            return
        }
        let beforeCursor = String(text.prefix(cursor))
        var startIndex = text.startIndex
        // While editing, scroll right until the cursor fits; otherwise show the start.
        while focused && DisplayWidth.of(String(text[startIndex..<text.index(text.startIndex, offsetBy: cursor)])) > width - 1 {
            startIndex = text.index(after: startIndex)
        }
        let visible = String(text[startIndex...])
        grid.put(visible, row: row, column: column, style: style, maxWidth: width)
        if focused {
            let skipped = text.distance(from: text.startIndex, to: startIndex)
            let cursorColumn = column + DisplayWidth.of(String(beforeCursor.dropFirst(skipped)))
            grid.cursor = Point(row: row, column: min(cursorColumn, column + width - 1))
        }
    }
}
