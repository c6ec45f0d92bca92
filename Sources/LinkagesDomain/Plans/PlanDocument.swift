/// A joint case plan written out for paper or the case file: the goals in the family's words,
/// then each task with its owner, worker, due date and status, CalWORKs and Child Welfare side by
/// side in one list.
public struct PlanDocument: Sendable {
    public var familyName: String
    public var plan: CasePlan
    public var tasks: [PlanTask]
    /// Worker names by id, for the lead worker and the task owners.
    public var workerNames: [Int64: String]
    public var today: CalendarDate

    public init(familyName: String, plan: CasePlan, tasks: [PlanTask], workerNames: [Int64: String], today: CalendarDate) {
        self.familyName = familyName
        self.plan = plan
        self.tasks = tasks
        self.workerNames = workerNames
        self.today = today
    }

    var lead: String {
        plan.leadWorkerId.flatMap { workerNames[$0] } ?? "not named"
    }

    func line(_ task: PlanTask) -> (due: String, title: String, owner: String, status: String) {
        let who = [task.owner.displayName, task.ownerWorkerId.flatMap { workerNames[$0] }].compactMap { $0 }.joined(separator: ", ")
        let status = task.isOverdue(on: today) ? "OVERDUE" : task.status.displayName
        return (task.dueDate?.usFormat ?? "no date", task.title, who, status)
    }

    public var markdown: String {
        var lines = ["# Joint case plan: \(familyName)", "", "Lead worker: \(lead). Printed \(today.usFormat).", "",
                     "## The family's goals", "", "> \(plan.goals)", "", "## Tasks", ""]
        if tasks.isEmpty { lines.append("No tasks yet.") }
        if !tasks.isEmpty {
            lines += ["| Due | Task | Owner | Status |", "| --- | --- | --- | --- |"]
            for task in tasks {
                let row = line(task)
                let cells = [row.due, row.title, row.owner, row.status].map { $0.replacingOccurrences(of: "|", with: "/") }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var text: String {
        let title = "Joint case plan: \(familyName)"
        var lines = [title, String(repeating: "=", count: title.count), "", "Lead worker: \(lead). Printed \(today.usFormat).", "",
                     "The family's goals:", "  \"\(plan.goals)\"", "", "Tasks:"]
        if tasks.isEmpty { lines.append("  No tasks yet.") }
        for task in tasks {
            let row = line(task)
            lines.append("  \(row.due)  \(row.title)")
            lines.append("              \(row.owner) · \(row.status)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
