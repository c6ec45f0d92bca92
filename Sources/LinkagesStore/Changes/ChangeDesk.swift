import Foundation
import GRDB
import LinkagesDomain

/// A change notice as the inbox lists it.
public struct ChangeNoticeRow: Equatable, Sendable {
    public var notice: ChangeNotice
    public var familyName: String
    public var fromWorkerName: String?
}

extension AppDatabase {
    /// Tells the other program's worker of a change in a family open in both programs. The
    /// notice goes to the worker assigned to the other program's open record, else to that
    /// program's liaison. An address change may always go; a change of household or work only
    /// under a release or court order that shares the sender's program's records. Audited.
    @discardableResult
    public func shareChange(
        familyId: Int64, kind: ChangeKind, text: String, for policy: AccessPolicy, at time: Date
    ) throws -> ChangeNotice {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WorkRefusal("say what changed") }
        let worker = policy.viewer
        let today = policy.today
        return try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            guard let detail = try Self.familyDetail(db, id: familyId, on: today) else { throw WorkRefusal("there is no such family") }
            let other = worker.program.other
            let otherRecords = detail.records.filter { $0.household.source.program == other }
            guard !otherRecords.isEmpty else {
                throw WorkRefusal("the family is not known to \(other.displayName): there is no one to tell")
            }
            if kind.needsSharingBasis && !detail.sharingBases.contains(where: { $0.opens(worker.program, on: today) }) {
                throw WorkRefusal("a change of \(kind == .household ? "household" : "work") goes to \(other.displayName) only under a "
                    + "release or court order that shares \(worker.program.displayName) records; an address change may always go")
            }
            let assigned = otherRecords.flatMap(\.involvements).filter { $0.isCurrent(on: today) }.compactMap(\.workerId).first
            guard let recipient = try assigned ?? Self.liaison(db, for: other, office: worker.office) else {
                throw WorkRefusal("\(other.displayName) has no assigned worker or liaison for this family")
            }
            var notice = ChangeNotice(familyId: familyId, kind: kind, text: text, fromWorkerId: worker.id, fromProgram: worker.program,
                                      toWorkerId: recipient, sentAt: time)
            try notice.insert(db)
            try AuditTrail.append(AuditEntry(account: worker.account ?? "", action: .shareChange, familyId: familyId,
                                             detail: "\(kind.rawValue) change \(notice.id!) to worker \(recipient)"), at: time, in: db)
            return notice
        }
    }

    /// The worker's change notices, unread first, then newest first.
    public func changeInbox(for worker: Worker, limit: Int = 200, at time: Date) throws -> [ChangeNoticeRow] {
        guard let id = worker.id else { return [] }
        return try auditedRead("change inbox", by: worker.account ?? "", at: time, families: { $0.map(\.notice.familyId) }) { db in
            let notices = try ChangeNotice.filter(Column("toWorkerId") == id)
                .order(sql: "readAt IS NOT NULL, sentAt DESC").limit(limit).fetchAll(db)
            let families = try Family.fetchAll(db, keys: Set(notices.map(\.familyId)))
            let senders = try Worker.fetchAll(db, keys: Set(notices.compactMap(\.fromWorkerId)))
            return notices.map { notice in
                ChangeNoticeRow(notice: notice, familyName: families.first { $0.id == notice.familyId }?.displayName ?? "",
                                fromWorkerName: senders.first { $0.id == notice.fromWorkerId }?.name)
            }
        }
    }

    /// Marks a notice in the worker's own inbox read. Audited.
    public func markChangeRead(id: Int64, by worker: Worker, at time: Date) throws {
        try write { db in
            guard var notice = try ChangeNotice.fetchOne(db, key: id), notice.toWorkerId == worker.id else {
                throw WorkRefusal("that notice is not in your inbox")
            }
            guard notice.readAt == nil else { return }
            notice.readAt = time
            try notice.update(db)
            try AuditTrail.append(AuditEntry(account: worker.account ?? "", action: .readChange, familyId: notice.familyId,
                                             detail: "change \(id)"), at: time, in: db)
        }
    }

    /// Records that the family was staffed jointly, with the minutes. Supervisors only; audited.
    public func recordStaffing(familyId: Int64, minutes: String, for policy: AccessPolicy, at time: Date) throws {
        let minutes = minutes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard policy.mayRunStaffings else { throw WorkRefusal("only a supervisor records a joint staffing") }
        guard !minutes.isEmpty else { throw WorkRefusal("write the minutes: what was agreed, and who does what") }
        try write { db in
            try Self.requirePlanAccess(db, familyId: familyId, policy: policy)
            try StoreBatch(db: db).addStaffing(familyId: familyId, reviewedAt: time, reviewedBy: policy.viewer.account ?? "", minutes: minutes)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordStaffing, familyId: familyId),
                                  at: time, in: db)
        }
    }
}
