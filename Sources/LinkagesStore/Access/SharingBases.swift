import Foundation
import GRDB
import LinkagesDomain

/// A basis waiting for an approver, with what the approver needs to decide.
public struct PendingSharingBasis: Equatable, Sendable, Identifiable {
    public var id: Int64 { basis.id ?? 0 }
    public var basis: SharingBasis
    public var familyName: String
    public var recordedByName: String
    public var recordedByProgram: Program?
}

/// A sharing basis that cannot be recorded or revoked, in one sentence.
public struct SharingBasisError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

extension AppDatabase {
    /// Records a release, authorisation or court order for a family, audited in the same transaction.
    @discardableResult
    public func recordSharingBasis(_ basis: SharingBasis, at time: Date) throws -> SharingBasis {
        guard basis.sharesCalWORKs || basis.sharesChildWelfare else {
            throw SharingBasisError(description: "a release must share CalWORKs records, Child Welfare records, or both")
        }
        guard basis.signedOn <= basis.expiresOn else {
            throw SharingBasisError(description: "the release expires (\(basis.expiresOn.usFormat)) before it was signed (\(basis.signedOn.usFormat))")
        }
        return try write { db in
            guard try Family.exists(db, key: basis.familyId) else {
                throw SharingBasisError(description: "there is no family \(basis.familyId)")
            }
            var basis = basis
            basis.id = nil
            try basis.insert(db)
            try AuditTrail.append(AuditEntry(
                account: basis.recordedBy, action: .recordSharingBasis, familyId: basis.familyId,
                detail: "basis \(basis.id!): \(basis.summary); \(basis.scopeDescription)",
                changes: try VersionedSave.fields(of: basis, in: db)), at: time, in: db)
            return basis
        }
    }

    /// Approves or refuses showing `program`'s records under a basis, as a supervisor of that
    /// program who did not record it; a refusal needs a reason. Audited with the reason.
    @discardableResult
    public func decideSharingBasis(
        id: Int64, for program: Program, approve: Bool, reason: String?, by policy: AccessPolicy, at time: Date
    ) throws -> SharingBasis {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard approve || !(reason ?? "").isEmpty else { throw SharingBasisError(description: "say why the release is refused") }
        return try write { db in
            guard var basis = try SharingBasis.fetchOne(db, key: id) else {
                throw SharingBasisError(description: "there is no sharing basis \(id)")
            }
            if let refusal = policy.decisionRefusal(basis, for: program) { throw SharingBasisError(description: refusal) }
            guard try Self.holdsRecords(of: program, familyId: basis.familyId, for: policy, in: db) else {
                throw SharingBasisError(description: "only a supervisor who holds the family's \(program.displayName) records "
                    + "(their office, or assigned) approves showing them: you could not check what you would open")
            }
            guard basis.isActive(on: policy.today) else {
                throw SharingBasisError(description: "sharing basis \(id) is \(basis.state(on: policy.today)): there is nothing to decide")
            }
            if let decided = basis.decision(for: program) {
                throw SharingBasisError(description: "\(decided.name) already \(decided.approved ? "approved" : "refused") it")
            }
            let before = basis
            basis.setDecision(BasisDecision(approved: approve, account: policy.viewer.account ?? "", name: policy.viewer.name,
                                            workerId: policy.viewer.id, at: time, reason: reason?.isEmpty == true ? nil : reason),
                              for: program)
            try basis.update(db)
            try AuditTrail.append(AuditEntry(
                account: policy.viewer.account ?? "", action: approve ? .approveSharingBasis : .refuseSharingBasis, familyId: basis.familyId,
                detail: "basis \(id): \(program.rawValue) records", reason: reason,
                changes: try VersionedSave.changes(from: before, to: basis, in: db)), at: time, in: db)
            return basis
        }
    }

