import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages agenda export`: the staffing agenda for printing or the minutes.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "The supervisors' staffing agenda.",
        subcommands: [ExportAgenda.self])
}

struct ExportAgenda: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write your staffing agenda, most urgent first with every reason, as Markdown or plain text.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, text
    }

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "md or text.") var format = Format.md
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            guard policy.viewer.role == .supervisor || policy.viewer.role == .trainer else {
                throw InputError("the staffing agenda is for supervisors; you are a \(policy.viewer.role.displayName)")
            }
            let items = try database.staffingAgenda(for: policy, weights: try StaffingWeightsFile.load(), at: Date())
            let title = "Staffing agenda, \(policy.viewer.program.displayName) \(policy.viewer.office), \(policy.today.usFormat)"
            let document = format == .md ? StaffingAgenda.markdown(items, title: title) : StaffingAgenda.text(items, title: title)
            if let out {
                try WorkerFiles.write(Data(document.utf8), to: out)
                try database.audit(AuditEntry(account: policy.viewer.account ?? Account.current, action: .exportAgenda,
                                              detail: "staffing agenda, \(items.count) families, to \((out as NSString).lastPathComponent)",
                                              familyIds: items.map(\.familyId)),
                                   at: Date())
            } else {
                print(document, terminator: "")
            }
        }
    }
}
