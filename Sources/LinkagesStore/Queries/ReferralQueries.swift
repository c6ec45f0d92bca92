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
    /// Referrals, most recently changed first.
    public func referralRows(_ filter: ReferralFilter) throws -> [ReferralRow] {
        try writer.read { db in
            var request = Referral.all()
            switch filter {
            case .open: request = request.filter(Column("status") != ReferralStatus.closed.rawValue)
            case .closed: request = request.filter(Column("status") == ReferralStatus.closed.rawValue)
            case .all: break
            }
            let referrals = try request.order(Column("updatedAt").desc, Column("id").desc).fetchAll(db)
            let families = try Family.fetchAll(db, keys: Set(referrals.map(\.familyId)))
            let familyNames = Dictionary(uniqueKeysWithValues: families.map { ($0.id!, $0.displayName) })
            let workers = try Worker.fetchAll(db, keys: Set(referrals.compactMap(\.fromWorkerId)))
            let workerNames = Dictionary(uniqueKeysWithValues: workers.map { ($0.id!, $0.name) })
            return referrals.map { referral in
                ReferralRow(
                    referral: referral, familyName: familyNames[referral.familyId] ?? "",
                    fromWorkerName: referral.fromWorkerId.flatMap { workerNames[$0] })
            }
        }
    }
}
