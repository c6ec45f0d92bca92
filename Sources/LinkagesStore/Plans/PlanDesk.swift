import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Writes the family's goals and lead worker, starting the plan when the family has none.
    /// `seen` is the plan as the worker read it (nil when they saw none): a plan saved by
    /// someone else since is merged field by field, and refused when both changed the same
    /// field (``RecordConflict``). Only a worker who may see the plan may change it; audited
    /// with the values changed.
    @discardableResult
    public func savePlan(
        familyId: Int64, goals: String, leadWorkerId: Int64?, seen: CasePlan? = nil, for policy: AccessPolicy, at time: Date
    ) throws -> CasePlan {
        let goals = goals.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goals.isEmpty else { throw WorkRefusal("write the family's goals, in its own words") }
        return try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            if let leadWorkerId, try Worker.fetchOne(db, key: leadWorkerId)?.active != true {
                throw WorkRefusal("the lead worker must be an active worker")
            }
            let account = policy.viewer.account ?? ""
            guard let stored = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db) else {
                var plan = CasePlan(familyId: familyId, leadWorkerId: leadWorkerId, goals: goals, createdAt: time)
                try plan.insert(db)
                try AuditTrail.append(AuditEntry(account: account, action: .changePlan, familyId: familyId, detail: "plan started",
                                                 changes: try VersionedSave.fields(of: plan, in: db)), at: time, in: db)
                return plan
            }
            // A worker who saw no plan edited an empty one.
            let base = seen ?? CasePlan(id: stored.id, familyId: familyId, goals: "", createdAt: stored.createdAt, version: 0)
            var edited = base
            edited.goals = goals
            edited.leadWorkerId = leadWorkerId
            edited.updatedAt = time
            let (plan, changes) = try VersionedSave.save(edited, seen: base, in: db, subject: "the family's plan goals") { db in
                try VersionedSave.lastSaved(db, action: .changePlan, familyId: familyId, detailPrefix: "plan ")
            }
            try AuditTrail.append(AuditEntry(account: account, action: .changePlan, familyId: familyId,
                                             detail: "plan goals or lead worker changed", changes: changes), at: time, in: db)
            return plan
        }
    }

    /// Adds the task to the family's plan, or changes it when it has an id. `seen` is the task
    /// as the worker read it: a task saved by someone else since is merged field by field, and
    /// refused when both changed the same field (``RecordConflict``). Audited with the values
    /// changed.
    @discardableResult
    public func saveTask(_ task: PlanTask, seen: PlanTask? = nil, familyId: Int64, for policy: AccessPolicy, at time: Date) throws -> PlanTask {
        var task = task
        task.title = task.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !task.title.isEmpty else { throw WorkRefusal("say what the task is") }
        return try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            guard var plan = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db) else {
                throw WorkRefusal("write the family's goals first: that starts the plan")
            }
            var stored: PlanTask?
            if let id = task.id {
                stored = try PlanTask.fetchOne(db, key: id)
                guard stored?.planId == plan.id else { throw WorkRefusal("that task is not in this family's plan") }
            }
            task.planId = plan.id!
            try Self.checkWaitsFor(task, in: db)
            if let worker = task.ownerWorkerId, try Worker.fetchOne(db, key: worker)?.active != true {
                throw WorkRefusal("the task's worker must be an active worker")
            }
            let saved: PlanTask, changes: [FieldChange]
            if let id = task.id, let stored {
                // Without the version the worker read, the edit is taken as made to the task as it is now.
                let base = seen ?? stored
                (saved, changes) = try VersionedSave.save(task, seen: base, in: db, subject: "the task “\(base.title)”") { db in
                    try VersionedSave.lastSaved(db, action: .changePlan, familyId: familyId, detailPrefix: "task \(id) ")
                }
            } else {
                var inserted = task
                try inserted.insert(db)
                (saved, changes) = (inserted, try VersionedSave.fields(of: inserted, in: db))
            }
            plan.updatedAt = time
            try plan.update(db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .changePlan, familyId: familyId,
                                             detail: "task \(saved.id!) \(task.id == nil ? "added" : "changed")", changes: changes),
                                  at: time, in: db)
            return saved
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
