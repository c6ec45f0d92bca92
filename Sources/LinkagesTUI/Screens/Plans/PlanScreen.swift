import LinkagesDomain
import LinkagesStore

/// One family's joint case plan: its goals in the family's words and every task with the
/// program that owns it.
public struct PlanScreen: ScreenModel {
    public let familyId: Int64
    public private(set) var detail: FamilyDetail?
    public private(set) var selection = ListSelection()
    public private(set) var loadError: String?

    public init(familyId: Int64) {
        self.familyId = familyId
    }

    public var title: String {
        detail.map { "Plan: \($0.family.displayName)" } ?? "Joint plan"
    }

    public var bindings: [KeyBinding] {
        CommonBindings.moveInList + [
            KeyBinding([.char("f")], .go(.family(familyId)), label: "family", help: "Open the family's records in both programs."),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the plan again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadFamily(id: familyId))]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: detail?.tasks.count ?? 0, visibleRows: viewport.height - 8) { return [] }
        switch action {
        case .go(let route): return [.open(route)]
        case .refresh: return [.run(.loadFamily(id: familyId))]
        default: return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .family(let id, let detail) where id == familyId:
            self.detail = detail
            selection.clamp(count: detail?.tasks.count ?? 0)
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("Due", .fixed(10)),
        TableColumn("Task", .flexible(minimum: 20)),
        TableColumn("Owner", .fixed(8)),
        TableColumn("Worker", .fixed(14)),
        TableColumn("Status", .fixed(11)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        if let loadError {
            grid.put(loadError, row: inner.row, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        guard let detail else {
            grid.put("Loading…", row: inner.row, column: inner.column, style: .muted)
            return
        }
        guard let plan = detail.plan else {
            grid.put("This family has no joint case plan yet.", row: inner.row, column: inner.column, style: .muted)
            return
        }
        let lead = plan.leadWorkerId.flatMap { detail.workers[$0] }
        grid.put("Lead worker: ", row: inner.row, column: inner.column, style: .bold)
        grid.put(lead?.contactLine ?? "not named", row: inner.row, column: inner.column + 13, maxWidth: inner.width - 13)
        grid.put("Family's goals", row: inner.row + 1, column: inner.column, style: .heading)
        let goals = DisplayWidth.wrap("“\(plan.goals)”", to: inner.width - 2).prefix(2)
        for (offset, line) in goals.enumerated() {
            grid.put(line, row: inner.row + 2 + offset, column: inner.column + 2)
        }
        let rows = detail.tasks.map { task -> [TableCell] in
            let overdue = task.isOverdue(on: context.today)
            let ownerStyle: Style = switch task.owner {
            case .calworks: .calworks
            case .childWelfare: .childWelfare
            default: .plain
            }
            let ownerBadge = switch task.owner {
            case .calworks: Program.calworks.badge
            case .childWelfare: Program.childWelfare.badge
            default: task.owner.displayName
            }
            return [
                TableCell(task.dueDate?.usFormat ?? "—", overdue ? .warning : .plain),
                TableCell(task.title),
                TableCell(ownerBadge, ownerStyle),
                TableCell(task.ownerWorkerId.flatMap { detail.workers[$0]?.name } ?? "—"),
                overdue ? TableCell("OVERDUE", .warning) : TableCell(task.status.displayName, task.status.isOpen ? .plain : .muted),
            ]
        }
        Table.render(columns: Self.columns, rows: rows, selection: selection, into: &grid,
                     area: Rect(row: inner.row + 5, column: inner.column, width: inner.width, height: inner.height - 5),
                     emptyMessage: "The plan has no tasks yet.")
    }
}
