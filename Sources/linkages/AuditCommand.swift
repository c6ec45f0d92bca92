import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages audit verify|show`: check the trail's hash chain, and read it for a review.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the audit trail, or show it for a family, a worker, or the flagged emergencies.",
        subcommands: [VerifyAudit.self, ShowAudit.self])

    /// Supervisors and administrators review the trail.
    static func reviewer(_ database: AppDatabase) throws {
        _ = try Identity.worker(in: database, withRole: [.supervisor, .admin], to: "read the audit trail")
    }
}

struct VerifyAudit: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain and name the first row that was changed, removed or moved.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            try AuditCommand.reviewer(database)
            switch try database.verifyAuditTrail() {
            case .intact(let rows, let lastHash):
                print("Audit trail intact: \(rows) rows; last hash \(lastHash)")
                print("Keep the last hash somewhere else: a later check that ends on it proves no rows were cut from the end.")
            case .broken(let row, let problem):
                throw InputError("the audit trail is broken at row \(row): \(problem)")
            }
        }
    }
}

struct ShowAudit: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print audit rows, newest first.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "Only this family's rows (its number in Linkages).") var household: Int64?
    @Option(help: "Only this worker's rows: their account or their name.") var worker: String?
    @Flag(help: "Only the emergencies (break-the-glass openings) flagged for review.") var flagged = false
    @Option(help: "At most this many rows.") var limit = 200
    @Flag(help: ArgumentHelp("Show the values each change changed, before and after. With --household, for a supervisor who may see the family's records in full; settings and worker records, for an administrator."))
    var values = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            try AuditCommand.reviewer(database)
            let reviewer = try Identity.worker(in: database)
            var visibleReferrals: Set<Int64> = []
            if values {
                if let household {
                    // The values are the family's data: shown only to whoever may read its records, and the read is audited.
                    let policy = try Identity.caseWorker(in: database)
                    guard let detail = try database.familyDetail(id: household, for: policy, at: Date()),
                          detail.records.allSatisfy({ $0.access.isFull }) else {
                        throw InputError("you do not see all of family \(household)'s records in full, so not the values of their changes either")
                    }
                    visibleReferrals = Set(detail.referrals.compactMap(\.id))
                } else if reviewer.role != .admin {
                    throw InputError("--values without --household shows settings and worker records, for an administrator")
                }
            }
            let account = try worker.map { named in
                try database.workers().first { $0.name.caseInsensitiveCompare(named) == .orderedSame }?.account ?? named
            }
            let events = try database.reviewAuditTrail(familyId: household, account: account, flaggedOnly: flagged, limit: limit,
                                                       by: reviewer.account ?? Account.current, at: Date())
            if events.isEmpty { print("No audit rows match.") }
            for event in events {
                var line = "\(event.id)  \(event.at) UTC  \(event.account)  \(event.action.displayName)"
                if let family = event.familyId { line += "  family \(family)" }
                if let detail = event.detail { line += "  \(detail)" }
                if let reason = event.reason { line += "  reason: “\(reason)”" }
                if event.flagged { line += "  [FLAGGED]" }
                let changes = event.fieldChanges
                if !changes.isEmpty && values && (household != nil || event.familyId == nil) && Self.mayShowValues(of: event, visibleReferrals) {
                    line += "  " + changes.map { "\($0.field): \(EditConflict.shown($0.old)) → \(EditConflict.shown($0.new))" }.joined(separator: "; ")
                } else if !changes.isEmpty {
                    line += "  changed: " + changes.map(\.field).joined(separator: ", ")
                }
                print(line)
            }
        }
    }

    /// A row about a referral the reader's view of the family leaves out (a substance-use
    /// treatment referral, say) keeps its values to itself.
    static func mayShowValues(of event: AuditEvent, _ visibleReferrals: Set<Int64>) -> Bool {
        guard let detail = event.detail, detail.hasPrefix("referral "),
              let id = Int64(detail.dropFirst("referral ".count).prefix { $0.isNumber }) else { return true }
        return visibleReferrals.contains(id)
    }
}
