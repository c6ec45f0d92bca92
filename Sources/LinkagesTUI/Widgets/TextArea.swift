/// A multi-line note: text with line breaks and a cursor, shown wrapped in a box of a few lines.
public struct TextArea: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor as a character offset into `text`.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key. Returns true when the text changed.
    @discardableResult
    public mutating func edit(_ key: Key, width: Int) -> Bool {
        switch key {
        case .char(let character):
            insert(character)
            return true
        case .enter:
            insert("\n")
            return true
        case .backspace:
            guard cursor > 0 else { return false }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            cursor -= 1
            return true
        case .delete:
            guard cursor < text.count else { return false }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            return true
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .up: moveVertically(-1, width: width)
        case .down: moveVertically(1, width: width)
        case .home, .ctrl("a"): cursor = lineStart(of: position(width: width).row, width: width)
        case .end, .ctrl("e"):
            let rows = layout(width: width)
            cursor = rows[position(width: width).row].end
        default: break
        }
        return false
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Visual rows: character offsets [start, end) of each row when wrapped at `width`, at the
    /// last space of a row where there is one.
    func layout(width: Int) -> [(start: Int, end: Int)] {
        let width = max(1, width)
        let characters = Array(text)
        var rows: [(start: Int, end: Int)] = []
        var start = 0
        var used = 0
        var offset = 0
        while offset < characters.count {
            let character = characters[offset]
            if character == "\n" {
                rows.append((start, offset))
                start = offset + 1
                used = 0
                offset += 1
                continue
            }
            let w = DisplayWidth.of(character)
            if used + w > width {
                // Break after the last space in this row, or at the width when a word is too long.
                let lastSpace = characters[start..<offset].lastIndex(of: " ")
                let end = lastSpace.map { $0 + 1 } ?? offset
                rows.append((start, end))
                start = end
                used = DisplayWidth.of(String(characters[start..<offset]))
            }
            used += w
            offset += 1
        }
        rows.append((start, characters.count))
        return rows
    }

    /// The cursor's visual row and column.
    func position(width: Int) -> (row: Int, column: Int) {
        let rows = layout(width: width)
        for (index, row) in rows.enumerated() where cursor >= row.start && (cursor <= row.end) {
            if cursor == row.end && index + 1 < rows.count && rows[index + 1].start == row.end { continue }
            let prefix = String(Array(text)[row.start..<cursor])
            return (index, DisplayWidth.of(prefix))
        }
        return (rows.count - 1, 0)
    }

    private func lineStart(of row: Int, width: Int) -> Int {
        layout(width: width)[row].start
    }

    private mutating func moveVertically(_ delta: Int, width: Int) {
        let rows = layout(width: width)
        let here = position(width: width)
        let target = here.row + delta
        guard rows.indices.contains(target) else { return }
        let characters = Array(text)
        var column = 0
        var offset = rows[target].start
        while offset < rows[target].end {
            let w = DisplayWidth.of(characters[offset])
            if column + w > here.column { break }
            column += w
            offset += 1
        }
        cursor = offset
    }

    /// Draws up to `height` rows, scrolled so the cursor shows; sets the grid cursor when focused.
    public func render(into grid: inout CellGrid, area: Rect, focused: Bool) {
        let rows = layout(width: area.width)
        let here = position(width: area.width)
        let first = max(0, min(here.row - area.height + 1, rows.count - area.height))
        let characters = Array(text)
        let style: Style = focused ? .focusedField : .field
        for line in 0..<area.height {
            grid.put(String(repeating: " ", count: area.width), row: area.row + line, column: area.column, style: style)
            let index = first + line
            guard rows.indices.contains(index) else { continue }
            let row = rows[index]
            grid.put(String(characters[row.start..<row.end]), row: area.row + line, column: area.column, style: style, maxWidth: area.width)
        }
        if focused {
            grid.cursor = Point(row: area.row + here.row - first, column: area.column + min(here.column, area.width - 1))
        }
    }
}
