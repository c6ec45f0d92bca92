import Foundation
import LinkagesDomain
import LinkagesStore

/// All referrals between CalWORKs, Child Welfare and providers, filtered by state and by text.
public struct ReferralsScreen: ScreenModel {
    public private(set) var filter = ReferralFilter.open
    public private(set) var rows: [ReferralRow]?
    public private(set) var selection = ListSelection()
    public private(set) var textFilter = ListFilter()
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "Referrals" }
    public var isTyping: Bool { textFilter.isEditing }

    /// The rows that pass the text filter (family, type, destination, status).
    public var visibleRows: [ReferralRow] {
        (rows ?? []).filter { row in
            textFilter.matches([row.familyName, row.referral.type.displayName, row.referral.destinationName,
                                row.referral.status.displayName])
        }
    }

    public var bindings: [KeyBinding] {
        if textFilter.isEditing { return ListFilter.editingBindings }
        return CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open family", help: "Open the family the selected referral is for.",
                       disabledReason: rows == nil ? "the list is still loading" : (visibleRows.isEmpty ? "no referral is listed" : nil)),
            ListFilter.startBinding("referrals whose family, type, destination or status"),
            KeyBinding([.char("f")], .cycleFilter, label: "show \(nextFilter.displayName)",
                       help: "Switch between open, all and closed referrals."),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the referrals again.", inHintBar: false),
        ]
    }

    var nextFilter: ReferralFilter {
        switch filter {
        case .open: return .all
        case .all: return .closed
        case .closed: return .open
        }
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadReferrals(filter))]
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
            return [.open(.family(list[selection.index].referral.familyId))]
        case .cycleFilter:
            filter = nextFilter
            rows = nil
            return [.run(.loadReferrals(filter))]
        case .refresh:
            return [.run(.loadReferrals(filter))]
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key) -> [ScreenCommand] {
        if textFilter.edit(key) { selection = ListSelection() }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .referrals(let loaded, let rows) where loaded == filter:
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
        TableColumn("Updated", .fixed(8)),
        TableColumn("Family", .flexible(minimum: 14)),
        TableColumn("Type", .flexible(minimum: 14)),
        TableColumn("From → To", .fixed(16)),
        TableColumn("Status", .fixed(10)),
    ]

    /// "11/23" this year, "11/23/25" in another.
    static func shortDate(_ date: CalendarDate, today: CalendarDate) -> String {
        let monthDay = String(format: "%02d/%02d", date.month, date.day)
        return date.year == today.year ? monthDay : monthDay + String(format: "/%02d", date.year % 100)
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        let list = visibleRows
        let count = rows == nil ? "loading…" : "\(list.count) \(filter.displayName) referrals"
        Chrome.heading(into: &grid, "Referrals · \(count)", row: inner.row, area: inner, selection: selection, count: list.count)
        textFilter.render(into: &grid, row: inner.row, right: inner.right)
        if let loadError {
            grid.put(loadError, row: inner.row + 2, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        let tableRows = list.map { row -> [TableCell] in
            let referral = row.referral
            let route = "\(referral.fromProgram.badge) → \(referral.toProgram?.badge ?? "provider")"
            let statusStyle: Style = referral.status == .declined ? .warning : (referral.status == .closed ? .muted : .plain)
            return [
                TableCell(Self.shortDate(CalendarDate.today(now: referral.updatedAt), today: context.today)),
                TableCell(row.familyName),
                TableCell(referral.type.displayName),
                TableCell(route),
                TableCell(referral.status.displayName, statusStyle),
            ]
        }
        let empty = rows == nil ? "" : (textFilter.text.isEmpty
            ? "No \(filter.displayName) referrals."
            : "No referral matches “\(textFilter.text)”.")
        Table.render(columns: Self.columns, rows: tableRows, selection: selection, focused: !textFilter.isEditing, into: &grid,
                     area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: inner.height - 2),
                     emptyMessage: empty)
    }
}
