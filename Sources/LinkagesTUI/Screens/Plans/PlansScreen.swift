import LinkagesDomain
import LinkagesStore

/// Every joint case plan, those with overdue tasks first.
public struct PlansScreen: ScreenModel {
    public private(set) var plans: [PlanSummary]?
    public private(set) var selection = ListSelection()
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "Case plans" }

    public var bindings: [KeyBinding] {
        CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open plan", help: "Open the selected joint case plan.",
                       disabledReason: plans == nil ? "the list is still loading" : (plans!.isEmpty ? "there is no plan in the list" : nil)),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the plans again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadPlans)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: plans?.count ?? 0, visibleRows: viewport.height - 4) { return [] }
        switch action {
        case .open:
            guard let plans, plans.indices.contains(selection.index) else { return [] }
            return [.open(.plan(familyId: plans[selection.index].familyId))]
        case .refresh:
            return [.run(.loadPlans)]
        default:
            return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .plans(let plans):
            self.plans = plans
            selection.clamp(count: plans.count)
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("Family", .flexible(minimum: 18)),
        TableColumn("Lead worker", .flexible(minimum: 14)),
        TableColumn("Open", .fixed(4), alignment: .trailing),
        TableColumn("Overdue", .fixed(9)),
        TableColumn("Next due", .fixed(10)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        let count = plans.map { "\($0.count) plans" } ?? "loading…"
        Chrome.heading(into: &grid, "Joint case plans · \(count)", row: inner.row, area: inner,
                       selection: selection, count: plans?.count ?? 0)
        if let loadError {
            grid.put(loadError, row: inner.row + 2, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        let rows = (plans ?? []).map { plan -> [TableCell] in
            [
                TableCell(plan.familyName),
                TableCell(plan.leadWorkerName ?? "—"),
                TableCell(String(plan.openTasks)),
                plan.overdueTasks > 0 ? TableCell("\(plan.overdueTasks) OVERDUE", .warning) : TableCell("—", .muted),
                TableCell(plan.nextDue?.usFormat ?? "—"),
            ]
        }
        Table.render(columns: Self.columns, rows: rows, selection: selection, into: &grid,
                     area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: inner.height - 2),
                     emptyMessage: plans == nil ? "" : "No joint case plan yet.")
    }
}
