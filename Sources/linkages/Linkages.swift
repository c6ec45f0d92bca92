import ArgumentParser
import LinkagesStore

/// `linkages`: the terminal case-management tool for CalWORKs and Child Welfare Linkages.
@main
struct Linkages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linkages",
        abstract: "Coordinate CalWORKs and Child Welfare services for the families they share.",
        discussion: """
            With no command, opens the Linkages screens on your database. The database is the \
            file named by --db, else $LINKAGES_DB, else ~/.local/share/linkages/linkages.sqlite.
            """,
        version: "0.1.0",
        subcommands: [
            OpenCommand.self, DemoCommand.self, TrainCommand.self, InitCommand.self, ImportCommand.self, MatchCommand.self, SearchCommand.self,
            ReferralsCommand.self, AgendaCommand.self, PlanCommand.self, ReportCommand.self, ReunificationCommand.self, ContactCommand.self, DirectoryCommand.self, ConsentCommand.self, AuditCommand.self, AdminCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self, SettingsCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: OpenCommand.self)

    /// `--db` given before the command name (`linkages --db PATH demo`).
    @OptionGroup var options: DatabaseOptions
}

/// Options every command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file to use.", valueName: "path"))
    var db: String?
}

/// A command that works on a database: it takes `--db` after its name or before it.
protocol DatabaseCommand: ParsableCommand {
    var options: DatabaseOptions { get }
    var root: Linkages { get }
}

extension DatabaseCommand {
    /// The `--db` path given after the command's name, else the one given before it.
    var databasePath: String? {
        options.db ?? root.options.db
    }

    /// Where this command's database is: `--db`, else `LINKAGES_DB`, else the default. An
    /// installed Linkages works on the county database only.
    func databaseLocation() throws -> DatabaseLocation {
        guard ProcessPrivilege.isElevated else { return try DatabaseLocation.resolve(explicitPath: databasePath) }
        guard databasePath == nil else {
            throw InputError("the installed county Linkages works on the county database only; --db is not taken")
        }
        return DatabaseLocation(path: ProcessPrivilege.countyDatabasePath, isDefault: false)
    }

    func openDatabase() throws -> AppDatabase {
        try openWithNotices(databaseLocation())
    }
}
