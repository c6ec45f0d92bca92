import Foundation
import LinkagesDomain
import LinkagesStore

/// Who is running a command: the worker mapped to the real operating-system account, checked
/// against what the command needs. An unmapped or disabled account gets one line and no data.
enum Identity {
    /// The active worker mapped to the account running Linkages.
    static func worker(in database: AppDatabase) throws -> Worker {
        let account = Account.current
        guard let worker = try database.worker(account: account) else {
            throw InputError("the account \(account) is not a Linkages worker on this database; ask your administrator to run 'linkages admin worker add --account \(account) ...'")
        }
        guard worker.active else {
            throw InputError("the Linkages account \(account) (\(worker.name)) is disabled; ask your administrator")
        }
        return worker
    }

    /// The running worker, who must hold one of `roles` to `purpose` ("import extracts").
    static func worker(in database: AppDatabase, withRole roles: Set<WorkerRole>, to purpose: String) throws -> Worker {
        let worker = try worker(in: database)
        guard roles.contains(worker.role) else {
            let names = WorkerRole.allCases.filter(roles.contains).map(\.displayName)
            let allowed = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            throw InputError("only a \(allowed) may \(purpose); you are a \(worker.role.displayName)")
        }
        return worker
    }

    /// A worker who may open families (not an administrator, not a trainer on real data).
    static func caseWorker(in database: AppDatabase) throws -> AccessPolicy {
        let worker = try worker(in: database)
        let policy = AccessPolicy(viewer: worker, isPracticeData: try database.kind() != .production, today: Clock.today())
        if let refusal = policy.refusal { throw InputError(refusal) }
        return policy
    }

    /// The account that may manage workers: a mapped administrator or, while the database has
    /// none, the owner of the database file (so that a new county database can be set up).
    static func administrator(of database: AppDatabase, at location: DatabaseLocation) throws -> String {
        let account = Account.current
        if let worker = try database.worker(account: account), worker.active, worker.role == .admin {
            return account
        }
        if try !database.hasAdministrator(), Self.ownsFile(location.path) {
            return account
        }
        throw InputError("only a Linkages administrator may manage workers; the account \(account) is not one")
    }

    private static func ownsFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_uid == getuid()
    }
}
