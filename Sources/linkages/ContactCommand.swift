import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages contact record|show`: the in-person contact after an ER intake, and where each
/// intake's response deadline stands.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Record the in-person contact after an ER intake, and show where its response deadline stands.",
        subcommands: [RecordContact.self, ShowContact.self])

    /// Each intake's clocks as the family page shows them.
    static func printClocks(_ detail: FamilyDetail, settings: IntakeSettings, today: CalendarDate) {
        guard !detail.intakes.isEmpty else {
            Swift.print("No ER intake of this family is shown to you.")
            return
        }
        for intake in detail.intakes {
            let recorded = intake.id.flatMap { detail.responseContacts[$0] } ?? []
            Swift.print("Intake \(intake.id ?? 0), referral received \(intake.draft.answer(.referralReceivedDate)) \(intake.draft.answer(.referralReceivedTime))")
            for clock in IntakeClocks.clocks(for: intake.draft, settings: settings, recorded: recorded) {
                Swift.print("  \(clock.name): \(clock.status(now: Date(), today: today).text)")
            }
        }
    }
}

struct RecordContact: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record the in-person contact with a family after its ER intake: the family seen, or an attempt.",
        discussion: "The contact is for the family's latest intake that decided an in-person response, unless --intake names another. "
            + "An attempt in time answers the deadline (CDSS measure 2B); record the visit again when the family is seen.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64
    @Option(help: "The intake, when the family has more than one.") var intake: Int64?
    @Option(help: "The day of the contact (MM/DD/YYYY); today when left out.") var date: CalendarDate?
    @Option(help: "The time of the contact (14:30, 2:30pm); an immediate response is timed to the minute.") var time: ClockTime?
    @Flag(help: "The worker went but did not see the family.") var attempted = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            guard let intakeId = try intake ?? database.latestResponseIntake(familyId: family) else {
                throw WorkRefusal("no ER intake of family \(family) decided an in-person response")
            }
            if let intake, try database.intake(id: intake)?.familyId != family {
                throw WorkRefusal("intake \(intake) is not family \(family)'s: `linkages contact show --family \(family)` lists its intakes")
            }
            let contact = ResponseContact(day: date ?? policy.today, time: time, outcome: attempted ? .attempted : .completed)
            let saved = try database.recordResponseContact(contact, intakeId: intakeId, for: policy, at: Date())
            print("Recorded for intake \(intakeId): \(saved.outcome.displayName), \(saved.label).")
            if let detail = try database.familyDetail(id: family, for: policy, at: Date()) {
                ContactCommand.printClocks(detail, settings: try database.intakeSettings(), today: policy.today)
            }
        }
    }
}

struct ShowContact: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show each ER intake's response deadline and the contacts recorded for it. Audited as a view of the family.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            guard let detail = try database.familyDetail(id: family, for: policy, at: Date()) else {
                throw WorkRefusal("there is no family \(family), or you may not open families")
            }
            ContactCommand.printClocks(detail, settings: try database.intakeSettings(), today: policy.today)
        }
    }
}

extension ClockTime: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
