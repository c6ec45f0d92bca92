import Foundation
import GRDB
import LinkagesDomain

/// A referral as the referral list shows it.
public struct ReferralRow: Sendable, Equatable, Identifiable {
    public var id: Int64 { referral.id! }
    public var referral: Referral
    public var familyName: String
    public var fromWorkerName: String?
    /// When the current step is due under the service levels; nil when no clock runs.
    public var due: CalendarDate?

    public func isOverdue(on date: CalendarDate) -> Bool {
        due.map { $0 < date } ?? false
    }
}

/// Which referrals a list shows.
public enum ReferralFilter: Hashable, Sendable {
    /// Every open referral the worker may list.
    case open
    /// Open referrals the worker sent or that are in their queue.
    case mine
    /// Open referrals sent to the worker's program (a liaison's queue among them).
    case incoming
    /// Open referrals the worker sent.
    case outgoing
    /// Open referrals whose current step is past its service level.
    case overdue
    case closed
    case all
    /// The worker's own overdue referrals, for the home screen (not one of the list's views).
    case mineOverdue

    /// The views the referral list cycles through.
    public static let listViews: [ReferralFilter] = [.open, .incoming, .outgoing, .overdue, .closed, .all]

    public var displayName: String {
        switch self {
        case .open: return "open"
        case .mine: return "my"
        case .incoming: return "incoming"
        case .outgoing: return "outgoing"
        case .overdue: return "overdue"
        case .mineOverdue: return "my overdue"
        case .closed: return "closed"
        case .all: return "all"
        }
    }
}

extension AppDatabase {
    /// The referrals `policy`'s worker may list, most recently changed first; audited, naming
    /// the families listed (except `.mineOverdue`, which the home screen only counts).
    public func referralRows(_ filter: ReferralFilter, for policy: AccessPolicy, at time: Date) throws -> [ReferralRow] {
        if filter == .mineOverdue {
            return try writer.read { db in try Self.referralRows(filter, for: policy, in: db) }
        }
        return try auditedRead("referral list", by: policy.viewer.account ?? "", at: time, families: { $0.map(\.referral.familyId) }) { db in
            try Self.referralRows(filter, for: policy, in: db)
        }
    }

    private static func referralRows(_ filter: ReferralFilter, for policy: AccessPolicy, in db: Database) throws -> [ReferralRow] {
        var request = Referral.all()
        switch filter {
        case .open, .mine, .incoming, .outgoing, .overdue, .mineOverdue: request = request.filter(Column("status") != ReferralStatus.closed.rawValue)
        case .closed: request = request.filter(Column("status") == ReferralStatus.closed.rawValue)
        case .all: break
        }
        if filter == .mine || filter == .mineOverdue, let me = policy.viewer.id {
            request = request.filter(Column("fromWorkerId") == me || Column("assignedLiaisonId") == me)
        }
        if filter == .incoming {
            request = request.filter(Column("toProgram") == policy.viewer.program.rawValue)
        }
        if filter == .outgoing, let me = policy.viewer.id {
            request = request.filter(Column("fromWorkerId") == me)
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
        let levels = try Self.serviceLevels(db)
        let holidays = try Self.holidays(db)
        let rows = referrals.map { referral in
            ReferralRow(
                referral: referral, familyName: familyNames[referral.familyId] ?? "",
                fromWorkerName: referral.fromWorkerId.flatMap { workerNames[$0] },
                due: referral.statusSince.flatMap {
                    levels.due(status: referral.status, since: CalendarDate.today(now: $0), holidays: holidays)
                })
        }
        return filter == .overdue || filter == .mineOverdue ? rows.filter { $0.isOverdue(on: policy.today) } : rows
    }
}
