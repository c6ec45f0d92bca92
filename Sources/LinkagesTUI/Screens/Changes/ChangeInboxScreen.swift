import LinkagesDomain
import LinkagesStore

/// The changes the other program told this worker about: new ones first. Opening one marks it
/// read and opens the family.
public struct ChangeInboxScreen: ScreenModel {
    public private(set) var list = LoadedRows<ChangeNoticeRow>()

    public init() {}

    public var title: String { "Changes from the other program" }

    var selected: ChangeNoticeRow? { list.selected }

    public var bindings: [KeyBinding] {
        CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open family", help: "Mark the change read and open the family.",
                       disabledReason: selected == nil ? "the inbox is empty" : nil),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the inbox again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] { [.run(.loadInbox)] }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.move(action, visibleRows: viewport.height - 6) { return [] }
        switch action {
        case .open:
            guard let row = selected, let id = row.notice.id else { return [] }
            return (row.notice.readAt == nil ? [.run(.markChangeRead(id: id))] : []) + [.open(.family(row.notice.familyId))]
        case .refresh: return [.run(.loadInbox)]
        default: return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .inbox(let rows):
            list.load(rows)
        case .failed(let message):
            list.fail(message)
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("", .fixed(3)),
        TableColumn("Sent", .fixed(10)),
        TableColumn("Family", .fixed(22)),
        TableColumn("What", .fixed(10)),
        TableColumn("From", .flexible(minimum: 12)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        guard let rows = list.ready(into: &grid, area: inner) else { return }
        let unread = rows.filter { $0.notice.readAt == nil }.count
        grid.put(unread == 0 ? "Nothing new." : "\(unread) new", row: inner.row, column: inner.column, style: unread == 0 ? .muted : .warning)
        let tableHeight = max(3, inner.height - 5)
        Table.render(columns: Self.columns, rows: rows.map { row in
            [TableCell(row.notice.readAt == nil ? "NEW" : "", .warning),
             TableCell(CalendarDate.today(now: row.notice.sentAt).usFormat),
             TableCell(row.familyName),
             TableCell(row.notice.kind.rawValue.capitalizedFirst),
             TableCell([row.fromWorkerName, row.notice.fromProgram.badge].compactMap { $0 }.joined(separator: " "))]
        }, selection: list.selection, into: &grid, area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: tableHeight),
            emptyMessage: "No change has been told to you yet.")
        if let row = selected {
            for (offset, line) in DisplayWidth.wrap("“\(row.notice.text)”", to: inner.width).prefix(3).enumerated() {
                grid.put(line, row: inner.row + 2 + tableHeight + offset, column: inner.column)
            }
        }
    }
}
