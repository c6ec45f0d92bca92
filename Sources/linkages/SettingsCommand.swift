import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages settings`: the county's choices that rules and screens depend on.
struct SettingsCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the county's settings.",
        discussion: "Without an option, prints the settings in force. Supervisors and administrators change them.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(help: ArgumentHelp("The Linkages coordination window after an ER referral, in working days.", valueName: "days"))
    var coordinationDays: Int?

    @Option(help: ArgumentHelp("Close the screens after this many minutes without a key.", valueName: "minutes"))
    var idleLockMinutes: Int?

    @Option(help: ArgumentHelp("A sent referral is overdue when not received within this many working days.", valueName: "days"))
    var referralReceiveDays: Int?

    @Option(help: ArgumentHelp("A received referral is overdue when not accepted or declined within this many working days.", valueName: "days"))
    var referralDecideDays: Int?

    @Option(help: ArgumentHelp("An accepted referral is overdue when the family is not contacted within this many days.", valueName: "days"))
    var referralContactDays: Int?

    @Option(help: ArgumentHelp("A parent eligible under AB 429 keeps Welfare-to-Work services this many days after the removal.",
                               valueName: "days"))
    var ab429ServiceDays: Int?

    @Option(help: ArgumentHelp(
        "Add county holidays, which are not working days: dates separated by commas (MM/DD/YYYY or YYYY-MM-DD).",
        valueName: "dates"))
    var holidays: String?

    @Option(help: ArgumentHelp("Take these dates off the county's holidays.", valueName: "dates"))
    var removeHolidays: String?

    @Flag(help: "Take every date off the county's holidays.")
    var clearHolidays = false

    @Option(help: ArgumentHelp("Flag a worker who reads more than this many families within --bulk-view-minutes.", valueName: "families"))
    var bulkViewFamilies: Int?

    @Option(help: ArgumentHelp("The window --bulk-view-families counts over.", valueName: "minutes"))
    var bulkViewMinutes: Int?

    var changesHolidays: Bool { holidays != nil || removeHolidays != nil || clearHolidays }

    /// The dates an option gives; throws on one it cannot read.
    static func dates(_ list: String?, option: String) throws -> [CalendarDate] {
        try (list ?? "").split(separator: ",").map { piece in
            switch CalendarDate.parse(String(piece)) {
            case .success(let day): return day
            case .failure(let error): throw ValidationError("\(option): '\(piece)' is not a date (\(error.description))")
            }
        }
    }

    var changesReferralLevels: Bool {
        referralReceiveDays != nil || referralDecideDays != nil || referralContactDays != nil
    }

    func validate() throws {
        if let days = coordinationDays, !(1...30).contains(days) {
            throw ValidationError("--coordination-days must be between 1 and 30 working days")
        }
        if let minutes = idleLockMinutes, !(1...60).contains(minutes) {
            throw ValidationError("--idle-lock-minutes must be between 1 and 60")
        }
        for days in [referralReceiveDays, referralDecideDays, referralContactDays].compactMap({ $0 }) where !(1...60).contains(days) {
            throw ValidationError("referral service levels must be between 1 and 60 days")
        }
        if let families = bulkViewFamilies, !(5...1_000).contains(families) {
            throw ValidationError("--bulk-view-families must be between 5 and 1,000")
        }
        if let minutes = bulkViewMinutes, !(1...1_440).contains(minutes) {
            throw ValidationError("--bulk-view-minutes must be between 1 and 1,440 (a day)")
        }
        if let days = ab429ServiceDays, !(30...730).contains(days) {
            throw ValidationError("--ab429-service-days must be between 30 and 730 days")
        }
        _ = try Self.dates(holidays, option: "--holidays")
        _ = try Self.dates(removeHolidays, option: "--remove-holidays")
    }

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let changesBulkViewing = bulkViewFamilies != nil || bulkViewMinutes != nil
            if coordinationDays != nil || idleLockMinutes != nil || changesReferralLevels || ab429ServiceDays != nil || changesHolidays
                || changesBulkViewing {
                let worker = try Identity.worker(in: database, withRole: [.admin, .supervisor], to: "change the county's settings")
                let account = worker.account ?? Account.current
                if let days = coordinationDays {
                    try database.setCoordinationWorkingDays(days, by: account, at: Date())
                }
                if let minutes = idleLockMinutes {
                    try database.setIdleLockMinutes(minutes, by: account, at: Date())
                }
                if changesBulkViewing {
                    let current = try database.bulkViewingLimits()
                    try database.setBulkViewingLimits(families: bulkViewFamilies ?? current.families, minutes: bulkViewMinutes ?? current.minutes,
                                                      by: account, at: Date())
                }
                if let days = ab429ServiceDays {
                    try database.setAB429ServiceDays(days, by: account, at: Date())
                }
                if changesHolidays {
                    // Past holidays stay unless taken off: open referrals' deadlines still count them.
                    let kept = clearHolidays ? [] : try database.holidays()
                    let removed = Set(try Self.dates(removeHolidays, option: "--remove-holidays"))
                    let added = try Self.dates(holidays, option: "--holidays")
                    try database.setHolidays(kept.filter { !removed.contains($0) } + added, by: account, at: Date())
                }
                if changesReferralLevels {
                    var levels = try database.referralServiceLevels()
                    levels.receiveWithinWorkingDays = referralReceiveDays ?? levels.receiveWithinWorkingDays
                    levels.decideWithinWorkingDays = referralDecideDays ?? levels.decideWithinWorkingDays
                    levels.firstContactWithinDays = referralContactDays ?? levels.firstContactWithinDays
                    try database.setReferralServiceLevels(levels, by: account, at: Date())
                }
            } else {
                _ = try Identity.worker(in: database)
            }
            let settings = try database.intakeSettings()
            print("Linkages coordination window: \(settings.coordinationWorkingDays) working days after an ER referral")
            print("Screens close after \(try database.idleLockMinutes()) minutes without a key")
            let bulk = try database.bulkViewingLimits()
            print("A worker who reads more than \(bulk.families) families within \(bulk.minutes) minutes is flagged for review")
            let levels = try database.referralServiceLevels()
            print("Referrals: received within \(levels.receiveWithinWorkingDays) working days, accepted or declined within "
                  + "\(levels.decideWithinWorkingDays) working days, first contact within \(levels.firstContactWithinDays) days")
            print("AB 429 Welfare-to-Work services continue \(try database.ab429ServiceDays()) days after a removal")
            let holidays = try database.holidays()
            print(holidays.isEmpty
                  ? "Holidays: none entered; working days skip weekends only"
                  : "Holidays (not working days): " + holidays.map(\.usFormat).joined(separator: ", "))
        }
    }
}
