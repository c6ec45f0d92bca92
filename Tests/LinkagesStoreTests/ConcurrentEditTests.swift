import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// Two workers on one record: neither save is lost. A field only one changed is merged, a
/// field both changed refuses the later save with both values, and the audit trail keeps every
/// value a save changed.
@Suite("Two workers editing one record")
struct ConcurrentEditTests {
    let now = Fixtures.now

    /// Sarah's plan with one task, and Ana and Marcus, who both may change it.
    func sarahsTask() throws -> (AppDatabase, sarah: Int64, task: PlanTask, ana: AccessPolicy, marcus: AccessPolicy) {
        let database = try Fixtures.demoDatabase()
        let sarah = try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = 'Mitchell, Sarah'")
        })
        let ana = AccessPolicy(viewer: try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: now), isPracticeData: false,
                               today: Fixtures.today)
        let marcus = AccessPolicy(viewer: try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now),
                                  isPracticeData: false, today: Fixtures.today)
        try database.savePlan(familyId: sarah, goals: "Keep my kids safe.", leadWorkerId: nil, for: marcus, at: now)
        let task = try database.saveTask(PlanTask(planId: 0, title: "Child care approval", owner: .calworks), familyId: sarah,
                                         for: ana, at: now)
        return (database, sarah, task, ana, marcus)
    }

    func stored(_ task: PlanTask, in database: AppDatabase) throws -> PlanTask {
        try #require(try database.writer.read { db in try PlanTask.fetchOne(db, key: task.id) })
    }

    @Test("the second save keeps the first worker's status and note: fields only one of them changed are merged")
    func merged() throws {
        let (database, sarah, task, ana, marcus) = try sarahsTask()
        var byAna = task
        byAna.status = .inProgress
        byAna.note = "Approved for 20 hours"
        var byMarcus = task
        byMarcus.dueDate = CalendarDate("2026-12-15")
        try database.saveTask(byAna, seen: task, familyId: sarah, for: ana, at: now)
        let saved = try database.saveTask(byMarcus, seen: task, familyId: sarah, for: marcus, at: now)
        #expect(saved.status == .inProgress && saved.note == "Approved for 20 hours" && saved.dueDate == CalendarDate("2026-12-15"))
        #expect(try stored(task, in: database) == saved && saved.version == 3)
    }

    @Test("both change the status: the later save is refused naming who saved, both values, and the record as it is now")
    func conflict() throws {
        let (database, sarah, task, ana, marcus) = try sarahsTask()
        var byAna = task
        byAna.status = .done
        byAna.note = "Done on Monday"
        var byMarcus = task
        byMarcus.status = .cancelled
        byMarcus.note = "Done on Monday"  // the same value is no conflict
        try database.saveTask(byAna, seen: task, familyId: sarah, for: ana, at: now)
        do {
            try database.saveTask(byMarcus, seen: task, familyId: sarah, for: marcus, at: now)
            Issue.record("the second save overwrote the first")
        } catch let refused as RecordConflict<PlanTask> {
            #expect(refused.conflict.fields == [EditConflict.Field(field: "status", yours: "cancelled", theirs: "done")])
            #expect(refused.conflict.changedBy == "Ana Ruiz")
            #expect(refused.conflict.description
                == "Ana Ruiz saved the task “Child care approval” at 10:00 AM while you were editing it: status is now “done” (yours: “cancelled”)")
            #expect(refused.current.status == .done)
            // Saving again over the version now stored is the worker's choice, and it goes through.
            let again = try database.saveTask(byMarcus, seen: refused.current, familyId: sarah, for: marcus, at: now)
            #expect(again.status == .cancelled && again.note == "Done on Monday")
        }
        #expect(try stored(task, in: database).status == .cancelled)
    }

    @Test("two workers saving the same task at the same moment: each save is merged or refused, none is lost")
    func atTheSameMoment() throws {
        let (database, sarah, task, ana, marcus) = try sarahsTask()
        for round in 0..<20 {
            let seen = try stored(task, in: database)
            var byAna = seen
            byAna.note = "Ana \(round)"
            var byMarcus = seen
            byMarcus.dueDate = CalendarDate("2026-12-01")!.adding(days: round)
            if round.isMultiple(of: 3) { byMarcus.note = "Marcus \(round)" }
            let outcomes = Outcomes()
            let (anaEdit, marcusEdit) = (byAna, byMarcus)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    if index == 0 {
                        try database.saveTask(anaEdit, seen: seen, familyId: sarah, for: ana, at: now)
                    } else {
                        try database.saveTask(marcusEdit, seen: seen, familyId: sarah, for: marcus, at: now)
                    }
                    outcomes.add(index == 0 ? "ana" : "marcus")
                } catch is RecordConflict<PlanTask> {
                    outcomes.add("refused")
                } catch {
                    outcomes.add("\(error)")
                }
            }
            let after = try stored(task, in: database)
            let results = outcomes.all.sorted()
            #expect(after.version == seen.version + results.filter { $0 != "refused" }.count)
            #expect(after.dueDate == byMarcus.dueDate || results.contains("refused"), "Marcus's date was lost: \(results)")
            if round.isMultiple(of: 3) {
                #expect(results.contains("refused"), "both wrote the note: one must be refused")
            } else {
                #expect(results == ["ana", "marcus"] && after.note == "Ana \(round)", "\(results)")
            }
        }
    }

    @Test("each change's audit row holds the old and new value of every field it changed, so the task can be rebuilt")
    func auditKeepsValues() throws {
        let (database, sarah, task, ana, marcus) = try sarahsTask()
        var first = task
        first.status = .inProgress
        first.note = "Approved for 20 hours"
        let saved = try database.saveTask(first, seen: task, familyId: sarah, for: ana, at: now)
        var second = saved
        second.note = nil
        second.dueDate = CalendarDate("2026-12-15")
        try database.saveTask(second, seen: saved, familyId: sarah, for: marcus, at: now)
        let rows = try database.auditEvents(familyId: sarah).filter { $0.detail?.hasPrefix("task \(task.id!) ") == true }
        #expect(rows.map(\.detail) == ["task \(task.id!) changed", "task \(task.id!) changed", "task \(task.id!) added"])
        #expect(rows[1].fieldChanges == [FieldChange(field: "status", old: "notStarted", new: "inProgress"),
                                         FieldChange(field: "note", old: nil, new: "Approved for 20 hours")])
        #expect(rows[0].fieldChanges == [FieldChange(field: "dueDate", old: nil, new: "2026-12-15"),
                                         FieldChange(field: "note", old: "Approved for 20 hours", new: nil)])
        #expect(rows[2].fieldChanges.contains(FieldChange(field: "title", old: nil, new: "Child care approval")))
        // Replaying the rows from the first one rebuilds the task as stored.
        var rebuilt: [String: String?] = [:]
        for row in rows.reversed() { for change in row.fieldChanges { rebuilt[change.field] = change.new } }
        let now = try stored(task, in: database)
        #expect(rebuilt["status"] == .some(now.status.rawValue) && rebuilt["note"] == .some(nil) && rebuilt["dueDate"] == .some("2026-12-15"))
        guard case .intact = try database.verifyAuditTrail() else { Issue.record("the chain no longer verifies"); return }
    }
}

