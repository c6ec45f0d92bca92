import Foundation
import GRDB
import LinkagesDomain

/// One referral with its timeline and notes, as the referral detail shows it.
public struct ReferralDetail: Equatable, Sendable {
    public var referral: Referral
    public var familyName: String
    public var events: [ReferralEvent]
    public var notes: [ReferralNote]
    public var workers: [Int64: Worker]
    /// When the current step is due under the county's service levels; nil when no clock runs.
    public var due: CalendarDate?
    /// The active liaisons of the program the referral was sent to, for reassigning it.
    public var liaisons: [Worker] = []
}

/// A referral action that cannot be taken, in one sentence.
public struct ReferralDeskError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

extension AppDatabase {
    /// The county's referral service levels.
    public func referralServiceLevels() throws -> ReferralServiceLevels {
        try writer.read { db in try Self.serviceLevels(db) }
    }

    static func serviceLevels(_ db: Database) throws -> ReferralServiceLevels {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'referralServiceLevels'"),
              let levels = try? JSONDecoder().decode(ReferralServiceLevels.self, from: Data(json.utf8))
        else { return ReferralServiceLevels() }
        return levels
    }

    /// Changes the service levels, audited.
    public func setReferralServiceLevels(_ levels: ReferralServiceLevels, by account: String, at time: Date) throws {
        let json = String(decoding: try JSONEncoder().encode(levels), as: UTF8.self)
        try write { db in try Self.store("referralServiceLevels", json, by: account, at: time, in: db) }
    }

    /// An open referral of the same type for the same person or family, if there is one.
    public func duplicateReferral(of referral: Referral) throws -> Referral? {
        try writer.read { db in
            referral.duplicate(among: try Referral.filter(Column("familyId") == referral.familyId).fetchAll(db))
        }
    }

