import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages reunification record|show`: AB 429 and AB 135 for a family in Family Reunification.
struct ReunificationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reunification",
        abstract: "Record the findings AB 429 and AB 135 depend on, and show what a family may keep.",
        subcommands: [RecordReunification.self, ShowReunification.self])

    static func print(_ status: ReunificationStatus, today: CalendarDate) {
        Swift.print("Removed \(status.facts.removedOn.usFormat)")
        for (name, answer) in [("AB 429 Welfare-to-Work services", status.ab429), ("AB 135 cash aid and child care", status.ab135)] {
            Swift.print("\(name): \(answer.eligible ? "eligible" : "not eligible yet")  (\(answer.source))")
            answer.met.forEach { Swift.print("  ✓ \($0)") }
            answer.notMet.forEach { Swift.print("  ✗ \($0)") }
        }
        if let services = status.ab429Services {
            Swift.print(services.sentence(on: today))
        }
        if let clock = status.ab135Clock {
            Swift.print("AB 135 clock: \(clock.firstFullMonth.usFormat) to \(clock.lastDay.usFormat). \(clock.state(on: today).sentence)")
        }
    }
}

struct RecordReunification: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record (or replace) the findings for a family's reunification.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64
    @Option(help: "The removal date, when it differs from the Family Reunification start.") var removed: CalendarDate?
    @Flag(help: "Child Welfare found Welfare-to-Work services needed for reunification (AB 429).") var servicesNeeded = false
    @Option(help: "The day the reunification plan was amended to recommend cash aid (AB 135).") var cashAidRecommended: CalendarDate?
    @Flag(help: "Every CalWORKs-eligible child was removed (AB 135).") var allChildrenRemoved = false
    @Flag(help: "The parent receives SSI.") var ssi = false
    @Flag(help: "The parent is an undocumented noncitizen.") var undocumented = false
    @Flag(help: "The parent is a fleeing felon.") var fleeingFelon = false
    @Flag(help: "The parent has reached the time-on-aid limit.") var timeLimit = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let account = policy.viewer.account ?? Account.current
            try database.recordReunification(ReunificationRecord(
                familyId: family, removedOn: removed, servicesNeeded: servicesNeeded, cashAidRecommendedOn: cashAidRecommended,
                allEligibleChildrenRemoved: allChildrenRemoved, receivesSSI: ssi, undocumentedNoncitizen: undocumented,
                fleeingFelon: fleeingFelon, atTimeOnAidLimit: timeLimit, recordedBy: account, recordedAt: Date()), at: Date())
            guard let status = try database.familyDetail(id: family, for: policy, at: Date())?.reunification else {
                print("Recorded. The family has no Family Reunification case you may see with both programs' records.")
                return
            }
            ReunificationCommand.print(status, today: policy.today)
        }
    }
}

struct ShowReunification: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show AB 429 and AB 135 for a family.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            guard let status = try database.familyDetail(id: family, for: policy, at: Date())?.reunification else {
                throw InputError("family \(family) has no Family Reunification case you may see with both programs' records")
            }
            ReunificationCommand.print(status, today: policy.today)
        }
    }
}
