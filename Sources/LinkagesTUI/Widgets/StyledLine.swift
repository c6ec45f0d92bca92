/// A line of text made of differently styled pieces, for screens that scroll through prose
/// and records rather than a table.
public struct StyledLine: Equatable, Sendable {
    public var pieces: [TableCell]

    public init(_ pieces: [TableCell] = []) {
        self.pieces = pieces
    }

    public init(_ text: String, _ style: Style = .plain) {
        pieces = [TableCell(text, style)]
    }

    public static let blank = StyledLine()

    public var width: Int {
        pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// Lines of `text` wrapped to `width`, each starting with `indent`.
    public static func wrapped(_ text: String, width: Int, style: Style = .plain, indent: String = "", firstIndent: String? = nil) -> [StyledLine] {
        let first = firstIndent ?? indent
        let available = max(1, width - max(DisplayWidth.of(first), DisplayWidth.of(indent)))
        return DisplayWidth.wrap(text, to: available).enumerated().map { index, line in
            StyledLine((index == 0 ? first : indent) + line, style)
        }
    }

    /// Two columns side by side: `left` fitted to `leftWidth`, then `gap` spaces, then `right`.
    public static func sideBySide(_ left: [StyledLine], _ right: [StyledLine], leftWidth: Int, gap: Int = 3) -> [StyledLine] {
        (0..<max(left.count, right.count)).map { index in
            var pieces: [TableCell] = []
            let leftLine = index < left.count ? left[index] : .blank
            var used = 0
            for piece in leftLine.pieces {
                let text = DisplayWidth.truncate(piece.text, to: leftWidth - used)
                pieces.append(TableCell(text, piece.style))
                used += DisplayWidth.of(text)
                if used >= leftWidth { break }
            }
            pieces.append(TableCell(String(repeating: " ", count: max(0, leftWidth - used) + gap)))
            if index < right.count { pieces += right[index].pieces }
            return StyledLine(pieces)
        }
    }

    public func render(into grid: inout CellGrid, row: Int, column: Int, maxWidth: Int) {
        var col = column
        for piece in pieces {
            let remaining = column + maxWidth - col
            guard remaining > 0 else { break }
            col = grid.put(piece.text, row: row, column: col, style: piece.style, maxWidth: remaining)
        }
    }
}

/// Vertical scrolling through a list of lines.
public struct ScrollPosition: Equatable, Sendable {
    public private(set) var top = 0

    public init() {}

    @discardableResult
    public mutating func apply(_ action: Action, lineCount: Int, visibleRows: Int) -> Bool {
        let maxTop = max(0, lineCount - visibleRows)
        switch action {
        case .moveUp: top -= 1
        case .moveDown: top += 1
        case .pageUp: top -= max(1, visibleRows - 1)
        case .pageDown: top += max(1, visibleRows - 1)
        case .moveToTop: top = 0
        case .moveToBottom: top = maxTop
        default: return false
        }
        top = min(max(0, top), maxTop)
        return true
    }

    /// Draws the visible lines; when they do not all fit, the last row says how many are below.
    public func render(_ lines: [StyledLine], into grid: inout CellGrid, area: Rect) {
        let rows = lines.count > area.height ? area.height - 1 : area.height
        let first = min(top, max(0, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            line.render(into: &grid, row: area.row + offset, column: area.column, maxWidth: area.width)
        }
        if rows < area.height {
            let below = lines.count - first - rows
            let marker = below > 0 ? "↓ \(below) more lines: ↓/PgDn" : "— end —"
            grid.put(marker, row: area.bottom - 1, column: area.right - DisplayWidth.of(marker), style: .muted)
        }
    }

    /// Rows available to the lines in an area `height` high holding `lineCount` lines.
    public static func visibleRows(lineCount: Int, height: Int) -> Int {
        lineCount > height ? height - 1 : height
    }
}
