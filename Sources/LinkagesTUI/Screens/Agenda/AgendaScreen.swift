import LinkagesDomain
import LinkagesStore

/// The supervisor's staffing agenda: families due for a joint staffing, most urgent first, with
/// every reason and the points it adds.
public struct AgendaScreen: ScreenModel {
    public private(set) var list = LoadedRows<AgendaItem>()

    public init() {}

    public var title: String { "Staffing agenda" }

    /// The families on the agenda, once weighed.
    public var items: [AgendaItem]? { list.rows }
    var selected: AgendaItem? { list.selected }

    public var bindings: [KeyBinding] {
        CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open family", help: "Open the selected family.",
                       disabledReason: selected == nil ? "no family is on the agenda" : nil),
            KeyBinding([.char("v")], .markReviewed, label: "staffed", help: "Record that the selected family was staffed, with the minutes.",
                       disabledReason: selected == nil ? "no family is on the agenda" : nil),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Weigh the families again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadAgenda)]
    }

    static func listHeight(_ viewport: Size) -> Int { max(3, viewport.height - 9) }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.move(action, visibleRows: Self.listHeight(viewport)) { return [] }
        switch action {
        case .open: return selected.map { [.open(.family($0.familyId))] } ?? []
        case .markReviewed: return selected.map { [.open(.staffingMinutes(familyId: $0.familyId, familyName: $0.familyName))] } ?? []
        case .refresh: return [.run(.loadAgenda)]
        default: return []
        }
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
        guard let items = list.ready(into: &grid, area: inner, loading: "Weighing the families…") else { return }
        grid.put("Families open in both programs or with an ER referral open, most urgent first.", row: inner.row,
                 column: inner.column, style: .muted, maxWidth: inner.width)
        let rows = items.enumerated().map { index, item in
            [TableCell(String(index + 1)), TableCell(item.familyName), TableCell(String(item.score), .bold),
             TableCell(item.reasons.first?.text ?? "")]
        }
        let listHeight = inner.height - 7
        Table.render(columns: Self.columns, rows: rows, selection: list.selection, into: &grid,
                     area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: listHeight),
                     emptyMessage: "No family is due for a joint staffing.")
        guard let selected else { return }
        var row = inner.row + 2 + listHeight + 1
        grid.put("Why \(selected.familyName):", row: row, column: inner.column, style: .heading, maxWidth: inner.width)
        for reason in selected.reasons.prefix(inner.bottom - row - 1) {
            row += 1
            grid.put("  \(reason.text) (+\(reason.points))", row: row, column: inner.column, maxWidth: inner.width)
        }
    }
}
