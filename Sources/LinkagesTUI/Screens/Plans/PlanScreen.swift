import LinkagesDomain
import LinkagesStore

/// One family's joint case plan: the goals in the family's words, what CalWORKs does beside
/// what Child Welfare does, the family's and providers' part below, and every clash the plan
/// holds, in plain words. Tasks are added and changed from here.
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

    /// The tasks in the order ↑/↓ visit them: CalWORKs' side, Child Welfare's, then the rest.
    public var orderedTasks: [PlanTask] {
        let tasks = detail?.tasks ?? []
        return tasks.filter { $0.side == .calworks } + tasks.filter { $0.side == .childWelfare } + tasks.filter { $0.side == nil }
    }

    public var selectedTask: PlanTask? {
        let tasks = orderedTasks
        return tasks.indices.contains(selection.index) ? tasks[selection.index] : nil
    }

    public func conflicts(on today: CalendarDate) -> [PlanConflict] {
        guard let detail, detail.plan != nil else { return [] }
        return PlanConflicts.find(in: detail.tasks, today: today)
    }

    public var bindings: [KeyBinding] {
        let noPlan = detail?.plan == nil ? "the family has no plan yet: press w to start one" : nil
        return CommonBindings.moveInList + [
            KeyBinding([.enter, .char("e")], .open, label: "change", help: "Change the selected task: its dates, hours, worker or status.",
                       disabledReason: noPlan ?? (selectedTask == nil ? "the plan has no tasks yet" : nil)),
            KeyBinding([.char("n")], .newTask, label: "add task", help: "Add a task to the plan.", disabledReason: noPlan),
            KeyBinding([.char("w")], .editGoals, label: "goals",
                       help: "Write the family's goals and name the lead worker; starts the plan when there is none.",
                       disabledReason: detail == nil ? "the plan is still loading" : nil),
            KeyBinding([.char("m")], .go(.meetings(familyId: familyId)), label: "meetings",
                       help: "The family's Child and Family Team meetings: schedule one, record its decisions as plan tasks."),
            KeyBinding([.char("f")], .go(.family(familyId)), label: "family", help: "Open the family's records in both programs."),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the plan again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadFamily(id: familyId))]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: orderedTasks.count, visibleRows: orderedTasks.count) { return [] }
        // Going to the meetings or the family, and reading again, need nothing loaded: a key
        // pressed while the plan loads is not lost.
        switch action {
        case .go(let route): return [.open(route)]
        case .refresh: return [.run(.loadFamily(id: familyId))]
        default: break
        }
        guard let detail else { return [] }
        let name = detail.family.displayName
        switch action {
        case .editGoals: return [.open(.planGoals(familyId: familyId, familyName: name, plan: detail.plan))]
        case .newTask where detail.plan != nil:
            return [.open(.planTask(familyId: familyId, familyName: name, task: nil, tasks: detail.tasks))]
        case .open:
            guard let task = selectedTask else { return [] }
            return [.open(.planTask(familyId: familyId, familyName: name, task: task, tasks: detail.tasks))]
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
            let text = detail.withheld.plan
                ? "The family's plan is shown only to workers who see either program's record in full."
                : "This family has no joint case plan yet. Press w to write the family's goals and name the lead worker."
            for (offset, line) in DisplayWidth.wrap(text, to: inner.width).enumerated() {
                grid.put(line, row: inner.row + offset, column: inner.column, style: .muted)
            }
            return
        }
        var row = inner.row
        let lead = plan.leadWorkerId.flatMap { detail.workers[$0] }
        let labelEnd = grid.put("Lead worker: ", row: row, column: inner.column, style: .bold)
        grid.put(lead?.contactLine ?? "not named", row: row, column: labelEnd, maxWidth: inner.right - labelEnd)
        row += 1
        if plan.goals.isEmpty {
            grid.put("Goals: not written yet; press w to write them in the family's words.", row: row, column: inner.column,
                     style: .warning, maxWidth: inner.width)
            row += 1
        }
        for line in DisplayWidth.wrap("Goals: “\(plan.goals)”", to: inner.width).prefix(plan.goals.isEmpty ? 0 : 2) {
            grid.put(line, row: row, column: inner.column)
            row += 1
        }
        if let reunification = detail.reunification {
            let line = reunification.planLine(on: context.today)
            grid.put(line.text, row: row, column: inner.column, style: line.endingSoon ? .warning : .muted, maxWidth: inner.width)
            row += 1
        }
        let footerHeight = 3
        let conflicts = conflicts(on: context.today)
        // Clashes are what the plan's owners must act on: up to half the room, the tasks the rest.
        let conflictRows = PlanConflictsView.render(conflicts, into: &grid, row: row + 1, column: inner.column, width: inner.width,
                                                    maxRows: max(0, (inner.bottom - footerHeight - row) / 2))
        row += 1 + conflictRows
        let tasksArea = Rect(row: row + (conflictRows > 0 ? 1 : 0), column: inner.column, width: inner.width,
                             height: inner.bottom - footerHeight - row - (conflictRows > 0 ? 1 : 0))
        let flagged = Set(conflicts.flatMap(\.taskIds))
        PlanSidesView(tasks: orderedTasks, selected: selectedTask?.id, flagged: flagged, today: context.today)
            .render(into: &grid, area: tasksArea)
        if let task = selectedTask {
            renderFooter(task, detail: detail, into: &grid, row: inner.bottom - footerHeight, column: inner.column, width: inner.width)
        }
    }

    /// The selected task in full: what it is, who carries it, when, what it waits for.
    private func renderFooter(_ task: PlanTask, detail: FamilyDetail, into grid: inout CellGrid, row: Int, column: Int, width: Int) {
        let worker = task.ownerWorkerId.flatMap { detail.workers[$0]?.name }
        let who = [task.owner.displayName, worker].compactMap { $0 }.joined(separator: ", ")
        let due = task.dueDate.map { "due \($0.usFormat)" } ?? "no due date"
        let first = [task.kind.displayName, who, due, task.status.displayName].joined(separator: " · ")
        let waits = task.afterTaskId.flatMap { id in detail.tasks.first { $0.id == id } }.map { "after “\($0.title)”" }
        let second = [task.time.map { "Takes \($0)" }, waits, task.note].compactMap { $0 }.joined(separator: " · ")
        grid.put(task.title, row: row, column: column, style: .bold, maxWidth: width)
        grid.put(first, row: row + 1, column: column, maxWidth: width)
        grid.put(second.isEmpty ? "No set hours." : second, row: row + 2, column: column, style: .muted, maxWidth: width)
    }
}
