import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages restore BACKUP`: a backup checked, then put in place of the database, the one it
/// replaces kept beside it.
struct RestoreCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the database, once no one has it open; the current one is kept beside it.",
        discussion: """
            The backup is checked first (integrity, references, its audit trail) and the restore \
            is written to its audit trail. The database it replaces, with its -wal and -shm \
            files, is renamed to NAME.before-restore-DATE, never deleted. Only an administrator \
            may restore. Never copy a backup over the database by hand: workers' saves would go \
            to the old file.
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: ArgumentHelp("The backup to restore (made with linkages backup).", valueName: "BACKUP")) var backup: String

    @Option(help: ArgumentHelp("Wait up to this many minutes for everyone to leave Linkages, instead of refusing at once.",
                               valueName: "MINUTES"))
    var wait: Double?

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let folder = (ProcessPrivilege.countyDatabasePath as NSString).deletingLastPathComponent + "/backups/"
            if ProcessPrivilege.isElevated && !(backup as NSString).standardizingPath.hasPrefix(folder) {
                throw InputError("the installed county Linkages restores backups from \(folder) only")
            }
            guard FileManager.default.fileExists(atPath: backup) else {
                throw InputError("no backup at \(backup); name a file made with 'linkages backup'")
            }
            if let wait, wait <= 0 { throw InputError("--wait takes a number of minutes above 0") }
            let account = Account.current
            // The database in use, when it still opens, must be one this worker administers too.
            if let live = try? openWithNotices(location) {
                _ = try Identity.worker(in: live, withRole: [.admin], to: "restore a backup")
                try live.close()
            }
            let started = Date()
            if wait != nil {
                FileHandle.standardError.write(Data("linkages: waiting for everyone to leave \(location.displayName)…\n".utf8))
            }
            let report = try AppDatabase.restore(
                backup: backup, over: location, by: account, at: started, waitUntil: wait.map { started.addingTimeInterval($0 * 60) },
                authorise: { copy in _ = try Identity.worker(in: copy, withRole: [.admin], to: "restore a backup") })
            print("Restored \(location.path) from \(backup): \(report.families.formatted()) families, "
                + "\(report.auditRows.formatted()) audit rows, all chaining correctly.")
            if let kept = report.replacedKeptAt {
                print("The database it replaced is kept as \(kept) (with its -wal and -shm, if it had them).")
            }
        }
    }
}
