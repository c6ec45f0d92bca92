import LinkagesDomain
import LinkagesStore

/// Adding a task to a joint case plan, or changing one: what it is, who carries it, by when,
/// when it takes the family's time and what it waits for. The plan shows the clashes after saving.
public struct TaskFormScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    /// The task being changed, as the worker read it (the base their save is measured
    /// against); nil for a new one.
    public private(set) var task: PlanTask?
    public private(set) var form: Form
    public private(set) var problems: [String] = []
    var workers: [Worker] = []

    static let kinds = TaskKind.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }
    static let owners = TaskOwner.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }
    static let statuses = TaskStatus.allCases.map { Choice(id: $0.rawValue, label: $0.displayName.capitalizedFirst) }

    public init(familyId: Int64, familyName: String, task: PlanTask?, tasks: [PlanTask]) {
        self.familyId = familyId
        self.familyName = familyName
        self.task = task
        let others = tasks.filter { $0.id != nil && $0.id != task?.id }
            .map { Choice(id: String($0.id!), label: $0.title) }
        let values = Self.values(of: task)
        form = Form([
            .text("title", "Task", values["title"]!, placeholder: "e.g. Job club, supervised visit, child care approval"),
            .choice("kind", "What it is", values["kind"]!, Self.kinds),
            .choice("owner", "Who carries it", values["owner"]!, Self.owners),
            .choice("worker", "Worker", values["worker"]!, [], allowsNone: true),
            .text("due", "Due (MM/DD/YYYY)", values["due"]!, placeholder: "blank: no date"),
            .text("time", "When it takes the family's time", values["time"]!,
                  placeholder: "Mon-Fri 9:00-12:00 or 12/03/2026 10:00-11:00"),
            .choice("after", "Waits for", values["after"]!, others, allowsNone: true),
            .choice("status", "Status", values["status"]!, Self.statuses),
            .text("note", "Note", values["note"]!),
        ])
    }

    /// The form's values for a task (a new one's defaults when nil), by field id.
    static func values(of task: PlanTask?) -> [String: String] {
        [
            "title": task?.title ?? "", "kind": (task?.kind ?? .other).rawValue, "owner": (task?.owner ?? .family).rawValue,
            "worker": task?.ownerWorkerId.map(String.init) ?? "", "due": task?.dueDate?.usFormat ?? "",
            "time": task?.time?.description ?? "", "after": task?.afterTaskId.map(String.init) ?? "",
            "status": (task?.status ?? .notStarted).rawValue, "note": task?.note ?? "",
        ]
    }

    public var title: String { "\(task == nil ? "New task" : "Task"): \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: task == nil ? "add task" : "save", help: "Save the task to the plan; audited.")
    }

    public func onAppear() -> [ScreenCommand] { workers.isEmpty ? [.run(.loadWorkers)] : [] }

    /// The task as entered, or the sentences that say what to fix.
    func entered() -> Result<PlanTask, FormRefusal> {
        var problems: [String] = []
        let title = form.value("title")
        if title.isEmpty { problems.append("Say what the task is.") }
        var due: CalendarDate?
        if !form.value("due").isEmpty {
            switch CalendarDate.parse(form.value("due")) {
            case .success(let date): due = date
            case .failure(let error): problems.append("Due date: \(error.description.capitalizedFirst).")
            }
        }
        var time: TaskTime?
        if !form.value("time").isEmpty {
            switch TaskTime.parse(form.value("time")) {
            case .success(let parsed): time = parsed
            case .failure(let error): problems.append(error.description)
            }
        }
        guard problems.isEmpty else { return .failure(.init(sentences: problems)) }
        var result = task ?? PlanTask(planId: 0, title: title, owner: .family)
        result.title = title
        result.kind = TaskKind(rawValue: form.value("kind")) ?? .other
        result.owner = TaskOwner(rawValue: form.value("owner")) ?? .family
        result.ownerWorkerId = Int64(form.value("worker"))
        result.dueDate = due
        result.time = time
        result.afterTaskId = Int64(form.value("after"))
        result.status = TaskStatus(rawValue: form.value("status")) ?? .notStarted
        result.note = form.value("note").isEmpty ? nil : form.value("note")
        return .success(result)
    }

    /// The workers of the program that carries the task; none for the family or a provider.
    mutating func offerWorkers() {
        let program: Program? = switch TaskOwner(rawValue: form.value("owner")) {
        case .calworks?: .calworks
        case .childWelfare?: .childWelfare
        default: nil
        }
        form.set("worker", choices: workers.filter { $0.program == program }.compactMap { worker in
            worker.id.map { Choice(id: String($0), label: worker.name) }
        })
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            switch entered() {
            case .success(let task):
                problems = []
                return [.run(.saveTask(familyId: familyId, task, seen: self.task))]
            case .failure(let found):
                problems = found.sentences
            }
        default: break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        if form.type(key) && form.focusedId == "owner" { offerWorkers() }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .workers(let list):
            workers = list
            offerWorkers()
        case .taskSaved(let id, let saved) where id == familyId:
            return [.close, .say("\(task == nil ? "Added" : "Saved") “\(saved.title)”.")]
        case .taskConflict(let id, let conflict, let current) where id == familyId && current.id == task?.id:
            form.rebase(from: Self.values(of: task), to: Self.values(of: current))
            task = current
            offerWorkers()
            problems = FormProblems.conflict(conflict)
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let owner = TaskOwner(rawValue: form.value("owner"))
        form.renderScreen(
            intro: "Pick answers with ←/→ or a first letter. Hours like “Mon,Wed,Fri 9:00-12:00” let the plan find clashes.",
            problems: problems, into: &grid, area: area, labelWidth: 33, spaced: area.height >= 24,
            dimmed: owner == .family || owner == .provider ? ["worker"] : [])
    }
}
