import LinkagesDomain
import LinkagesStore

/// Recording what a team meeting decided. A decision can become a task of the family's plan
/// at once, with its owner and due date, so it is not lost between the two programs.
public struct DecisionFormScreen: ScreenModel {
    public let meetingId: Int64
    public let familyId: Int64
    let familyName: String
    public private(set) var form: Form
    public private(set) var problems: [String] = []

    static let yesNo = [Choice(id: "yes", label: "Yes"), Choice(id: "no", label: "No")]
    static let owners = TaskOwner.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }
    static let kinds = TaskKind.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }

    public init(meetingId: Int64, familyId: Int64, familyName: String) {
        self.meetingId = meetingId
        self.familyId = familyId
        self.familyName = familyName
        form = Form([
            .text("text", "What was decided", placeholder: "e.g. CalWORKs approves child care from 12/01"),
            .choice("task", "Make it a plan task", "yes", Self.yesNo),
            .choice("owner", "Who carries it", TaskOwner.family.rawValue, Self.owners),
            .choice("kind", "What it is", TaskKind.other.rawValue, Self.kinds),
            .text("due", "Due (MM/DD/YYYY)", placeholder: "blank: no date"),
        ])
    }

    public var title: String { "Meeting decision: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "record", help: "Record the decision (and its plan task); audited.")
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            var found: [String] = []
            if form.value("text").isEmpty { found.append("Write what the meeting decided.") }
            let due = CalendarDate(form.value("due"))
            if !form.value("due").isEmpty && due == nil { found.append("Write the due date as MM/DD/YYYY, or leave it blank.") }
            problems = found
            guard found.isEmpty else { return [] }
            let task = form.value("task") == "yes"
                ? PlanTask(planId: 0, title: form.value("text"), kind: TaskKind(rawValue: form.value("kind")) ?? .other,
                           owner: TaskOwner(rawValue: form.value("owner")) ?? .family, dueDate: due)
                : nil
            return [.run(.recordDecision(meetingId: meetingId, text: form.value("text"), task: task))]
        default: break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .decisionRecorded(let decision) where decision.meetingId == meetingId:
            return [.close, .say(decision.taskId == nil ? "Recorded the decision." : "Recorded the decision and added it to the plan.")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "One decision at a time. As a plan task it shows on the joint plan with its owner and due date.",
            problems: problems, into: &grid, area: area, labelWidth: 24,
            dimmed: form.value("task") == "no" ? ["owner", "kind", "due"] : [])
    }
}
