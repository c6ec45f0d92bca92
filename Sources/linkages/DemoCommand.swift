import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesStore

/// `linkages demo`: a fresh demo database (Sarah's Story and about 200 synthetic families).
struct DemoCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a fresh demo database and open the screens on it.",
        discussion: """
            The demo database is built at --db when given, otherwise as demo.sqlite beside your \
            real database. It never overwrites a database that holds real data.
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Flag(help: "Build the demo database and exit without opening the screens.")
    var seedOnly = false

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Work as this demo worker (e.g. \"Ana Ruiz\", CalWORKs; \"Robert Chen\", Child Welfare supervisor).", valueName: "name"))
    var worker = DemoDatabase.defaultWorker

    func run() throws {
        try Failure.reported {
            try Installed.refuse("build demo databases")
            let location = try DatabaseLocation.demo(explicitPath: databasePath)
            let database = try DemoDatabase.build(at: location, on: Clock.today())
            try database.actAs(workerNamed: worker, account: Account.current, at: Date())
            if seedOnly {
                let families = try database.homeSummary(on: Clock.today()).familyCount
                print("Demo database with \(families) families ready at \(location.path)")
                return
            }
            try Screens.run(on: database, location: location)
        }
    }
}
