/// A joint case plan written out for paper or the case file: the goals in the family's words,
/// the clashes the plan holds, then the tasks of each side (what CalWORKs does, what Child
/// Welfare does, the family's and providers' part), each with its owner, worker, due date,
/// hours, status and note.
public struct PlanDocument: Sendable {
    public var familyName: String
    public var plan: CasePlan
    public var tasks: [PlanTask]
    /// Worker names by id, for the lead worker and the task owners.
    public var workerNames: [Int64: String]
    public var today: CalendarDate
    /// AB 429 and AB 135, for a family in Family Reunification whose records the reader sees.
    public var reunification: ReunificationStatus?

    public init(
        familyName: String, plan: CasePlan, tasks: [PlanTask], workerNames: [Int64: String], today: CalendarDate,
        reunification: ReunificationStatus? = nil
    ) {
        self.familyName = familyName
        self.plan = plan
        self.tasks = tasks
        self.workerNames = workerNames
        self.today = today
        self.reunification = reunification
    }

    var lead: String {
        plan.leadWorkerId.flatMap { workerNames[$0] } ?? "not named"
    }

    /// The three parts of the plan, in the order they print, with the tasks of each.
    var sections: [(title: String, tasks: [PlanTask])] {
        [("What CalWORKs does", tasks.filter { $0.side == .calworks }),
         ("What Child Welfare does", tasks.filter { $0.side == .childWelfare }),
         ("The family's and providers' part", tasks.filter { $0.side == nil })]
            .filter { !$0.1.isEmpty }
    }

    var conflicts: [PlanConflict] { PlanConflicts.find(in: tasks, today: today) }

    func line(_ task: PlanTask) -> (due: String, title: String, owner: String, hours: String, status: String, note: String) {
        let who = [task.owner.displayName, task.ownerWorkerId.flatMap { workerNames[$0] }].compactMap { $0 }.joined(separator: ", ")
        let status = task.isOverdue(on: today) ? "OVERDUE" : task.status.displayName
        return (task.dueDate?.usFormat ?? "no date", task.title, who, task.time?.description ?? "", status, task.note ?? "")
    }

    public var markdown: String {
        var lines = ["# Joint case plan: \(familyName)", "", "Lead worker: \(lead). Printed \(today.usFormat).", "",
                     "## The family's goals", "", plan.goals.isEmpty ? "Not written yet." : "> \(plan.goals)", ""]
        if let reunification {
            lines += ["## Family Reunification: AB 429 and AB 135", ""]
            for answer in reunification.answers(on: today) {
                lines += ["- **\(answer.heading)**"] + answer.details.map { "  - \($0)" }
            }
            lines.append("")
        }
        if !conflicts.isEmpty {
            lines += ["## Clashes to resolve", ""] + conflicts.map { "- **\($0.heading).** \($0.explanation)" } + [""]
        }
        if tasks.isEmpty { lines += ["## Tasks", "", "No tasks yet.", ""] }
        for section in sections {
            lines += ["## \(section.title)", "", "| Due | Task | Owner | Hours | Status | Note |", "| --- | --- | --- | --- | --- | --- |"]
            for task in section.tasks {
                let row = line(task)
                let cells = [row.due, row.title, row.owner, row.hours, row.status, row.note]
                    .map { $0.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: " ") }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public var text: String {
        let title = "Joint case plan: \(familyName)"
        var lines = [title, String(repeating: "=", count: title.count), "", "Lead worker: \(lead). Printed \(today.usFormat).", "",
                     "The family's goals:"]
        lines += PrintedText.wrap(plan.goals.isEmpty ? "Not written yet." : "\"\(plan.goals)\"", firstIndent: "  ", indent: "   ")
        lines.append("")
        if let reunification {
            lines.append("Family Reunification: AB 429 and AB 135:")
            for answer in reunification.answers(on: today) {
                lines += PrintedText.wrap(answer.heading, firstIndent: "  ", indent: "  ")
                lines += answer.details.flatMap { PrintedText.wrap($0, firstIndent: "    - ", indent: "      ") }
            }
            lines.append("")
        }
        if !conflicts.isEmpty {
            lines.append("Clashes to resolve:")
            lines += conflicts.flatMap { PrintedText.wrap("\($0.heading). \($0.explanation)", firstIndent: "  * ", indent: "    ") }
            lines.append("")
        }
        if tasks.isEmpty { lines += ["Tasks:", "  No tasks yet.", ""] }
        for section in sections {
            lines.append("\(section.title):")
            for task in section.tasks {
                let row = line(task)
                let column = "              "
                lines += PrintedText.wrap(row.title, firstIndent: "  \(row.due)  ", indent: column)
                lines += PrintedText.wrap([row.owner, row.hours, row.status].filter { !$0.isEmpty }.joined(separator: " · "),
                                          firstIndent: column, indent: column)
                if !row.note.isEmpty {
                    lines += PrintedText.wrap("Note: " + row.note.replacingOccurrences(of: "\n", with: " "), firstIndent: column,
                                              indent: column + "      ")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
