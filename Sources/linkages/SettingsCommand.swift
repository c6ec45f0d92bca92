import ArgumentParser
import Foundation
import LinkagesStore

/// `linkages settings`: the county's choices that rules depend on.
struct SettingsCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the county's settings.",
        discussion: "Without an option, prints the settings in force.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(help: ArgumentHelp("The Linkages coordination window after an ER referral, in working days.", valueName: "days"))
    var coordinationDays: Int?

    func validate() throws {
        if let days = coordinationDays, !(1...30).contains(days) {
            throw ValidationError("--coordination-days must be between 1 and 30 working days")
        }
    }

    func run() throws {
        try Failure.reported {
            let database = try AppDatabase.open(try DatabaseLocation.resolve(explicitPath: databasePath))
            if let days = coordinationDays {
                try database.setCoordinationWorkingDays(days)
            }
            let settings = try database.intakeSettings()
            print("Linkages coordination window: \(settings.coordinationWorkingDays) working days after an ER referral")
        }
    }
}
