import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// The default idle lock: personal data leaves the screen after this many minutes without a key.
    public static let defaultIdleLockMinutes = 10

    /// Minutes without a key before the screens lock.
    public func idleLockMinutes() throws -> Int {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'idleLockMinutes'").flatMap(Int.init)
                ?? Self.defaultIdleLockMinutes
        }
    }

    /// Changes a county setting kept in the meta table, audited in the same transaction.
    func setSetting(_ key: String, to value: Int, by account: String, at time: Date) throws {
        try setSetting(key, to: String(value), by: account, at: time)
    }

    func setSetting(_ key: String, to value: String, by account: String, at time: Date) throws {
        try write { db in
            try Self.store(key, value, by: account, at: time, in: db)
        }
    }

    /// Writes one county setting to the meta table and audits it with its old value.
    static func store(_ key: String, _ value: String, by account: String, at time: Date, in db: Database) throws {
        let old = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        try db.execute(sql: """
            INSERT INTO meta(key, value) VALUES (?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [key, value])
        try AuditTrail.append(AuditEntry(account: account, action: .changeSettings, detail: "\(key) = \(value)",
                                         changes: old == value ? [] : [FieldChange(field: key, old: old, new: value)]), at: time, in: db)
    }

    public func setIdleLockMinutes(_ minutes: Int, by account: String, at time: Date) throws {
        try setSetting("idleLockMinutes", to: minutes, by: account, at: time)
    }
}
