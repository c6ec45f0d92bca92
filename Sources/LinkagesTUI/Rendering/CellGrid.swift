/// A rectangle on the screen, in cells.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { column + width }

    /// The part of this rectangle left after removing `count` rows from the top.
    public func droppingTop(_ count: Int) -> Rect {
        Rect(row: row + count, column: column, width: width, height: height - count)
    }

    /// Splits into a left part `leftWidth` wide, a gap, and the rest.
    public func splitColumns(leftWidth: Int, gap: Int = 1) -> (Rect, Rect) {
        let left = Rect(row: row, column: column, width: leftWidth, height: height)
        let right = Rect(row: row, column: column + leftWidth + gap, width: width - leftWidth - gap, height: height)
        return (left, right)
    }

    /// The same rectangle with a margin removed on each side.
    public func inset(by margin: Int) -> Rect {
        Rect(row: row + margin, column: column + margin, width: width - 2 * margin, height: height - 2 * margin)
    }
}

/// A cell position.
public struct Point: Equatable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// Screen size in cells.
public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal Linkages draws on.
    public static let minimum = Size(width: 80, height: 24)

    public var isBigEnough: Bool {
        width >= Size.minimum.width && height >= Size.minimum.height
    }
}

/// One character cell: a grapheme and its style. The cell right of a wide character holds ""
/// (a continuation), so that every row is exactly `width` cells.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    static let continuation = Cell(text: "", style: .plain)
}

/// The whole screen as plain data. Views draw into a grid; the terminal backend paints the
/// grid's changes, and tests compare its text with golden files.
public struct CellGrid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field being edited), or nil to hide it.
    public var cursor: Point?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Writes `text` from (row, column), clipped to `maxWidth` columns and to the grid. Returns
    /// the column after the last character written.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < size.height else { return column }
        let limit = min(size.width, column + (maxWidth ?? size.width))
        var col = column
        for character in text.precomposedForTerminal {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if col + width > limit { break }
            if col >= 0 {
                clearWide(row: row, column: col)
                cells[row * size.width + col] = Cell(text: String(character), style: style)
                if width == 2 {
                    clearWide(row: row, column: col + 1)
                    cells[row * size.width + col + 1] = Cell(text: "", style: style)
                }
            }
            col += width
        }
        return col
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in max(0, rect.row)..<min(size.height, rect.bottom) {
            for column in max(0, rect.column)..<min(size.width, rect.right) {
                cells[row * size.width + column] = Cell(text: " ", style: style)
            }
        }
    }

    /// Changes the style of existing cells (to highlight a selected row).
    public mutating func restyle(row: Int, from column: Int, width: Int, _ transform: (inout Style) -> Void) {
        guard row >= 0, row < size.height else { return }
        for col in max(0, column)..<min(size.width, column + width) {
            transform(&cells[row * size.width + col].style)
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(row: Int, column: Int) {
        guard column < size.width else { return }
        let index = row * size.width + column
        if cells[index].text.isEmpty, column > 0 {
            cells[index - 1] = .blank
        } else if DisplayWidth.of(cells[index].text) == 2, column + 1 < size.width {
            cells[index + 1] = .blank
        }
    }

    /// The grid's rows as text, trailing spaces removed: the golden-file format.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width { line += cells[row * size.width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}

extension String {
    /// Precomposed (NFC) so that "é" typed as e + combining accent takes one cell.
    var precomposedForTerminal: String { precomposedStringWithCanonicalMapping }
}

import Foundation
