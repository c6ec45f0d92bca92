import Foundation
import GRDB
import LinkagesDomain

/// A change to the worker list that cannot be made, in one sentence.
public struct WorkerAdminError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
}

extension AppDatabase {
    /// Maps an operating-system account to a new worker record, audited.
    @discardableResult
    public func addWorker(_ worker: Worker, by account: String, at time: Date) throws -> Worker {
        try write { db in
            if let login = worker.account, let existing = try Worker.filter(Column("account") == login).fetchOne(db) {
                throw WorkerAdminError(description: "the account \(login) is already mapped to \(existing.name)")
            }
            var worker = worker
            worker.id = nil
            try worker.insert(db)
            try AuditTrail.append(AuditEntry(
                account: account, action: .addWorker,
                detail: "worker \(worker.id!) for account \(worker.account ?? "none"): \(worker.role.rawValue), \(worker.program.rawValue), \(worker.office)",
                changes: try VersionedSave.fields(of: worker, in: db)),
                at: time, in: db)
            return worker
        }
    }

    /// Every worker record, accounts first, by name.
    public func workers() throws -> [Worker] {
        try writer.read { db in try Worker.order(Column("account") == nil, Column("name")).fetchAll(db) }
    }

    /// Disables (or enables again) the worker mapped to `login`, audited. A disabled account
    /// sees no data; its history stays.
    @discardableResult
    public func setWorkerActive(account login: String, _ active: Bool, by account: String, at time: Date) throws -> Worker {
        try write { db in
            guard var worker = try Worker.filter(Column("account") == login).fetchOne(db) else {
                throw WorkerAdminError(description: "no worker is mapped to the account \(login)")
            }
            let before = worker
            worker.active = active
            try worker.update(db)
            try AuditTrail.append(AuditEntry(
                account: account, action: .changeWorker, detail: "worker \(worker.id!) \(active ? "enabled" : "disabled")",
                changes: try VersionedSave.changes(from: before, to: worker, in: db)), at: time, in: db)
            return worker
        }
    }

    /// Changes a worker's role, program or office, audited with the old and new values. Their
    /// open screens notice at the next key and end (``AccessStamp``).
    @discardableResult
    public func changeWorker(account login: String, role: WorkerRole?, program: Program?, office: String?, by account: String,
                             at time: Date) throws -> Worker {
        try write { db in
            guard var worker = try Worker.filter(Column("account") == login).fetchOne(db) else {
                throw WorkerAdminError(description: "no worker is mapped to the account \(login)")
            }
            let before = worker
            worker.role = role ?? worker.role
            worker.program = program ?? worker.program
            worker.office = office?.trimmingCharacters(in: .whitespaces) ?? worker.office
            guard !worker.office.isEmpty else { throw WorkerAdminError(description: "an office needs a name") }
            try worker.update(db)
            try AuditTrail.append(AuditEntry(
                account: account, action: .changeWorker, detail: "worker \(worker.id!) changed",
                changes: try VersionedSave.changes(from: before, to: worker, in: db)), at: time, in: db)
            return worker
        }
    }

    /// Whether any active worker is an administrator.
    public func hasAdministrator() throws -> Bool {
        try writer.read { db in
            try Worker.filter(Column("role") == WorkerRole.admin.rawValue && Column("active") == true).fetchCount(db) > 0
        }
    }
}

extension AppDatabase {
    /// On a demo or training database, lets `account` act as the named made-up worker (the
    /// account's earlier mapping there, if any, is dropped). Real databases refuse.
    @discardableResult
    public func actAs(workerNamed name: String, account: String, at time: Date) throws -> Worker {
        guard try kind() != .production else {
            throw WorkerAdminError(description: "only a demo or training database lets an account act as another worker")
        }
        return try write { db in
            let candidates = try Worker.fetchAll(db).filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            guard var worker = candidates.first else {
                let names = try Worker.order(Column("name")).fetchAll(db).map(\.name).joined(separator: ", ")
                throw WorkerAdminError(description: "there is no worker named \(name) here; choose one of: \(names)")
            }
            try db.execute(sql: "UPDATE worker SET account = NULL WHERE account = ?", arguments: [account])
            let before = worker
            worker.account = account
            try worker.update(db)
            try AuditTrail.append(AuditEntry(account: account, action: .changeWorker, detail: "acting as worker \(worker.id!)",
                                             changes: try VersionedSave.changes(from: before, to: worker, in: db)), at: time, in: db)
            return worker
        }
    }
}
