import Foundation
import LinkagesDomain
import LinkagesStore

/// Who read or changed one family's records, newest first, for the supervisor answering for
/// her workers' need-to-know: each row's time, the worker by name, and what was done; flagged
/// rows (an emergency opening, a release its reader recorded) stand out. Opening it is audited.
public struct FamilyAuditScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    public private(set) var list = LoadedRows<FamilyAuditRow>()
    /// Each row's time as shown, worked out once when the trail is read, not at every key.
    private var shownTimes: [Int64: String] = [:]

    public init(familyId: Int64, familyName: String) {
        self.familyId = familyId
        self.familyName = familyName
    }

    public var title: String { "Audit trail: \(familyName)" }

    public var bindings: [KeyBinding] {
        CommonBindings.moveInList + [
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the trail again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] { [.run(.loadFamilyAudit(familyId: familyId))] }

    static func listHeight(_ viewport: Size) -> Int { viewport.height - 8 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.move(action, visibleRows: Self.listHeight(viewport)) { return [] }
        if case .refresh = action { return [.run(.loadFamilyAudit(familyId: familyId))] }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .familyAudit(let id, let rows) where id == familyId:
            let format = Self.timeFormat()
            shownTimes = Dictionary(rows.map { ($0.event.id, format($0.event.at)) }, uniquingKeysWith: { first, _ in first })
            list.load(rows)
        case .failed(let message):
            list.fail(message)
        default:
            break
        }
        return []
    }

    /// Turns a stored UTC time into "11/23/2026 09:15" in the terminal's time zone.
    static func timeFormat() -> (String) -> String {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        let shown = DateFormatter()
        shown.locale = Locale(identifier: "en_US_POSIX")
        shown.dateFormat = "MM/dd/yyyy HH:mm"
        return { stored in parser.date(from: stored).map(shown.string(from:)) ?? String(stored.prefix(16)) }
    }

    /// What the row records, in words, with the reason typed when the glass was broken.
    static func what(_ event: AuditEvent) -> String {
        event.action.displayName + (event.detail.map { ": \($0)" } ?? "") + (event.reason.map { " (“\($0)”)" } ?? "")
    }

    static let columns = [
        TableColumn("When", .fixed(16)),
        TableColumn("Worker", .fixed(18)),
        TableColumn("What", .flexible(minimum: 16)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        guard let rows = list.ready(into: &grid, area: inner) else { return }
        let intro = "Every read and change of this family's records, lists and searches that showed it included, newest first. "
            + "Flagged rows are for review."
        for (offset, line) in DisplayWidth.wrap(intro, to: inner.width).prefix(2).enumerated() {
            grid.put(line, row: inner.row + offset, column: inner.column, style: .muted)
        }
        let cells = rows.map { row in
            let style: Style = row.event.flagged ? .danger : .plain
            return [TableCell(shownTimes[row.event.id] ?? String(row.event.at.prefix(16)), style), TableCell(row.workerName, style), TableCell(Self.what(row.event), style)]
        }
        Table.render(columns: Self.columns, rows: cells, selection: list.selection, into: &grid,
                     area: Rect(row: inner.row + 3, column: inner.column, width: inner.width, height: inner.height - 6),
                     emptyMessage: "Nothing is recorded for this family yet.")
        // The selected row in full: the table cuts it.
        if let selected = list.selected {
            let text = "\(selected.workerName) (\(selected.event.account)): " + Self.what(selected.event)
            for (offset, line) in DisplayWidth.wrap(text, to: inner.width).prefix(2).enumerated() {
                grid.put(line, row: inner.bottom - 2 + offset, column: inner.column)
            }
        }
    }
}
