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

    /// The family's reunification answers, then its first team meeting's deadline.
    static func print(_ detail: FamilyDetail, today: CalendarDate) {
        guard let status = detail.reunification else { return }
        print(status, today: today)
        if let deadline = detail.teamMeetingDeadline {
            let meetings = detail.meetings.map(\.meeting)
            let met = deadline.metBy(meetings).map { meeting in
                meeting.status == .held ? " Met by the meeting on \(meeting.date.usFormat)."
                    : " The meeting scheduled for \(meeting.date.usFormat) meets it once held."
            } ?? deadline.heldLate(meetings).map { " Held late, on \($0.date.usFormat)." } ?? ""
            Swift.print("First Child and Family Team meeting due \(deadline.due.usFormat): \(deadline.rule).\(met)")
        }
    }

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
        commandName: "record", abstract: "Record the findings for a family's reunification; findings not named stay as they were.",
        discussion: "Each finding has a --no- form to take it back (--no-services-needed). Only a worker who sees both programs' records of the family records them.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64
    @Option(help: "The removal date, when it differs from the Family Reunification start.") var removed: CalendarDate?
    @Flag(inversion: .prefixedNo, help: "Child Welfare found Welfare-to-Work services needed for reunification (AB 429).")
    var servicesNeeded: Bool?
    @Option(help: "The day the reunification plan was amended to recommend cash aid (AB 135).") var cashAidRecommended: CalendarDate?
    @Flag(help: "The amendment date recorded before was wrong: replace it (AB 135 has no extension, so a second date is otherwise refused).")
    var correctAmendment = false
    @Flag(inversion: .prefixedNo, help: "Every CalWORKs-eligible child was removed (AB 135).") var allChildrenRemoved: Bool?
    @Flag(inversion: .prefixedNo, help: "The parent receives SSI.") var ssi: Bool?
    @Flag(inversion: .prefixedNo, help: "The parent is an undocumented noncitizen.") var undocumented: Bool?
    @Flag(inversion: .prefixedNo, help: "The parent is a fleeing felon.") var fleeingFelon: Bool?
    @Flag(inversion: .prefixedNo, help: "The parent has reached the time-on-aid limit.") var timeLimit: Bool?
    @Option(help: "The dispositional hearing's date: the first Child and Family Team meeting is due before it when that comes first.")
    var dispositionalHearing: CalendarDate?
    @Flag(inversion: .prefixedNo, help: "There is reason to know a child is an Indian child (ICWA): the first team meeting is due within 30 days.")
    var icwa: Bool?

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            try database.recordReunification(familyId: family, ReunificationChanges(
                removedOn: removed, servicesNeeded: servicesNeeded, cashAidRecommendedOn: cashAidRecommended,
                allEligibleChildrenRemoved: allChildrenRemoved, receivesSSI: ssi, undocumentedNoncitizen: undocumented,
                fleeingFelon: fleeingFelon, atTimeOnAidLimit: timeLimit, dispositionalHearingOn: dispositionalHearing, icwa: icwa,
                correctingAmendment: correctAmendment), for: policy, at: Date())
            if let detail = try database.familyDetail(id: family, for: policy, at: Date()) {
                ReunificationCommand.print(detail, today: policy.today)
            }
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
            guard let detail = try database.familyDetail(id: family, for: policy, at: Date()), detail.reunification != nil else {
                throw InputError("family \(family) has no Family Reunification case you may see with both programs' records")
            }
            ReunificationCommand.print(detail, today: policy.today)
        }
    }
}
