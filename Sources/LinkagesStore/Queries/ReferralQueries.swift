import Foundation
import GRDB
import LinkagesDomain

/// A referral as the referral list shows it.
public struct ReferralRow: Sendable, Equatable, Identifiable {
    public var id: Int64 { referral.id! }
    public var referral: Referral
    public var familyName: String
    public var fromWorkerName: String?
}

/// Which referrals a list shows.
public enum ReferralFilter: Hashable, Sendable, CaseIterable {
    case open
    case all
    case closed

    public var displayName: String {
        switch self {
        case .open: return "open"
        case .all: return "all"
        case .closed: return "closed"
        }
    }
}

extension AppDatabase {
    /// The referrals `policy`'s worker may list, most recently changed first.
    public func referralRows(_ filter: ReferralFilter, for policy: AccessPolicy) throws -> [ReferralRow] {
        try writer.read { db in
            var request = Referral.all()
            switch filter {
            case .open: request = request.filter(Column("status") != ReferralStatus.closed.rawValue)
            case .closed: request = request.filter(Column("status") == ReferralStatus.closed.rawValue)
            case .all: break
            }
            let all = try request.order(Column("updatedAt").desc, Column("id").desc).fetchAll(db)
            let senders = try Worker.fetchAll(db, keys: Set(all.compactMap(\.fromWorkerId)))
            let accounts = Dictionary(uniqueKeysWithValues: senders.map { ($0.id!, $0.account) })
            let referrals = all.filter { referral in
                policy.mayList(referralFrom: referral.fromProgram, to: referral.toProgram, type: referral.type,
                               sentBy: referral.fromWorkerId.flatMap { accounts[$0] } ?? nil)
            }
            let families = try Family.fetchAll(db, keys: Set(referrals.map(\.familyId)))
            let familyNames = Dictionary(uniqueKeysWithValues: families.map { ($0.id!, $0.displayName) })
            let workerNames = Dictionary(uniqueKeysWithValues: senders.map { ($0.id!, $0.name) })
            return referrals.map { referral in
                ReferralRow(
                    referral: referral, familyName: familyNames[referral.familyId] ?? "",
                    fromWorkerName: referral.fromWorkerId.flatMap { workerNames[$0] })
            }
        }
    }
}
