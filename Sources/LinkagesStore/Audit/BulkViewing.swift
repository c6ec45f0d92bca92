import Foundation
import GRDB
import LinkagesDomain

/// The county's limit on how many distinct families one worker reads in a short while: past
/// it, the trail gets a flagged row for a supervisor to look at (a worker paging through the
/// county, or a script of searches). Both numbers are county settings.
enum BulkViewing {
    static let familiesKey = "bulkViewFamilies"
    static let minutesKey = "bulkViewMinutes"
    static let defaultFamilies = 50
    static let defaultMinutes = 10

    /// After a read by `account`, flags them once per window when the families they read in the
    /// last minutes are more than the limit.
    static func check(account: String, at time: Date, after event: AuditEvent, in db: Database) throws {
        let (families, minutes) = try limits(db)
        let since = AuditTrail.timestamp(time.addingTimeInterval(-Double(minutes) * 60))
        let alreadyFlagged = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM auditEvent WHERE account = ? AND action = ? AND at >= ?)
            """, arguments: [account, AuditAction.bulkViewing.rawValue, since]) ?? false
        guard !alreadyFlagged else { return }
        let read = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT auditEventFamily.familyId) FROM auditEvent
            JOIN auditEventFamily ON auditEventFamily.eventId = auditEvent.id
            WHERE auditEvent.account = ? AND auditEvent.at >= ?
            """, arguments: [account, since]) ?? 0
        guard read > families else { return }
        try AuditTrail.append(AuditEntry(
            account: account, action: .bulkViewing,
            detail: "read \(read) families in \(minutes) minutes (the county's limit is \(families)); last at row \(event.id)",
            flagged: true), at: time, in: db)
    }

    static func limits(_ db: Database) throws -> (families: Int, minutes: Int) {
        let families = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [familiesKey]).flatMap(Int.init)
        let minutes = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [minutesKey]).flatMap(Int.init)
        return (families ?? defaultFamilies, minutes ?? defaultMinutes)
    }
}

extension AppDatabase {
    /// How many distinct families a worker may read in how many minutes before being flagged.
    public func bulkViewingLimits() throws -> (families: Int, minutes: Int) {
        try writer.read(BulkViewing.limits)
    }

    public func setBulkViewingLimits(families: Int, minutes: Int, by account: String, at time: Date) throws {
        try write { db in
            try Self.store(BulkViewing.familiesKey, String(families), by: account, at: time, in: db)
            try Self.store(BulkViewing.minutesKey, String(minutes), by: account, at: time, in: db)
        }
    }

    /// Runs a read of families' data and writes its audit row in the same transaction, naming
    /// every family it returns: a list, a search or an export leaves a trace like a family page.
    func auditedRead<T>(
        _ what: String, by account: String, at time: Date, families: (T) -> [Int64], _ read: (Database) throws -> T
    ) throws -> T {
        try write { db in
            let result = try read(db)
            let families = families(result)
            let unique = Array(Set(families)).sorted()
            let shown = unique.prefix(200).map(String.init).joined(separator: ", ") + (unique.count > 200 ? ", …" : "")
            try AuditTrail.append(AuditEntry(
                account: account, action: .viewList, familyId: unique.count == 1 ? unique[0] : nil,
                detail: "\(what): \(unique.count) famil\(unique.count == 1 ? "y" : "ies")" + (unique.isEmpty ? "" : " (\(shown))"),
                familyIds: unique), at: time, in: db)
            return result
        }
    }
}
