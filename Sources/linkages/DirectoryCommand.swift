import ArgumentParser
import Foundation
import LinkagesStore

/// `linkages directory import|search`: the community service directory (Open Referral HSDS).
struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Import the community service directory (Open Referral HSDS CSV files), or search it.",
        subcommands: [ImportDirectory.self, SearchDirectory.self])
}

struct ImportDirectory: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace the directory with the HSDS files in a folder.",
        discussion: """
            Reads organizations.csv and services.csv, and locations.csv, addresses.csv (or \
            physical_addresses.csv) and phones.csv when present. One bad row rejects the whole \
            import, with its file, line and column; the directory stays as it was.
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: ArgumentHelp("The folder of HSDS CSV files.", valueName: "FOLDER")) var folder: String

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let worker = try Identity.worker(in: database, withRole: [.admin, .supervisor, .liaison], to: "import the service directory")
            let files = try ProcessPrivilege.asWorker { () throws -> [String: Data] in
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                    throw InputError("cannot read the folder \(folder)")
                }
                var files: [String: Data] = [:]
                for name in names where name.lowercased().hasSuffix(".csv") {
                    files[name.lowercased()] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
                }
                return files
            }
            let report = try database.importDirectory(files: files, by: worker.account ?? Account.current, at: Date())
            print("Directory imported: \(report.organizations) organizations, \(report.services) services, "
                  + "\(report.locations) locations, \(report.phones) phone numbers")
        }
    }
}

struct SearchDirectory: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Find providers by name, service or city.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "Words to look for (all must match).") var words: [String] = []

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            _ = try Identity.caseWorker(in: database)
            let found = try database.searchDirectory(words.joined(separator: " "))
            if found.isEmpty { print("No service matches.") }
            for entry in found { print(entry.line) }
        }
    }
}
