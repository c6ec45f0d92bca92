import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages admin worker add|list|change|disable|enable`: who may use Linkages, as what.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage the workers who may use this database.",
        subcommands: [WorkerCommand.self])
}

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Map operating-system accounts to workers, list them, change or disable them.",
        subcommands: [AddWorker.self, ListWorkers.self, ChangeWorker.self, DisableWorker.self, EnableWorker.self])
}

extension WorkerRole: ExpressibleByArgument {}

/// A program named on the command line: `calworks` or `cws`.
struct ProgramArgument: ExpressibleByArgument {
    let program: Program

    init?(argument: String) {
        switch argument.lowercased() {
        case "calworks", "cw": program = .calworks
        case "cws", "childwelfare", "child-welfare": program = .childWelfare
        default: return nil
        }
    }

    static var allValueStrings: [String] { ["calworks", "cws"] }
}

struct AddWorker: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Map an account to a new worker with a program, an office and a role.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The operating-system account the worker signs in with.") var account: String
    @Option(help: "The worker's name as colleagues know it.") var name: String
    @Option(help: "calworks or cws.") var program: ProgramArgument
    @Option(help: "The county office (e.g. Central).") var office: String
    @Option(help: "caseworker, liaison, supervisor, trainer or admin.") var role: WorkerRole
    @Option(help: "The worker's phone, shown to the other program.") var phone: String?

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let database = try openWithNotices(location)
            let admin = try Identity.administrator(of: database, at: location)
            let worker = try database.addWorker(
                Worker(account: account, name: name, program: program.program, office: office, role: role, phone: phone),
                by: admin, at: Date())
            print("\(worker.name) (\(worker.role.displayName), \(worker.program.displayName), \(worker.office)) signs in as \(account)")
        }
    }
}

struct ListWorkers: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workers and their accounts.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let database = try openWithNotices(location)
            _ = try Identity.administrator(of: database, at: location)
            print("account      name                     program        office     role        status")
            for worker in try database.workers() {
                let columns = [
                    (worker.account ?? "—", 12), (worker.name, 24), (worker.program.displayName, 14),
                    (worker.office, 10), (worker.role.displayName, 11),
                ]
                let line = columns.map { text, width in text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
                print(line.joined(separator: " ") + " " + (worker.active ? "active" : "disabled"))
            }
        }
    }
}

struct ChangeWorker: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change a worker's role, program or office; their open screens end at their next key.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The worker's account.") var account: String
    @Option(help: "caseworker, liaison, supervisor, trainer or admin.") var role: WorkerRole?
    @Option(help: "calworks or cws.") var program: ProgramArgument?
    @Option(help: "The county office.") var office: String?

    func validate() throws {
        guard role != nil || program != nil || office != nil else {
            throw ValidationError("say what changes: --role, --program or --office")
        }
    }

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let database = try openWithNotices(location)
            let admin = try Identity.administrator(of: database, at: location)
            let worker = try database.changeWorker(account: account, role: role, program: program?.program, office: office,
                                                   by: admin, at: Date())
            print("\(worker.name) (\(account)) is now a \(worker.role.displayName) of \(worker.program.displayName), \(worker.office)")
        }
    }
}

struct DisableWorker: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop an account from seeing any data.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The account to disable.") var account: String

    func run() throws {
        try Failure.reported {
            try WorkerSwitch.set(account: account, active: false, at: try databaseLocation())
        }
    }
}

struct EnableWorker: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled account in again.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The account to enable.") var account: String

    func run() throws {
        try Failure.reported {
            try WorkerSwitch.set(account: account, active: true, at: try databaseLocation())
        }
    }
}

/// Disabling and enabling differ only in the flag.
enum WorkerSwitch {
    static func set(account: String, active: Bool, at location: DatabaseLocation) throws {
        let database = try openWithNotices(location)
        let admin = try Identity.administrator(of: database, at: location)
        let worker = try database.setWorkerActive(account: account, active, by: admin, at: Date())
        print("\(worker.name) (\(account)) is \(active ? "enabled" : "disabled")")
    }
}
