import LinkagesDomain
import LinkagesStore

/// Every joint case plan, those with the most overdue tasks first.
public struct PlansScreen: ScreenModel {
    public private(set) var list = FilteredList<PlanSummary>()

    public init() {}

    public var title: String { "Case plans" }
    public var isTyping: Bool { list.isTyping }

    public var bindings: [KeyBinding] {
        list.bindings(
            open: KeyBinding([.enter], .open, label: "open plan", help: "Open the selected joint case plan.",
                             disabledReason: list.reasonNothingSelected("there is no plan in the list")),
            filterSubject: "plans whose family or lead worker",
            extra: [KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the plans again.", inHintBar: false)])
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadPlans)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: FilteredList<PlanSummary>.tableRows(viewport)) { return [] }
        switch action {
        case .open: return list.selected.map { [.open(.plan(familyId: $0.familyId))] } ?? []
        case .refresh: return [.run(.loadPlans)]
        default: return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        list.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .plans(let plans): list.load(plans)
        case .failed(let message): list.fail(message)
        default: break
        }
        return []
    }

    static let columns = [
        TableColumn("Family", .flexible(minimum: 18)),
        TableColumn("Lead worker", .flexible(minimum: 14)),
        TableColumn("Open", .fixed(4), alignment: .trailing),
        TableColumn("Overdue", .fixed(9)),
        TableColumn("Next due", .fixed(10)),
        TableColumn("Clash", .fixed(5), alignment: .trailing),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        list.render(
            heading: "Joint case plans", noun: ("plan", "plans"), columns: Self.columns,
            cells: { plan in
                [
                    TableCell(plan.familyName),
                    TableCell(plan.leadWorkerName ?? "—"),
                    TableCell(String(plan.openTasks)),
                    plan.overdueTasks > 0 ? TableCell("\(plan.overdueTasks) OVERDUE", .warning) : TableCell("—", .muted),
                    TableCell(plan.nextDue?.usFormat ?? "—"),
                    plan.clashes > 0 ? TableCell("⚠ \(plan.clashes)", .warning) : TableCell("—", .muted),
                ]
            },
            empty: "No joint case plan yet.", into: &grid, area: inner)
    }
}

extension PlanSummary: FilterableRow {
    public var filterFields: [String] { [familyName, leadWorkerName ?? ""] }
}
