import Foundation
import GRDB
import LinkagesDomain

/// A joint case plan as the plan list shows it.
public struct PlanSummary: Sendable, Equatable, Identifiable {
    public var id: Int64 { planId }
    public var planId: Int64
    public var familyId: Int64
    public var familyName: String
    public var leadWorkerName: String?
    public var openTasks: Int
    public var overdueTasks: Int
    public var nextDue: CalendarDate?
    /// How many clashes the plan holds (``PlanConflicts``).
    public var clashes = 0
}

extension AppDatabase {
    /// The joint case plans `policy`'s worker may see (of families whose record in either
    /// program they see in full): most overdue tasks first, then by the next due date.
    public func planSummaries(for policy: AccessPolicy, at time: Date) throws -> [PlanSummary] {
        guard policy.mayOpenFamilies else { return [] }
        let date = policy.today
        return try auditedRead("plan list", by: policy.viewer.account ?? "", at: time, families: { $0.map(\.familyId) }) { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT casePlan.id AS planId, casePlan.familyId, family.displayName AS familyName,
                       worker.name AS leadWorkerName,
                       (SELECT count(*) FROM planTask t WHERE t.planId = casePlan.id
                          AND t.status IN ('notStarted', 'inProgress')) AS openTasks,
                       (SELECT count(*) FROM planTask t WHERE t.planId = casePlan.id
                          AND t.status IN ('notStarted', 'inProgress') AND t.dueDate < :today) AS overdueTasks,
                       (SELECT min(t.dueDate) FROM planTask t WHERE t.planId = casePlan.id
                          AND t.status IN ('notStarted', 'inProgress') AND t.dueDate >= :today) AS nextDue
                FROM casePlan
                JOIN family ON family.id = casePlan.familyId
                LEFT JOIN worker ON worker.id = casePlan.leadWorkerId
                ORDER BY overdueTasks DESC, nextDue IS NULL, nextDue, family.displayName
                """, arguments: ["today": date])
            let visible = rows.filter { row in
                (try? Self.requirePlanAccess(db, familyId: row["familyId"], policy: policy)) != nil
            }
            let planIds = visible.map { $0["planId"] as Int64 }
            let tasks = Dictionary(grouping: try PlanTask.filter(planIds.contains(Column("planId"))).fetchAll(db), by: \.planId)
            return visible.map { row in
                var summary = PlanSummary(
                    planId: row["planId"], familyId: row["familyId"], familyName: row["familyName"],
                    leadWorkerName: row["leadWorkerName"], openTasks: row["openTasks"],
                    overdueTasks: row["overdueTasks"], nextDue: row["nextDue"])
                summary.clashes = PlanConflicts.find(in: tasks[summary.planId] ?? [], today: date).count
                return summary
            }
        }
    }
}
