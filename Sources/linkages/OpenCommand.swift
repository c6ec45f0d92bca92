import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages` / `linkages open`: the screens, on the worker's database.
struct OpenCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the Linkages screens (the default when no command is given).")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "On a demo or training database, work as this made-up worker (\"Ana Ruiz\", \"Marcus Bell\", \"Robert Chen\").",
        valueName: "name"))
    var worker: String?

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let database = try openWithNotices(location)
            if let worker {
                try database.actAs(workerNamed: worker, account: Account.current, at: Date())
            }
            try Screens.run(on: database, location: location)
        }
    }
}

/// `linkages init`: create an empty database, with the account creating it as its first worker.
struct InitCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty Linkages database, readable only by you.",
        discussion: """
            Your account becomes the database's first worker: its administrator unless you give \
            another --role (on a database only you use, give your own program, office and role).
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "Your name as colleagues know it (default: your account name).") var name: String?
    @Option(help: "calworks or cws.") var program = ProgramArgument(argument: "calworks")!
    @Option(help: "Your county office.") var office = "County"
    @Option(help: "caseworker, liaison, supervisor, trainer or admin.") var role = WorkerRole.admin

    func run() throws {
        try Failure.reported {
            try Installed.refuse("create databases (the install script made the county's)")
            let location = try databaseLocation()
            let database = try openWithNotices(location, create: true)
            let account = Account.current
            // Only a database nobody has claimed gets a first worker: running init on a
            // colleague's database must never make you its administrator.
            if try database.workers().contains(where: { $0.account != nil }) {
                try database.close()
                print("Linkages database ready at \(location.path) (it already has workers; ask its administrator for an account)")
                return
            }
            try database.addWorker(
                Worker(account: account, name: name ?? account, program: program.program, office: office, role: role),
                by: account, at: Date())
            try database.close()
            print("Linkages database ready at \(location.path); the account \(account) is its \(role.displayName)")
        }
    }
}
