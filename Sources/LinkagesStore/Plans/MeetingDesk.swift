import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// The people a new team meeting for the family invites unless the worker changes it: each
    /// member of the family in their role, the supports the family chooses, and the assigned
    /// worker of each program's open record (the CalWORKs worker too).
    public func defaultInvitees(familyId: Int64, for policy: AccessPolicy) throws -> [MeetingInvitee] {
        try writer.read { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            guard let detail = try Self.familyDetail(db, id: familyId, on: policy.today) else { return [] }
            let members = detail.records.flatMap(\.people).map { (name: "\($0.firstName) \($0.lastName)", role: $0.caseRole) }
            return MeetingInvitee.defaults(familyName: "The family (\(detail.family.displayName))", members: members,
                                           assigned: Self.assignedWorkers(detail, on: policy.today))
        }
    }

    /// Each program's workers on its open records; for a program with none open, the worker of
    /// its latest record (Sarah's CalWORKs worker from her closed case).
    static func assignedWorkers(_ detail: FamilyDetail, on today: CalendarDate) -> [(worker: Worker, program: Program)] {
        let involvements = detail.records.flatMap(\.involvements)
        var assigned: [(worker: Worker, program: Program)] = []
        for program in Program.allCases {
            let mine = involvements.filter { $0.program == program && $0.workerId != nil }
            let current = mine.filter { $0.isCurrent(on: today) }
            let latest = mine.max { ($0.startDate?.dayNumber ?? 0) < ($1.startDate?.dayNumber ?? 0) }
            let chosen = current.isEmpty ? (latest.map { [$0] } ?? []) : current
            assigned += chosen.compactMap { involvement in
                involvement.workerId.flatMap { detail.workers[$0] }.map { (worker: $0, program: program) }
            }
        }
        return assigned
    }

    /// Schedules a Child and Family Team meeting with its invitees. Audited.
    @discardableResult
    public func scheduleMeeting(_ meeting: TeamMeeting, invitees: [MeetingInvitee], for policy: AccessPolicy, at time: Date) throws -> TeamMeeting {
        guard meeting.date >= policy.today else { throw WorkRefusal("a meeting is scheduled for today or later") }
        return try write { db in
            try Self.requirePlanAccess(db, familyId: meeting.familyId, policy: policy)
            var new = meeting
            new.id = nil
            new.status = .scheduled
            new.scheduledBy = policy.viewer.account ?? ""
            new.scheduledAt = time
            try new.insert(db)
            for var invitee in invitees {
                invitee.id = nil
                invitee.meetingId = new.id!
                try invitee.insert(db)
            }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .scheduleMeeting, familyId: meeting.familyId,
                                             detail: "meeting \(new.id!), \(invitees.count) invited"), at: time, in: db)
            return new
        }
    }

    /// Records a decision of the meeting; with `task`, the decision becomes a task of the
    /// family's plan in the same transaction. A meeting with a decision has been held, so one
    /// set for a later day is refused. Audited.
    @discardableResult
    public func recordDecision(
        _ text: String, meetingId: Int64, task: PlanTask?, for policy: AccessPolicy, at time: Date
    ) throws -> MeetingDecision {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WorkRefusal("write what the meeting decided") }
        return try write { db in
            guard var meeting = try TeamMeeting.fetchOne(db, key: meetingId) else { throw WorkRefusal("there is no such meeting") }
            try Self.requirePlanAccess(db, familyId: meeting.familyId, policy: policy)
            guard meeting.status != .cancelled else { throw WorkRefusal("the meeting was cancelled") }
            try Self.requireHeld(meeting, by: policy.today, to: "record what it decided")
            var decision = MeetingDecision(meetingId: meetingId, text: text)
            if var task {
                let plan = try CasePlan.filter(Column("familyId") == meeting.familyId).fetchOne(db)
                    ?? Self.startPlan(familyId: meeting.familyId, lead: policy.viewer, at: time, in: db)
                task.id = nil
                task.planId = plan.id!
                task.title = text
                // A program's task goes to the family's worker in that program unless one was named.
                if task.ownerWorkerId == nil, let program = task.owner.program,
                   let detail = try Self.familyDetail(db, id: meeting.familyId, on: policy.today) {
                    task.ownerWorkerId = Self.assignedWorkers(detail, on: policy.today).first { $0.program == program }?.worker.id
                }
                try task.insert(db)
                decision.taskId = task.id
            }
            try decision.insert(db)
            if meeting.status == .scheduled {
                meeting.status = .held
                try meeting.update(db)
            }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordMeeting, familyId: meeting.familyId,
                                             detail: "meeting \(meetingId) decision \(decision.id!)" + (decision.taskId.map { ", task \($0)" } ?? "")),
                                  at: time, in: db)
            return decision
        }
    }

    /// A meeting set for a later day has not been held yet: what it decided waits for that day.
    static func requireHeld(_ meeting: TeamMeeting, by today: CalendarDate, to doing: String) throws {
        guard meeting.date <= today else {
            throw WorkRefusal("the meeting is on \(meeting.date.usFormat): \(doing) on that day or after")
        }
    }

    /// The plan a team meeting starts when it decides something for a family with none: the
    /// worker recording the decision leads it until someone names another; the family's goals
    /// are written afterwards, in its own words.
    private static func startPlan(familyId: Int64, lead: Worker, at time: Date, in db: Database) throws -> CasePlan {
        var plan = CasePlan(familyId: familyId, leadWorkerId: lead.id, goals: "", createdAt: time)
        try plan.insert(db)
        try AuditTrail.append(AuditEntry(account: lead.account ?? "", action: .changePlan, familyId: familyId,
                                         detail: "plan started by a team meeting's decision"), at: time, in: db)
        return plan
    }

    /// Marks the meeting held or cancelled. Audited.
    ///
    /// With `seen`, the meeting as the worker read it, a meeting someone changed since is
    /// refused (``StaleRecord``), and only a scheduled meeting is marked held or cancelled.
    public func setMeetingStatus(_ status: MeetingStatus, meetingId: Int64, seen: TeamMeeting? = nil, for policy: AccessPolicy,
                                 at time: Date) throws {
        try write { db in
            guard var meeting = try TeamMeeting.fetchOne(db, key: meetingId) else { throw WorkRefusal("there is no such meeting") }
            try Self.requirePlanAccess(db, familyId: meeting.familyId, policy: policy)
            try VersionedSave.requireUnchanged(meeting, seenVersion: seen?.version, seen: seen, subject: "this meeting", in: db) { db in
                try VersionedSave.lastSaved(db, action: .recordMeeting, .scheduleMeeting, familyId: meeting.familyId,
                                            detailPrefix: "meeting \(meetingId)")
            }
            guard meeting.status == .scheduled else {
                throw WorkRefusal("the meeting is already \(meeting.status.rawValue): only a scheduled meeting is marked held or cancelled")
            }
            if status == .held { try Self.requireHeld(meeting, by: policy.today, to: "mark it held") }
            let before = meeting
            meeting.status = status
            meeting.version += 1
            try meeting.update(db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordMeeting, familyId: meeting.familyId,
                                             detail: "meeting \(meetingId) \(status.rawValue)",
                                             changes: try VersionedSave.changes(from: before, to: meeting, in: db)), at: time, in: db)
        }
    }
}
