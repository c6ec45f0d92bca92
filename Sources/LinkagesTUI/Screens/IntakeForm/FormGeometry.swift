/// Where the intake form's parts go for a given content size; `perform`, `type` and `render`
/// all use it, so that paging and note editing agree with what is drawn.
struct FormGeometry {
    static let leftWidth = 20
    static let gap = 2

    let inner: Rect

    init(area: Rect) {
        inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
    }

    init(viewport: Size) {
        self.init(area: Rect(row: 0, column: 0, width: viewport.width, height: viewport.height))
    }

    var left: Rect {
        Rect(row: inner.row, column: inner.column, width: Self.leftWidth, height: inner.height)
    }

    var right: Rect {
        Rect(row: inner.row, column: inner.column + Self.leftWidth + Self.gap,
             width: inner.width - Self.leftWidth - Self.gap, height: inner.height)
    }

    var rightWidth: Int { right.width }

    /// Fields start three rows down (title, two lines of intro) and leave two rows for help.
    var fields: Rect {
        Rect(row: right.row + 3, column: right.column, width: right.width, height: right.height - 5)
    }

    var help: Rect {
        Rect(row: right.bottom - 2, column: right.column, width: right.width, height: 2)
    }

    var noteWidth: Int { right.width - 2 }

    /// The outcome scrolls above two rows for the finish line.
    var outcome: Rect {
        Rect(row: right.row + 1, column: right.column, width: right.width, height: right.height - 4)
    }

    var outcomeHeight: Int { outcome.height }
}
