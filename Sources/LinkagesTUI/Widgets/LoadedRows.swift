/// A list a screen reads from the database when it opens: its rows (nil until they arrive), the
/// selected row, and why it could not be read.
public struct LoadedRows<Row: Equatable & Sendable>: Equatable, Sendable {
    public private(set) var rows: [Row]?
    public private(set) var selection = ListSelection()
    public private(set) var loadError: String?

    public init() {}

    public var selected: Row? {
        rows.flatMap { $0.indices.contains(selection.index) ? $0[selection.index] : nil }
    }

    public mutating func load(_ rows: [Row]) {
        self.rows = rows
        selection.clamp(count: rows.count)
        loadError = nil
    }

    public mutating func fail(_ message: String) {
        loadError = message
    }

    /// Moves the selection; false when `action` is not a movement.
    public mutating func move(_ action: Action, visibleRows: Int) -> Bool {
        selection.apply(action, count: rows?.count ?? 0, visibleRows: visibleRows)
    }

    /// The rows once they are in; until then draws the error or `loading` at the top of `area`.
    public func ready(into grid: inout CellGrid, area: Rect, loading: String = "Loading…") -> [Row]? {
        if let loadError {
            grid.put(loadError, row: area.row, column: area.column, style: .danger, maxWidth: area.width)
            return nil
        }
        guard let rows else {
            grid.put(loading, row: area.row, column: area.column, style: .muted, maxWidth: area.width)
            return nil
        }
        return rows
    }
}
