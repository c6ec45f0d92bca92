import ArgumentParser
import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesStore

/// `linkages referrals list|export`: the referral desk from the shell.
struct ReferralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "List referrals you may see, or export them to CSV.",
        subcommands: [ListReferrals.self, ExportReferrals.self])

    /// The columns both the list and the export give, one referral per row.
    static let columns = ["referral_id", "family", "type", "from", "to", "urgency", "status", "outcome", "updated", "due", "overdue"]

    static func fields(_ row: ReferralRow, today: CalendarDate) -> [String] {
        let referral = row.referral
        return [
            String(row.id), row.familyName, referral.type.rawValue, referral.fromProgram.rawValue, referral.destinationName,
            referral.urgency.rawValue, referral.status.rawValue, referral.outcome?.rawValue ?? "",
            CalendarDate.today(now: referral.updatedAt).iso, row.due?.iso ?? "", row.isOverdue(on: today) ? "yes" : "no",
        ]
    }
}

struct ListReferrals: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the open referrals you may see.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Flag(help: "Only referrals past their service level.") var overdue = false
    @Flag(help: "Only yours: sent by you or in your queue.") var mine = false
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let filter: ReferralFilter = overdue ? (mine ? .mineOverdue : .overdue) : (mine ? .mine : .open)
            let rows = try database.referralRows(filter, for: policy, at: Date())
            if json {
                let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(ReferralsCommand.columns, ReferralsCommand.fields($0, today: policy.today))) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(objects), as: UTF8.self))
                return
            }
            if rows.isEmpty { print("No \(filter.displayName) referrals.") }
            for row in rows {
                let referral = row.referral
                var line = "\(row.id)  \(row.familyName)  \(referral.type.displayName)  "
                    + "\(referral.fromProgram.displayName) → \(referral.destinationName)  \(referral.status.displayName)"
                if let due = row.due { line += row.isOverdue(on: policy.today) ? "  OVERDUE since \(due.usFormat)" : "  due \(due.usFormat)" }
                print(line)
            }
        }
    }
}

struct ExportReferrals: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every referral you may see to a CSV file (safe to open in a spreadsheet).")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: ArgumentHelp("The CSV file to write.", valueName: "FILE.csv")) var file: String

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let rows = try database.referralRows(.all, for: policy, at: Date())
            var text = CSVWriter.row(ReferralsCommand.columns)
            for row in rows {
                text += CSVWriter.row(ReferralsCommand.fields(row, today: policy.today))
            }
            try WorkerFiles.write(Data(text.utf8), to: file)
            try database.audit(AuditEntry(account: policy.viewer.account ?? Account.current, action: .exportReferrals,
                                          detail: "\(rows.count) referrals to \((file as NSString).lastPathComponent)"), at: Date())
            print("Wrote \(rows.count) referrals to \(file)")
        }
    }
}
