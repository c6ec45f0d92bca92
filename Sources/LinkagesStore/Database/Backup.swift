import Foundation
import GRDB

extension AppDatabase {
    /// Copies the whole database to a new file at `path` (mode 0600) through SQLite's online
    /// backup, which is safe while other workers keep working. The backup is audited first, so
    /// the copy holds its own audit row. Refuses to overwrite an existing file.
    public func backup(to path: String, by account: String, at time: Date) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "a file is already there; choose a new name for the backup")
        }
        try audit(AuditEntry(account: account, action: .backup, detail: "to \((path as NSString).lastPathComponent)"), at: time)
        try OwnerOnlyFiles.createFile(path)
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
