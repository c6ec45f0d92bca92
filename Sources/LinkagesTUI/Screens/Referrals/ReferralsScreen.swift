import Foundation
import LinkagesDomain
import LinkagesStore

/// All referrals between CalWORKs, Child Welfare and providers, by state and filtered by text.
public struct ReferralsScreen: ScreenModel {
    public private(set) var filter = ReferralFilter.open
    public private(set) var list = FilteredList<ReferralRow>()

    public init() {}

    public var title: String { "Referrals" }
    public var isTyping: Bool { list.isTyping }

    public var bindings: [KeyBinding] {
        list.bindings(
            open: KeyBinding([.enter], .open, label: "open", help: "Open the selected referral: its timeline, notes and next steps.",
                             disabledReason: list.reasonNothingSelected("no referral is listed")),
            filterSubject: "referrals whose family, type, destination or status",
            extra: [
                KeyBinding([.char("f")], .cycleFilter, label: "show \(nextFilter.displayName)",
                           help: "Switch between open, incoming (to your program), outgoing (sent by you), overdue, closed and all referrals."),
                KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the referrals again.", inHintBar: false),
            ])
    }

    var nextFilter: ReferralFilter {
        let views = ReferralFilter.listViews
        return views[((views.firstIndex(of: filter) ?? -1) + 1) % views.count]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadReferrals(filter))]
    }

    /// Others send, answer and close referrals all day: the list follows without a key.
    public func onTick() -> [ScreenCommand] {
        list.isTyping ? [] : [.run(.loadReferrals(filter))]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: FilteredList<ReferralRow>.tableRows(viewport)) { return [] }
        switch action {
        case .open:
            return list.selected.map { [.open(.referral($0.id))] } ?? []
        case .cycleFilter:
            filter = nextFilter
            list.unload()
            return [.run(.loadReferrals(filter))]
        case .refresh:
            return [.run(.loadReferrals(filter))]
        default:
            return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        list.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .referrals(let loaded, let rows) where loaded == filter: list.load(rows)
        case .failed(let message): list.fail(message)
        default: break
        }
        return []
    }

    static let columns = [
        TableColumn("Updated", .fixed(8)),
        TableColumn("Family", .flexible(minimum: 14)),
        TableColumn("Type", .flexible(minimum: 14)),
        TableColumn("From→To", .fixed(14)),
        TableColumn("Status", .fixed(10)),
        TableColumn("Due", .fixed(8)),
    ]

    /// "11/23" this year, "11/23/25" in another.
    static func shortDate(_ date: CalendarDate, today: CalendarDate) -> String {
        let monthDay = String(format: "%02d/%02d", date.month, date.day)
        return date.year == today.year ? monthDay : monthDay + String(format: "/%02d", date.year % 100)
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        list.render(
            heading: "Referrals", noun: ("\(filter.displayName) referral", "\(filter.displayName) referrals"), columns: Self.columns,
            cells: { row in
                let referral = row.referral
                let route = "\(referral.fromProgram.badge)→\(referral.toProgram?.badge ?? "provider")"
                let statusStyle: Style = referral.status == .declined ? .warning : (referral.status == .closed ? .muted : .plain)
                return [
                    TableCell(Self.shortDate(CalendarDate.today(now: referral.updatedAt), today: context.today)),
                    TableCell(row.familyName),
                    TableCell(referral.type.displayName),
                    TableCell(route),
                    TableCell(referral.status.displayName, statusStyle),
                    row.isOverdue(on: context.today) ? TableCell("OVERDUE", .warning)
                        : TableCell(row.due.map { Self.shortDate($0, today: context.today) } ?? "—", .muted),
                ]
            },
            empty: "No \(filter.displayName) referrals.", into: &grid, area: inner)
    }
}

extension ReferralRow: FilterableRow {
    public var filterFields: [String] {
        [familyName, referral.type.displayName, referral.destinationName, referral.status.displayName]
    }
}
