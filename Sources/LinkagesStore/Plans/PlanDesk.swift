import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Writes the family's goals and lead worker, starting the plan when the family has none.
    /// Only a worker who may see the plan may change it; audited.
    @discardableResult
    public func savePlan(
        familyId: Int64, goals: String, leadWorkerId: Int64?, for policy: AccessPolicy, at time: Date
    ) throws -> CasePlan {
        let goals = goals.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goals.isEmpty else { throw WorkRefusal("write the family's goals, in its own words") }
        return try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            if let leadWorkerId, try Worker.fetchOne(db, key: leadWorkerId)?.active != true {
                throw WorkRefusal("the lead worker must be an active worker")
            }
            var plan = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db)
                ?? CasePlan(familyId: familyId, goals: goals, createdAt: time)
            let isNew = plan.id == nil
            plan.goals = goals
            plan.leadWorkerId = leadWorkerId
            plan.updatedAt = time
            try plan.save(db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .changePlan, familyId: familyId,
                                             detail: isNew ? "plan started" : "goals or lead worker changed"), at: time, in: db)
            return plan
        }
    }

    /// Adds the task to the family's plan, or changes it when it has an id. Audited.
    @discardableResult
    public func saveTask(_ task: PlanTask, familyId: Int64, for policy: AccessPolicy, at time: Date) throws -> PlanTask {
        var task = task
        task.title = task.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !task.title.isEmpty else { throw WorkRefusal("say what the task is") }
        return try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            guard var plan = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db) else {
                throw WorkRefusal("write the family's goals first: that starts the plan")
            }
            if let id = task.id {
                guard let stored = try PlanTask.fetchOne(db, key: id), stored.planId == plan.id else {
                    throw WorkRefusal("that task is not in this family's plan")
                }
            }
            task.planId = plan.id!
            try Self.checkWaitsFor(task, in: db)
            if let worker = task.ownerWorkerId, try Worker.fetchOne(db, key: worker)?.active != true {
                throw WorkRefusal("the task's worker must be an active worker")
            }
            let isNew = task.id == nil
            try task.save(db)
            plan.updatedAt = time
            try plan.update(db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .changePlan, familyId: familyId,
                                             detail: "task \(task.id!) \(isNew ? "added" : "changed")"), at: time, in: db)
            return task
        }
    }

    /// A task may wait only for another task of the same plan, and never, through others, for itself.
    private static func checkWaitsFor(_ task: PlanTask, in db: Database) throws {
        var next = task.afterTaskId
        var seen: Set<Int64> = task.id.map { [$0] } ?? []
        while let id = next {
            guard let before = try PlanTask.fetchOne(db, key: id), before.planId == task.planId else {
                throw WorkRefusal("a task can wait only for another task of the same plan")
            }
            guard seen.insert(id).inserted else {
                throw WorkRefusal("“\(task.title)” would end up waiting for itself")
            }
            next = before.afterTaskId
        }
    }

    /// The plan is shown to a worker who sees either program's record of the family in full;
    /// the same worker may change it.
    static func requirePlanAccess(_ db: Database, familyId: Int64, policy: AccessPolicy) throws {
        guard policy.mayOpenFamilies,
              let detail = try familyDetail(db, id: familyId, on: policy.today)?
                .visible(under: policy, emergencyReason: nil, sensitiveQuestions: []),
              detail.records.contains(where: { $0.access.isFull })
        else { throw WorkRefusal("you may not change this family's plan: you see neither program's record in full") }
    }
}
