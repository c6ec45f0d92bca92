import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages backup FILE`: a consistent copy of the database, taken while others work.
struct BackupCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file (readable only by you), safely while others work.",
        discussion: "Only an administrator may take a backup: it holds every family's records.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: ArgumentHelp("The new file to write.", valueName: "FILE")) var file: String

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let admin = try Identity.worker(in: database, withRole: [.admin], to: "take a backup")
            // An installed Linkages writes backups only beside the county database, where the
            // service account keeps them out of every worker's reach.
            let folder = (ProcessPrivilege.countyDatabasePath as NSString).deletingLastPathComponent + "/backups/"
            if ProcessPrivilege.isElevated && !(file as NSString).standardizingPath.hasPrefix(folder) {
                throw InputError("the installed county Linkages writes backups under \(folder) only")
            }
            let started = Date()
            try database.backup(to: file, by: admin.account ?? Account.current, at: started)
            print("Backed up to \(file) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
    }
}