extension ConcurrentEditTests {
    @Test("a referral step taken on a referral someone else moved since is refused, saying who moved it and how; taken again on it as it is now")
    func staleReferralStep() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: now)
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now)
        let linh = try database.actAs(workerNamed: "Linh Tran", account: "ltran", at: now)
        let sarah = try #require(try database.searchFamilies("sarah mitchell", on: Fixtures.today).first?.familyId)
        let draft = try database.createReferral(Referral(familyId: sarah, fromProgram: .calworks, toProgram: .childWelfare,
                                                         type: .homeSafety, reason: "Outlets within reach.", createdAt: now), by: ana, at: now)
        try database.takeReferralStep(.send, referralId: draft.id!, by: ana, at: now)
        let received = try database.takeReferralStep(.receive, referralId: draft.id!, by: marcus, at: now)
        // Both Child Welfare workers have it open; Marcus accepts first.
        try database.takeReferralStep(.accept, referralId: draft.id!, seen: received, by: marcus, at: now)
        #expect(throws: StaleRecord.self) {
            try database.takeReferralStep(.decline(reason: "Not ours"), referralId: draft.id!, seen: received, by: linh, at: now)
        }
        do {
            try database.takeReferralStep(.decline(reason: "Not ours"), referralId: draft.id!, seen: received, by: linh, at: now)
        } catch let stale as StaleRecord {
            #expect(stale.description.hasPrefix("Marcus Bell saved this referral at 10:00 AM after you opened it (status “received” → “accepted”"),
                    "\(stale)")
        }
        let linhPolicy = AccessPolicy(viewer: linh, isPracticeData: true, today: Fixtures.today)
        let current = try #require(try database.referralDetail(id: draft.id!, for: linhPolicy, at: now))
        #expect(current.referral.status == .accepted)
        let audit = try database.auditEvents(familyId: sarah).first { $0.detail == "referral \(draft.id!): accepted" }
        #expect(audit?.fieldChanges.contains(FieldChange(field: "status", old: "received", new: "accepted")) == true)
    }

    @Test("a meeting cancelled by one worker is not then marked held by another who read it before")
    func staleMeeting() throws {
        let (database, sarah, _, ana, marcus) = try sarahsTask()
        let meeting = try database.scheduleMeeting(
            TeamMeeting(familyId: sarah, date: Fixtures.today, place: "Central", scheduledBy: "mbell", scheduledAt: now),
            invitees: [], for: marcus, at: now)
        try database.setMeetingStatus(.cancelled, meetingId: meeting.id!, seen: meeting, for: ana, at: now)
        #expect(throws: StaleRecord.self) {
            try database.setMeetingStatus(.held, meetingId: meeting.id!, seen: meeting, for: marcus, at: now)
        }
        #expect(throws: WorkRefusal.self, "without the version read, the status itself refuses it") {
            try database.setMeetingStatus(.held, meetingId: meeting.id!, for: marcus, at: now)
        }
    }
}

/// Results gathered from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func add(_ value: String) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
