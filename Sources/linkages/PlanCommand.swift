import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages plan export`: a family's joint case plan for paper or the case file.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Joint case plans.", subcommands: [ExportPlan.self])
}

struct ExportPlan: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a family's joint case plan as Markdown or plain text.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: ArgumentHelp("The family's number in Linkages.", valueName: "HOUSEHOLD")) var family: Int64
    @Option(help: "md or text.") var format = ExportAgenda.Format.md
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var out: String?

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            guard let detail = try database.familyDetail(id: family, for: policy, at: Date()) else {
                throw InputError("there is no family \(family)")
            }
            guard let plan = detail.plan else {
                throw InputError(detail.withheld.plan
                    ? "the joint plan of family \(family) is not shown to you: you see neither program's record"
                    : "family \(family) has no joint case plan yet")
            }
            let document = PlanDocument(familyName: detail.family.displayName, plan: plan, tasks: detail.tasks,
                                        workerNames: detail.workers.mapValues(\.name), today: policy.today,
                                        reunification: detail.reunification)
            let text = format == .md ? document.markdown : document.text
            if let out {
                try WorkerFiles.write(Data(text.utf8), to: out)
                try database.audit(AuditEntry(account: policy.viewer.account ?? Account.current, action: .exportPlan,
                                              familyId: family, detail: "joint plan to \((out as NSString).lastPathComponent)"), at: Date())
            } else {
                print(text, terminator: "")
            }
        }
    }
}
