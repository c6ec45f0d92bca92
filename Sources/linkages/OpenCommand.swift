import ArgumentParser
import Foundation
import LinkagesStore

/// `linkages` / `linkages open`: the screens, on the worker's database.
struct OpenCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the Linkages screens (the default when no command is given).")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    func run() throws {
        try Failure.reported {
            let location = try DatabaseLocation.resolve(explicitPath: databasePath)
            let database = try AppDatabase.open(location)
            try Screens.run(on: database, location: location)
        }
    }
}

/// `linkages init`: create an empty database.
struct InitCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty Linkages database, readable only by you.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    func run() throws {
        try Failure.reported {
            let location = try DatabaseLocation.resolve(explicitPath: databasePath)
            let database = try AppDatabase.open(location, create: true)
            try database.close()
            print("Linkages database ready at \(location.path)")
        }
    }
}