    /// Saves a new referral as a draft from `worker`, in their program, with the first event of
    /// its timeline; a referral to a program goes to that program's liaison's queue. Audited.
    @discardableResult
    public func createReferral(_ referral: Referral, by worker: Worker, at time: Date) throws -> Referral {
        guard !referral.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReferralDeskError(description: "say why the family is referred")
        }
        guard referral.toProgram != nil || !(referral.toProviderName ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ReferralDeskError(description: "say where the referral goes: a program or a provider")
        }
        return try write { db in
            var new = referral
            new.id = nil
            new.fromProgram = worker.program
            new.fromWorkerId = worker.id
            new.status = .draft
            new.outcome = nil
            new.createdAt = time
            new.updatedAt = time
            new.statusSince = time
            new.assignedLiaisonId = try new.toProgram.flatMap { try Self.liaison(db, for: $0, office: worker.office) }
            try new.insert(db)
            var event = ReferralEvent(referralId: new.id!, status: .draft, at: time, workerId: worker.id)
            try event.insert(db)
            try AuditTrail.append(AuditEntry(
                account: worker.account ?? "", action: .createReferral, familyId: new.familyId,
                // Not its type: "substance-use treatment" in the trail's plain listing would tell
                // every reviewer what 42 CFR Part 2 keeps to the consent's readers.
                detail: "referral \(new.id!) to \(new.toProgram?.rawValue ?? "a provider")",
                changes: try VersionedSave.fields(of: new, in: db)), at: time, in: db)
            return new
        }
    }

    /// Takes one step of the closed loop, with the event for the timeline and an audit row, in
    /// one transaction. The step must be allowed now and be the worker's program's to take.
    /// With `seen`, the referral as the worker read it, a referral someone changed since is
    /// refused (``StaleRecord``): the step is the worker's to take again on it as it is now.
    @discardableResult
    public func takeReferralStep(_ step: ReferralStep, referralId: Int64, seen: Referral? = nil, by worker: Worker,
                                 at time: Date) throws -> Referral {
        try write { db in
            guard let referral = try Referral.fetchOne(db, key: referralId) else {
                throw ReferralDeskError(description: "referral \(referralId) is no longer in the database")
            }
            try Self.requireUnchanged(referral, seen: seen, in: db)
            let acting = ReferralWorkflow.actingProgram(for: step.kind, on: referral)
            guard worker.program == acting || worker.role == .trainer else {
                throw ReferralDeskError(description: "only \(acting.displayName) can take this step on this referral")
            }
            var (next, event) = try ReferralWorkflow.apply(step, to: referral, by: worker.id, at: time)
            if case .resend(let program?, _) = step {
                next.assignedLiaisonId = try Self.liaison(db, for: program, office: worker.office)
            } else if case .resend = step {
                next.assignedLiaisonId = nil
            }
            next.version = referral.version + 1
            try next.update(db)
            try event.insert(db)
            try AuditTrail.append(AuditEntry(
                account: worker.account ?? "", action: .referralStep, familyId: next.familyId,
                detail: "referral \(referralId): \(next.status.rawValue)",
                changes: try VersionedSave.changes(from: referral, to: next, in: db)), at: time, in: db)
            return next
        }
    }

    /// Refuses a step on a referral saved since the worker read it (`seen`).
    private static func requireUnchanged(_ referral: Referral, seen: Referral?, in db: Database) throws {
        try VersionedSave.requireUnchanged(referral, seenVersion: seen?.version, seen: seen, subject: "this referral", in: db) { db in
            try VersionedSave.lastSaved(db, action: .referralStep, .reassignReferral, .createReferral, familyId: referral.familyId,
                                        detailPrefix: "referral \(referral.id ?? 0)")
        }
    }

    /// Adds a note to the referral's thread, audited (the note's words are not copied there).
    @discardableResult
    public func addReferralNote(referralId: Int64, text: String, sensitive: Bool, by worker: Worker, at time: Date) throws -> ReferralNote {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ReferralDeskError(description: "the note is empty") }
        return try write { db in
            guard let referral = try Referral.fetchOne(db, key: referralId) else {
                throw ReferralDeskError(description: "referral \(referralId) is no longer in the database")
            }
            var note = ReferralNote(referralId: referralId, workerId: worker.id, at: time, text: text, sensitive: sensitive)
            try note.insert(db)
            try AuditTrail.append(AuditEntry(account: worker.account ?? "", action: .referralNote, familyId: referral.familyId,
                                             detail: "referral \(referralId)"), at: time, in: db)
            return note
        }
    }

    /// Moves a referral to another liaison's queue, recorded on its timeline and audited.
    @discardableResult
    public func reassignReferral(id referralId: Int64, toLiaison liaisonId: Int64, seen: Referral? = nil, by worker: Worker,
                                 at time: Date) throws -> Referral {
        try write { db in
            guard var referral = try Referral.fetchOne(db, key: referralId) else {
                throw ReferralDeskError(description: "referral \(referralId) is no longer in the database")
            }
            try Self.requireUnchanged(referral, seen: seen, in: db)
            let before = referral
            let mayReassign = worker.role == .trainer
                || (worker.program == referral.toProgram && [.liaison, .supervisor].contains(worker.role))
            guard mayReassign else {
                throw ReferralDeskError(description: "only a liaison or supervisor of the program it was sent to reassigns a referral")
            }
            guard let liaison = try Worker.fetchOne(db, key: liaisonId), liaison.role == .liaison, liaison.active,
                  liaison.program == referral.toProgram else {
                throw ReferralDeskError(description: "a referral goes only to an active liaison of the program it was sent to")
            }
            referral.assignedLiaisonId = liaisonId
            referral.updatedAt = time
            referral.version += 1
            try referral.update(db)
            var event = ReferralEvent(referralId: referralId, status: referral.status, at: time, workerId: worker.id,
                                      note: "Reassigned to \(liaison.name)")
            try event.insert(db)
            try AuditTrail.append(AuditEntry(account: worker.account ?? "", action: .reassignReferral, familyId: referral.familyId,
                                             detail: "referral \(referralId) to worker \(liaisonId)",
                                             changes: try VersionedSave.changes(from: before, to: referral, in: db)), at: time, in: db)
            return referral
        }
    }

    /// One referral with its timeline and notes, if `policy`'s worker may see it; the view is audited.
    public func referralDetail(id referralId: Int64, for policy: AccessPolicy, at time: Date) throws -> ReferralDetail? {
        try write { db in
            guard let referral = try Referral.fetchOne(db, key: referralId) else { return nil }
            let sender = try referral.fromWorkerId.flatMap { try Worker.fetchOne(db, key: $0) }
            guard policy.mayList(referralFrom: referral.fromProgram, to: referral.toProgram, type: referral.type,
                                 sentBy: sender?.account) else { return nil }
            let events = try ReferralEvent.filter(Column("referralId") == referralId).order(Column("at"), Column("id")).fetchAll(db)
            let notes = try ReferralNote.filter(Column("referralId") == referralId).order(Column("at"), Column("id")).fetchAll(db)
            var ids = Set(events.compactMap(\.workerId)).union(notes.compactMap(\.workerId))
            ids.formUnion([referral.fromWorkerId, referral.assignedLiaisonId].compactMap { $0 })
            let workers = try Worker.fetchAll(db, keys: ids)
            let familyName = try String.fetchOne(db, sql: "SELECT displayName FROM family WHERE id = ?", arguments: [referral.familyId])
            let since = referral.statusSince.map { CalendarDate.today(now: $0) }
            let holidays = try Self.holidays(db)
            let due = try since.flatMap { try Self.serviceLevels(db).due(status: referral.status, since: $0, holidays: holidays) }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .viewReferral,
                                             familyId: referral.familyId, detail: "referral \(referralId)"), at: time, in: db)
            let liaisons = try referral.toProgram.map { program in
                try Worker.filter(Column("program") == program.rawValue && Column("role") == WorkerRole.liaison.rawValue
                                  && Column("active") == true).order(Column("name")).fetchAll(db)
            } ?? []
            return ReferralDetail(
                referral: referral, familyName: familyName ?? "", events: events, notes: notes,
                workers: Dictionary(uniqueKeysWithValues: workers.map { ($0.id!, $0) }), due: due, liaisons: liaisons)
        }
    }

    /// The liaison a referral to `program` goes to: one in the sender's office, else any.
    static func liaison(_ db: Database, for program: Program, office: String?) throws -> Int64? {
        let liaisons = try Worker
            .filter(Column("program") == program.rawValue && Column("role") == WorkerRole.liaison.rawValue && Column("active") == true)
            .order(Column("id")).fetchAll(db)
        return (liaisons.first { $0.office == office } ?? liaisons.first)?.id
    }
}
