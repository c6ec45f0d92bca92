import LinkagesDomain
import LinkagesStore

/// Every joint case plan, those with overdue tasks first.
public struct PlansScreen: ScreenModel {
    public private(set) var plans: [PlanSummary]?
    public private(set) var selection = ListSelection()
    public private(set) var textFilter = ListFilter()
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "Case plans" }
    public var isTyping: Bool { textFilter.isEditing }

    /// The plans that pass the text filter (family, lead worker).
    public var visiblePlans: [PlanSummary] {
        (plans ?? []).filter { textFilter.matches([$0.familyName, $0.leadWorkerName ?? ""]) }
    }

    public var bindings: [KeyBinding] {
        if textFilter.isEditing { return ListFilter.editingBindings }
        return CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open plan", help: "Open the selected joint case plan.",
                       disabledReason: plans == nil ? "the list is still loading" : (visiblePlans.isEmpty ? "there is no plan in the list" : nil)),
            ListFilter.startBinding("plans whose family or lead worker"),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the plans again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadPlans)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if textFilter.apply(action) {
            selection.clamp(count: visiblePlans.count)
            return []
        }
        if selection.apply(action, count: visiblePlans.count, visibleRows: viewport.height - 4) { return [] }
        switch action {
        case .open:
            let list = visiblePlans
            guard list.indices.contains(selection.index) else { return [] }
            return [.open(.plan(familyId: list[selection.index].familyId))]
        case .refresh:
            return [.run(.loadPlans)]
        default:
            return []
        }
    }

    public mutating func type(_ key: Key) -> [ScreenCommand] {
        if textFilter.edit(key) { selection = ListSelection() }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .plans(let plans):
            self.plans = plans
            selection.clamp(count: visiblePlans.count)
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
        let list = visiblePlans
        let count = plans.map { _ in "\(list.count) plans" } ?? "loading…"
        Chrome.heading(into: &grid, "Joint case plans · \(count)", row: inner.row, area: inner,
                       selection: selection, count: list.count)
        textFilter.render(into: &grid, row: inner.row, right: inner.right)
        if let loadError {
            grid.put(loadError, row: inner.row + 2, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        let rows = list.map { plan -> [TableCell] in
            [
                TableCell(plan.familyName),
                TableCell(plan.leadWorkerName ?? "—"),
                TableCell(String(plan.openTasks)),
                plan.overdueTasks > 0 ? TableCell("\(plan.overdueTasks) OVERDUE", .warning) : TableCell("—", .muted),
                TableCell(plan.nextDue?.usFormat ?? "—"),
            ]
        }
        let empty = plans == nil ? "" : (textFilter.text.isEmpty ? "No joint case plan yet." : "No plan matches “\(textFilter.text)”.")
        Table.render(columns: Self.columns, rows: rows, selection: selection, focused: !textFilter.isEditing, into: &grid,
                     area: Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: inner.height - 2),
                     emptyMessage: empty)
    }
}
