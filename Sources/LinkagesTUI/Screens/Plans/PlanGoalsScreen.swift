import LinkagesDomain
import LinkagesStore

/// The family's goals, in its own words, and the plan's lead worker. Saving the first time
/// starts the family's joint case plan.
public struct PlanGoalsScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    let isNewPlan: Bool
    /// The plan as the worker read it: the base their save is measured against.
    public private(set) var plan: CasePlan?
    public private(set) var form: Form
    public private(set) var problems: [String] = []

    public init(familyId: Int64, familyName: String, plan: CasePlan?) {
        self.familyId = familyId
        self.familyName = familyName
        isNewPlan = plan == nil
        self.plan = plan
        let values = Self.values(of: plan)
        form = Form([
            .text("goals", "The family's goals, in its words", values["goals"] ?? "",
                  placeholder: "e.g. “Keep my kids safe and get back to school.”"),
            .choice("lead", "Lead worker", values["lead"] ?? "", [], allowsNone: true),
        ])
    }

    /// The form's values for a plan, by field id.
    static func values(of plan: CasePlan?) -> [String: String] {
        ["goals": plan?.goals ?? "", "lead": plan?.leadWorkerId.map(String.init) ?? ""]
    }

    public var title: String { "\(isNewPlan ? "New plan" : "Plan goals"): \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: isNewPlan ? "start plan" : "save", help: "Save the goals and the lead worker; audited.")
    }

    public func onAppear() -> [ScreenCommand] { [.run(.loadWorkers)] }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            let goals = form.value("goals")
            guard !goals.isEmpty else {
                problems = ["Write the family's goals, in its own words."]
                return []
            }
            problems = []
            return [.run(.savePlan(familyId: familyId, goals: goals, leadWorkerId: Int64(form.value("lead")), seen: plan))]
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
        case .workers(let workers):
            form.set("lead", choices: workers.compactMap { worker in
                worker.id.map { Choice(id: String($0), label: "\(worker.name) (\(worker.program.badge))") }
            })
        case .planSaved(let plan) where plan.familyId == familyId:
            return [.close, .say(isNewPlan ? "Started the joint case plan. Press n to add its first task." : "Saved the goals.")]
        case .planConflict(let id, let conflict, let current) where id == familyId:
            form.rebase(from: Self.values(of: plan), to: Self.values(of: current))
            plan = current
            problems = FormProblems.conflict(conflict)
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "Write the goals as the family says them. The lead worker keeps the plan and calls the staffings; "
                + "pick with ←/→ or the first letter of the name.",
            problems: problems, into: &grid, area: area, labelWidth: 34)
    }
}
