import Foundation
import GRDB
import LinkagesDomain

/// A sharing basis that cannot be recorded or revoked, in one sentence.
public struct SharingBasisError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
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

    /// Ends a sharing basis before its expiry (the family withdrew consent), audited.
    @discardableResult
    public func revokeSharingBasis(id: Int64, by account: String, at time: Date) throws -> SharingBasis {
        try write { db in
            guard var basis = try SharingBasis.fetchOne(db, key: id) else {
                throw SharingBasisError(description: "there is no sharing basis \(id)")
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

    /// The family's sharing bases, newest first.
    public func sharingBases(familyId: Int64) throws -> [SharingBasis] {
        try writer.read { db in
            try SharingBasis.filter(Column("familyId") == familyId).order(Column("recordedAt").desc).fetchAll(db)
        }
    }
}
