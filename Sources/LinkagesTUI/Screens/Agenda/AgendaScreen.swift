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

    /// Rows of the agenda's table; the reasons for the selected family take the rest.
    static let reasonRows = 6

    static func listHeight(_ viewport: Size) -> Int { max(3, viewport.height - 4 - reasonRows(viewport.height)) }

    /// Rows for the selected family's reasons: none when the screen is too short to share.
    static func reasonRows(_ height: Int) -> Int { height >= 12 ? reasonRows : 0 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: Self.listHeight(viewport)) { return [] }
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
            into: &grid, area: Rect(row: inner.row, column: inner.column, width: inner.width, height: inner.height - Self.reasonRows(area.height)))
        guard let selected, Self.reasonRows(area.height) > 0 else { return }
        var row = inner.bottom - Self.reasonRows + 1
        grid.put("Why \(selected.familyName):", row: row, column: inner.column, style: .heading, maxWidth: inner.width)
        for reason in selected.reasons.prefix(inner.bottom - row - 1) {
            row += 1
            grid.put("  \(reason.text) (\(reason.signedPoints))", row: row, column: inner.column, maxWidth: inner.width)
        }
    }
}

extension AgendaItem: FilterableRow {
    public var filterFields: [String] { [familyName] }
}
