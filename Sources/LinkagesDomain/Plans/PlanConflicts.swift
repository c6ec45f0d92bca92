/// Something in a joint case plan that cannot all happen as written, in plain words.
public struct PlanConflict: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Welfare-to-Work hours fall on a court-ordered service or a visit.
        case welfareToWorkVersusChildWelfare
        /// Two tasks need the family at the same time.
        case overlappingTimes
        /// A task is due before the task it waits for, or waits for a cancelled one.
        case deadlines
        /// An appointment is set after the task's own due date.
        case appointmentAfterDue
    }

    public var kind: Kind
    /// The tasks involved, by id.
    public var taskIds: [Int64]
    public var explanation: String

    public var heading: String {
        switch kind {
        case .welfareToWorkVersusChildWelfare: return "Welfare-to-Work hours clash with Child Welfare"
        case .overlappingTimes: return "Times overlap"
        case .deadlines: return "Deadlines cannot both be met"
        case .appointmentAfterDue: return "Appointment after its due date"
        }
    }
}

/// Finds the clashes in a plan's open tasks: overlapping times (Welfare-to-Work hours against
/// court-ordered services and visits first), deadlines out of order, appointments after their
/// due dates. Appointments before `today` and closed tasks are left out.
public enum PlanConflicts {
    public static func find(in tasks: [PlanTask], today: CalendarDate) -> [PlanConflict] {
        let open = tasks.filter { $0.status.isOpen && $0.id != nil }
        var found: [PlanConflict] = []
        for (index, first) in open.enumerated() {
            for second in open[(index + 1)...] {
                if let clash = timeClash(first, second, today: today) { found.append(clash) }
            }
            found += deadlineProblems(of: first, among: tasks)
            if let late = appointmentAfterDue(first, today: today) { found.append(late) }
        }
        return found.sorted { order($0.kind) < order($1.kind) }
    }

    private static func order(_ kind: PlanConflict.Kind) -> Int {
        switch kind {
        case .welfareToWorkVersusChildWelfare: return 0
        case .overlappingTimes: return 1
        case .deadlines: return 2
        case .appointmentAfterDue: return 3
        }
    }

    /// The first day the two tasks' times meet, described; nil when they never do.
    static func timeClash(_ a: PlanTask, _ b: PlanTask, today: CalendarDate) -> PlanConflict? {
        guard let timeA = a.time, let timeB = b.time, timeA.hoursOverlap(timeB),
              let when = firstSharedDay(a, b, today: today)
        else { return nil }
        let (wtw, other) = a.kind == .welfareToWorkActivity ? (a, b) : (b, a)
        if wtw.kind == .welfareToWorkActivity && other.kind.isCourtOrderedOrVisit {
            return PlanConflict(
                kind: .welfareToWorkVersusChildWelfare, taskIds: [wtw.id!, other.id!],
                explanation: "“\(wtw.title)” (\(wtw.time!)) falls on “\(other.title)” (\(other.time!)) \(when). "
                    + "Move the Welfare-to-Work hours: the \(other.kind.displayName.lowercased()) cannot move.")
        }
        return PlanConflict(
            kind: .overlappingTimes, taskIds: [a.id!, b.id!],
            explanation: "“\(a.title)” (\(timeA)) and “\(b.title)” (\(timeB)) need the same hours \(when).")
    }

    /// "on Tuesdays" for two weekly times, "on 12/03/2026" when an appointment is involved.
    private static func firstSharedDay(_ a: PlanTask, _ b: PlanTask, today: CalendarDate) -> String? {
        switch (a.time!.days, b.time!.days) {
        case (.weekly(let first), .weekly(let second)):
            let shared = first.intersection(second)
            return shared.isEmpty ? nil : "on \(TaskTime.describe(shared))"
        case (.weekly, .once(let date)):
            return runs(a, on: date) && date >= today ? "on \(date.usFormat)" : nil
        case (.once(let date), .weekly):
            return runs(b, on: date) && date >= today ? "on \(date.usFormat)" : nil
        case (.once(let first), .once(let second)):
            return first == second && first >= today ? "on \(first.usFormat)" : nil
        }
    }

    /// A weekly task runs on the day's weekday until its due date.
    private static func runs(_ task: PlanTask, on date: CalendarDate) -> Bool {
        guard task.time!.falls(on: date) else { return false }
        return task.dueDate.map { date <= $0 } ?? true
    }

    static func deadlineProblems(of task: PlanTask, among tasks: [PlanTask]) -> [PlanConflict] {
        guard let afterId = task.afterTaskId, let before = tasks.first(where: { $0.id == afterId }) else { return [] }
        if before.status == .cancelled {
            return [PlanConflict(kind: .deadlines, taskIds: [task.id!, afterId],
                                 explanation: "“\(task.title)” waits for “\(before.title)”, which was cancelled.")]
        }
        guard before.status.isOpen, let due = task.dueDate, let beforeDue = before.dueDate, due < beforeDue else { return [] }
        return [PlanConflict(
            kind: .deadlines, taskIds: [task.id!, afterId],
            explanation: "“\(task.title)” is due \(due.usFormat), but it waits for “\(before.title)”, due \(beforeDue.usFormat).")]
    }

    static func appointmentAfterDue(_ task: PlanTask, today: CalendarDate) -> PlanConflict? {
        guard case .once(let date)? = task.time?.days, let due = task.dueDate, date > due, date >= today else { return nil }
        return PlanConflict(kind: .appointmentAfterDue, taskIds: [task.id!],
                            explanation: "“\(task.title)” is set for \(date.usFormat), after its due date \(due.usFormat).")
    }
}
