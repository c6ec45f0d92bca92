import LinkagesDomain
import LinkagesStore

/// The supervisor's staffing agenda: families due for a joint staffing, most urgent first, with
/// every reason and the points it adds.
public struct AgendaScreen: ScreenModel {
    public private(set) var list = FilteredList<AgendaItem>()

    public init() {}

    public var title: String { "Staffing agenda" }
    public var isTyping: Bool { list.isTyping }

    /// The families on the agenda, once weighed, most urgent first.
    public var items: [AgendaItem]? { list.rows }
    var selected: AgendaItem? { list.selected }

    public var bindings: [KeyBinding] {
        let nothing = list.reasonNothingSelected("no family is on the agenda")
        return list.bindings(
            open: KeyBinding([.enter], .open, label: "open family", help: "Open the selected family.", disabledReason: nothing),
            filterSubject: "families whose name",
            extra: [
                KeyBinding([.char("v")], .markReviewed, label: "staffed", help: "Record that the selected family was staffed, with the minutes.",
                           disabledReason: nothing),
                KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Weigh the families again.", inHintBar: false),
            ])
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadAgenda)]
    }

    /// Rows below the table for the selected family's reasons: a heading and as many lines as
    /// the family with the most reasons has (so that the table does not jump as the selection
    /// moves), at most half the screen or what a short agenda leaves; none when the screen is
    /// too short to share.
    func reasonRows(_ height: Int) -> Int {
        guard height >= 12 else { return 0 }
        let items = items ?? []
        let most = items.map(\.reasons.count).max() ?? 0
        // The table's heading, a blank line and its column names, then a row per family.
        let tableNeeds = 3 + items.count
        return min(max(4, most + 2), max(height / 2, height - 4 - tableNeeds))
    }

    func listHeight(_ viewport: Size) -> Int { max(3, viewport.height - 4 - reasonRows(viewport.height)) }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: listHeight(viewport)) { return [] }
        switch action {
        case .open: return selected.map { [.open(.family($0.familyId))] } ?? []
        case .markReviewed: return selected.map { [.open(.staffingMinutes(familyId: $0.familyId, familyName: $0.familyName))] } ?? []
        case .refresh: return [.run(.loadAgenda)]
        default: return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        list.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .agenda(let items):
            list.load(items)
        case .failed(let message):
            list.fail(message)
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("#", .fixed(3), alignment: .trailing),
        TableColumn("Family", .fixed(24)),
        TableColumn("Score", .fixed(5), alignment: .trailing),
        TableColumn("Most urgent", .flexible(minimum: 20)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        // The rank is the family's place on the whole agenda, filtered or not.
        let ranks = Dictionary((items ?? []).enumerated().map { ($1.familyId, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        list.render(
            heading: "Most urgent first", noun: ("family", "families"),
            columns: Self.columns,
            cells: { item in
                [TableCell(String(ranks[item.familyId] ?? 0)), TableCell(item.familyName), TableCell(String(item.score), .bold),
                 TableCell(item.reasons.first?.text ?? "")]
            },
            empty: "No family is due for a joint staffing.",
            into: &grid, area: Rect(row: inner.row, column: inner.column, width: inner.width, height: inner.height - reasonRows(area.height)))
        let panel = reasonRows(area.height)
        guard let selected, panel > 0 else { return }
        var row = inner.bottom - panel + 1
        grid.put("Why \(selected.familyName):", row: row, column: inner.column, style: .heading, maxWidth: inner.width)
        // Lines left under the heading; the last says how many reasons did not fit.
        let room = panel - 2
        let shown = selected.reasons.count <= room ? selected.reasons[...] : selected.reasons.prefix(room - 1)
        for reason in shown {
            row += 1
            grid.put("  \(reason.text) (\(reason.signedPoints))", row: row, column: inner.column, maxWidth: inner.width)
        }
        if shown.count < selected.reasons.count {
            let more = selected.reasons.count - shown.count
            grid.put("  … \(more) more reason\(more == 1 ? "" : "s"): linkages agenda export lists them all", row: row + 1,
                     column: inner.column, style: .muted, maxWidth: inner.width)
        }
    }
}

extension AgendaItem: FilterableRow {
    public var filterFields: [String] { [familyName] }
}
