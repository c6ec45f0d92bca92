/// A column of a ``Table``.
public struct TableColumn: Sendable {
    public enum Width: Sendable {
        case fixed(Int)
        /// Takes a share of the space left after fixed columns, at least `minimum`.
        case flexible(minimum: Int)
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(_ title: String, _ width: Width, alignment: Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table row: text and how it looks.
public struct TableCell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Draws rows under a header, with a selected row and scrolling, in columns that line up
/// whatever the names' accents or widths.
public enum Table {
    static let gap = 2

    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        let fixed = columns.reduce(0) { sum, column in
            if case .fixed(let w) = column.width { return sum + w }
            return sum
        }
        let flexibleCount = columns.filter { if case .flexible = $0.width { return true } else { return false } }.count
        let spare = max(0, totalWidth - fixed - gap * max(0, columns.count - 1))
        var remainderGiven = 0
        return columns.map { column in
            switch column.width {
            case .fixed(let w):
                return w
            case .flexible(let minimum):
                let share = flexibleCount == 0 ? 0 : spare / flexibleCount
                let extra = remainderGiven < spare % max(1, flexibleCount) ? 1 : 0
                remainderGiven += extra
                return max(minimum, share + extra)
            }
        }
    }

    /// Draws the table in `area`: a header line, then as many rows as fit.
    public static func render(
        columns: [TableColumn], rows: [[TableCell]], selection: ListSelection?, focused: Bool = true,
        into grid: inout CellGrid, area: Rect, emptyMessage: String
    ) {
        guard area.height > 0 else { return }
        let widths = columnWidths(columns, totalWidth: area.width)
        var column = area.column
        for (index, spec) in columns.enumerated() {
            grid.put(DisplayWidth.fit(spec.title, to: widths[index], alignment: spec.alignment),
                     row: area.row, column: column, style: .columnHeader, maxWidth: min(widths[index], area.right - column))
            column += widths[index] + gap
        }
        let bodyRows = area.height - 1
        guard !rows.isEmpty else {
            if bodyRows > 0 {
                for (offset, line) in DisplayWidth.wrap(emptyMessage, to: area.width).prefix(bodyRows).enumerated() {
                    grid.put(line, row: area.row + 1 + offset, column: area.column, style: .muted)
                }
            }
            return
        }
        let first = selection?.visibleOffset(rows: bodyRows) ?? 0
        for (visibleIndex, rowIndex) in (first..<min(rows.count, first + bodyRows)).enumerated() {
            let screenRow = area.row + 1 + visibleIndex
            var col = area.column
            for (index, cell) in rows[rowIndex].enumerated() where index < columns.count {
                let width = min(widths[index], area.right - col)
                guard width > 0 else { break }
                grid.put(DisplayWidth.fit(cell.text, to: width, alignment: columns[index].alignment),
                         row: screenRow, column: col, style: cell.style, maxWidth: width)
                col += widths[index] + gap
            }
            if let selection, selection.index == rowIndex {
                grid.restyle(row: screenRow, from: area.column, width: area.width) { style in
                    style.reverse = focused
                    style.underline = !focused
                }
            }
        }
    }
}
