/// A row that the `/` filter can match: the texts a worker would type to find it.
public protocol FilterableRow: Equatable, Sendable {
    var filterFields: [String] { get }
}

/// The state of a list screen: its rows once loaded, the selection, the `/` filter and a load
/// error. A list screen keeps one and hands it the list actions; what is left in the screen is
/// what makes it its own (its columns, what Enter opens, what it loads).
public struct FilteredList<Row: FilterableRow>: Equatable, Sendable {
    /// Nil until the first answer from the database.
    public private(set) var rows: [Row]?
    public private(set) var selection = ListSelection()
    public private(set) var filter = ListFilter()
    public private(set) var loadError: String?

    public init() {}

    /// The rows that pass the filter.
    public var visible: [Row] {
        (rows ?? []).filter { filter.matches($0.filterFields) }
    }

    public var selected: Row? {
        let list = visible
        return list.indices.contains(selection.index) ? list[selection.index] : nil
    }

    public var isTyping: Bool { filter.isEditing }

    /// Why a key that needs a selected row does nothing now, or nil when there is one.
    public func reasonNothingSelected(_ emptyList: String) -> String? {
        rows == nil ? "the list is still loading" : (visible.isEmpty ? emptyList : nil)
    }

    /// Handles movement and filter actions; returns false for any other action.
    public mutating func handle(_ action: Action, visibleRows: Int) -> Bool {
        if filter.apply(action) {
            selection.clamp(count: visible.count)
            return true
        }
        return selection.apply(action, count: visible.count, visibleRows: visibleRows)
    }

    /// A key typed into the filter.
    public mutating func type(_ key: Key) {
        if filter.edit(key) { selection = ListSelection() }
    }

    public mutating func load(_ rows: [Row]) {
        self.rows = rows
        loadError = nil
        selection.clamp(count: visible.count)
    }

    public mutating func fail(_ message: String) {
        loadError = message
    }

    /// Forgets the rows, for a reload with other criteria.
    public mutating func unload() {
        rows = nil
    }

    /// The list's key table: movement, `open`, `/` and the screen's `extra` keys; while the
    /// filter is being typed, only the filter's keys.
    public func bindings(open: KeyBinding, filterSubject: String, extra: [KeyBinding]) -> [KeyBinding] {
        if filter.isEditing { return ListFilter.editingBindings }
        return CommonBindings.moveInList + [open, ListFilter.startBinding(filterSubject)] + extra
    }

    /// Draws the heading ("ER referrals open now · 25 families", the filter, "3 of 25") and
    /// below it the table, the load error, or `empty` when nothing is listed.
    public func render(
        heading: String, noun: (one: String, many: String), columns: [TableColumn], cells: (Row) -> [TableCell], empty: String,
        into grid: inout CellGrid, area: Rect
    ) {
        let list = visible
        let count = rows == nil ? "loading…" : "\(list.count) \(list.count == 1 ? noun.one : noun.many)"
        Chrome.heading(into: &grid, "\(heading) · \(count)", row: area.row, area: area, selection: selection, count: list.count)
        filter.render(into: &grid, row: area.row, right: area.right)
        let tableArea = Rect(row: area.row + 2, column: area.column, width: area.width, height: area.height - 2)
        if let loadError {
            grid.put(loadError, row: tableArea.row, column: tableArea.column, style: .danger, maxWidth: tableArea.width)
            return
        }
        let emptyText = rows == nil ? "" : (filter.text.isEmpty ? empty : "Nothing matches “\(filter.text)”.")
        Table.render(columns: columns, rows: list.map(cells), selection: selection, focused: !filter.isEditing,
                     into: &grid, area: tableArea, emptyMessage: emptyText)
    }

    /// The visible height of the table under the heading, for paging.
    public static func tableRows(_ viewport: Size) -> Int {
        viewport.height - 4
    }
}