    /// The bases in force still waiting for the decision of `policy`'s worker's program, oldest
    /// first, with their families' names: the approver's list.
    public func pendingSharingBases(for policy: AccessPolicy, at time: Date) throws -> [PendingSharingBasis] {
        try auditedRead("releases to approve", by: policy.viewer.account ?? "", at: time, families: { $0.map(\.basis.familyId) }) { db in
            let column = policy.viewer.program == .calworks ? "calworksDecision" : "childWelfareDecision"
            let shares = policy.viewer.program == .calworks ? "sharesCalWORKs" : "sharesChildWelfare"
            let bases = try SharingBasis.filter(sql: "\(column) IS NULL AND \(shares) AND revokedAt IS NULL")
                .order(Column("recordedAt")).fetchAll(db)
            return try bases.compactMap { basis -> PendingSharingBasis? in
                guard basis.isActive(on: policy.today), policy.mayDecide(basis, for: policy.viewer.program),
                      try Self.holdsRecords(of: policy.viewer.program, familyId: basis.familyId, for: policy, in: db) else { return nil }
                let family = try String.fetchOne(db, sql: "SELECT displayName FROM family WHERE id = ?", arguments: [basis.familyId]) ?? ""
                let recorder = try basis.recordedByWorkerId.flatMap { try Worker.fetchOne(db, key: $0) }
                    ?? Worker.filter(Column("account") == basis.recordedBy).fetchOne(db)
                return PendingSharingBasis(basis: basis, familyName: family, recordedByName: recorder?.name ?? basis.recordedBy,
                                           recordedByProgram: recorder?.program)
            }
        }
    }

    /// Whether `policy`'s worker holds the family's records of `program` as their own work
    /// (their office, or assigned to them): what they approve showing, they must be able to read.
    static func holdsRecords(of program: Program, familyId: Int64, for policy: AccessPolicy, in db: Database) throws -> Bool {
        guard let detail = try familyDetail(db, id: familyId, on: policy.today) else { return false }
        let records = detail.visible(under: policy, emergencyReason: nil, sensitiveQuestions: []).records
            .filter { $0.household.source.program == program }
        return !records.isEmpty && records.allSatisfy { record in
            if case .full(let ground) = record.access { return ground == .ownProgram || ground == .practiceData }
            return false
        }
    }

    /// Ends a sharing basis before its expiry (the family withdrew consent), audited. Only its
    /// recorder, a supervisor of a program whose records it shares, or an administrator may.
    @discardableResult
    public func revokeSharingBasis(id: Int64, by policy: AccessPolicy, at time: Date) throws -> SharingBasis {
        let account = policy.viewer.account ?? ""
        return try write { db in
            guard var basis = try SharingBasis.fetchOne(db, key: id) else {
                throw SharingBasisError(description: "there is no sharing basis \(id)")
            }
            guard policy.mayRevoke(basis) else {
                throw SharingBasisError(description: "only the worker who recorded it, a supervisor of a program it shares, "
                    + "or an administrator revokes a sharing basis")
            }
            guard basis.revokedAt == nil else {
                throw SharingBasisError(description: "sharing basis \(id) was already revoked by \(basis.revokedBy ?? "someone")")
            }
            let before = basis
            basis.revokedAt = time
            basis.revokedBy = account
            try basis.update(db)
            try AuditTrail.append(AuditEntry(
                account: account, action: .revokeSharingBasis, familyId: basis.familyId, detail: "basis \(id)",
                changes: try VersionedSave.changes(from: before, to: basis, in: db)), at: time, in: db)
            return basis
        }
    }

    /// The family's sharing bases, newest first, read by `account` (audited).
    public func sharingBases(familyId: Int64, by account: String, at time: Date) throws -> [SharingBasis] {
        try auditedRead("sharing bases", by: account, at: time, families: { _ in [familyId] }) { db in
            try SharingBasis.filter(Column("familyId") == familyId).order(Column("recordedAt").desc).fetchAll(db)
        }
    }
}
