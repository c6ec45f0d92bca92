import LinkagesDomain
import LinkagesStore

/// The home screen: where to go, and where the county's families stand today.
public struct HomeScreen: ScreenModel {
    struct Destination: Equatable {
        var key: Character
        var route: Route
        var name: String
        var purpose: String
    }

    static let destinations = [
        Destination(key: "i", route: .intake, name: "ER intake",
                    purpose: "Families with an Emergency Response referral open: check what CalWORKs knows before the first visit."),
        Destination(key: "l", route: .lookup, name: "Household lookup",
                    purpose: "Find a family in CalWORKs and Child Welfare records by name, birth date, CIN or case number."),
        Destination(key: "r", route: .referrals, name: "Referrals",
                    purpose: "Referrals between CalWORKs, Child Welfare and community providers, from sent to outcome."),
        Destination(key: "p", route: .plans, name: "Case plans",
                    purpose: "Joint case plans: who does what, by when, in which program."),
    ]

    public private(set) var selection = ListSelection()
    public private(set) var summary: HomeSummary?
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "Home" }

    public var bindings: [KeyBinding] {
        Self.destinations.map { destination in
            KeyBinding([.char(destination.key)], .go(destination.route), label: destination.name.lowercased(),
                       help: "Open \(destination.name): \(destination.purpose)", inHintBar: false)
        } + CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open", help: "Open the selected screen."),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Count again from the database.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadHome)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: Self.destinations.count, visibleRows: Self.destinations.count) {
            return []
        }
        switch action {
        case .go(let route): return [.open(route)]
        case .open: return [.open(Self.destinations[selection.index].route)]
        case .refresh: return [.run(.loadHome)]
        default: return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .home(let summary):
            self.summary = summary
            loadError = nil
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let menuWidth = min(38, area.width / 2)
        let (menu, figures) = area.droppingTop(1).splitColumns(leftWidth: menuWidth, gap: 2)
        renderMenu(into: &grid, area: Rect(row: menu.row, column: menu.column + 2, width: menu.width - 2, height: menu.height))
        renderFigures(into: &grid, area: figures)
    }

    private func renderMenu(into grid: inout CellGrid, area: Rect) {
        grid.put("What do you want to do?", row: area.row, column: area.column, style: .heading)
        for (index, destination) in Self.destinations.enumerated() {
            let row = area.row + 2 + index
            let selected = index == selection.index
            let marker = selected ? "▸ " : "  "
            grid.put(marker, row: row, column: area.column, style: .bold)
            grid.put(String(destination.key), row: row, column: area.column + 2, style: .hintKey)
            grid.put(destination.name, row: row, column: area.column + 5, style: selected ? .selected : .plain)
        }
        let purpose = Self.destinations[selection.index].purpose
        for (offset, line) in DisplayWidth.wrap(purpose, to: area.width).prefix(4).enumerated() {
            grid.put(line, row: area.row + 3 + Self.destinations.count + offset, column: area.column, style: .muted)
        }
    }

    private func renderFigures(into grid: inout CellGrid, area: Rect) {
        grid.put("Today in the county", row: area.row, column: area.column, style: .heading)
        if let loadError {
            for (offset, line) in DisplayWidth.wrap(loadError, to: area.width).enumerated() {
                grid.put(line, row: area.row + 2 + offset, column: area.column, style: .danger)
            }
            return
        }
        guard let summary else {
            grid.put("Counting…", row: area.row + 2, column: area.column, style: .muted)
            return
        }
        let figureWidth = min(area.width, 36)
        var row = area.row + 2
        func line(_ label: String, _ value: Int, indent: Bool = false, style: Style = .plain) {
            guard row < area.bottom else { return }
            let text = (indent ? "  " : "") + label
            grid.put(DisplayWidth.fit(text, to: figureWidth - 6), row: row, column: area.column, style: indent ? .plain : .bold)
            grid.put(DisplayWidth.fit(String(value), to: 6, alignment: .trailing), row: row,
                     column: area.column + figureWidth - 6, style: style)
            row += 1
        }
        line("Families known to Linkages", summary.familyCount)
        for tier in LinkagesTier.allCases.reversed() {
            line(tier.displayName, summary.familiesByTier[tier] ?? 0, indent: true)
        }
        line("No Linkages tier", summary.familiesWithoutTier, indent: true)
        row += 1
        line("Open ER referrals", summary.openEmergencyResponse)
        line("Open referrals", summary.openReferrals)
        for status in ReferralStatus.allCases where status.isOpen {
            if let count = summary.openReferralsByStatus[status], count > 0 {
                line(status.displayName, count, indent: true)
            }
        }
        row += 1
        line("Plan tasks overdue", summary.overdueTasks, style: summary.overdueTasks > 0 ? .warning : .plain)
        line("Plan tasks due in 7 days", summary.tasksDueThisWeek)
    }
}
