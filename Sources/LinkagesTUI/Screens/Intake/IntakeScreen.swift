import LinkagesDomain
import LinkagesStore

/// ER intake: the families with an Emergency Response referral open, and whether CalWORKs
/// already knows them ("check data systems from the beginning", seeds).
public struct IntakeScreen: ScreenModel {
    public private(set) var rows: [EmergencyResponseRow]?
    public private(set) var selection = ListSelection()
    public private(set) var textFilter = ListFilter()
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "ER intake" }
    public var isTyping: Bool { textFilter.isEditing }

    /// The rows that pass the text filter (family, referral number, tier).
    public var visibleRows: [EmergencyResponseRow] {
        (rows ?? []).filter { textFilter.matches([$0.familyName, $0.referralId ?? "", $0.tier.label]) }
    }

    public var bindings: [KeyBinding] {
        if textFilter.isEditing { return ListFilter.editingBindings }
        return CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open family", help: "Open the selected family: both programs side by side.",
                       disabledReason: rows == nil ? "the list is still loading" : (visibleRows.isEmpty ? "there is no family in the list" : nil)),
            ListFilter.startBinding("families whose name, referral number or tier"),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the list again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadEmergencyResponseQueue)]
    }

    static func listHeight(_ viewport: Size) -> Int { viewport.height - 4 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if textFilter.apply(action) {
            selection.clamp(count: visibleRows.count)
            return []
        }
        if selection.apply(action, count: visibleRows.count, visibleRows: Self.listHeight(viewport)) { return [] }
        switch action {
        case .open:
            let list = visibleRows
            guard list.indices.contains(selection.index) else { return [] }
            return [.open(.family(list[selection.index].familyId))]
        case .refresh:
            return [.run(.loadEmergencyResponseQueue)]
        default:
            return []
        }
    }

    public mutating func type(_ key: Key) -> [ScreenCommand] {
        if textFilter.edit(key) { selection = ListSelection() }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .emergencyResponseQueue(let rows):
            self.rows = rows
            selection.clamp(count: visibleRows.count)
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("Opened", .fixed(10)),
        TableColumn("Family", .flexible(minimum: 18)),
        TableColumn("Referral", .fixed(11)),
        TableColumn("CalWORKs", .fixed(12)),
        TableColumn("Tier", .fixed(18)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        let list = visibleRows
        let count = rows.map { _ in "\(list.count) families" } ?? "loading…"
        Chrome.heading(into: &grid, "ER referrals open now · \(count)", row: inner.row, area: inner,
                       selection: selection, count: list.count)
        textFilter.render(into: &grid, row: inner.row, right: inner.right)
        if let loadError {
            grid.put(loadError, row: inner.row + 2, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        let tableRows = list.map { row -> [TableCell] in
            let days = row.referralDate.map { context.today.dayNumber - $0.dayNumber }
            let opened = row.referralDate?.usFormat ?? "—"
            return [
                TableCell(opened, (days ?? 0) <= 1 ? .bold : .plain),
                TableCell(row.familyName),
                TableCell(row.referralId ?? "—"),
                row.knownToCalWORKs ? TableCell("[CW] known", .calworks) : TableCell("not found", .muted),
                TableCell(row.tier.label),
            ]
        }
        let empty = rows == nil ? "" : (textFilter.text.isEmpty
            ? "No Emergency Response referral is open."
            : "No family matches “\(textFilter.text)”.")
        Table.render(
            columns: Self.columns, rows: tableRows, selection: selection, focused: !textFilter.isEditing, into: &grid,
            area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: inner.height - 2),
            emptyMessage: empty)
    }
}
