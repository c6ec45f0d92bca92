import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages consent add|list|revoke`: the releases, authorisations and court orders that let
/// one program see the other's records about a family.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record, list, approve or revoke the sharing basis (release, authorisation, court order) for a family.",
        discussion: """
            A basis opens a program's records only once a supervisor of that program, who did not \
            record it, approves it (consent approve); until then it opens nothing.
            """,
        subcommands: [AddConsent.self, ListConsents.self, ApproveConsent.self, RefuseConsent.self, RevokeConsent.self])

    /// Approves or refuses basis `id` for the running supervisor's program, and says where it stands.
    static func decide(_ id: Int64, approve: Bool, reason: String?, on database: AppDatabase) throws {
        let policy = try Identity.caseWorker(in: database)
        let basis = try database.decideSharingBasis(id: id, for: policy.viewer.program, approve: approve, reason: reason, by: policy, at: Date())
        print("\(approve ? "Approved" : "Refused") sharing basis \(id) for family \(basis.familyId): \(basis.state(on: policy.today))")
    }

    /// The running worker's access, for a command that any active worker (administrators included) may run.
    static func policy(in database: AppDatabase) throws -> AccessPolicy {
        let worker = try Identity.worker(in: database)
        return AccessPolicy(viewer: worker, isPracticeData: try database.kind() != .production, today: Clock.today())
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension SharingBasisKind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "release", "signed-release": self = .signedRelease
        case "authorization", "authorisation": self = .authorization
        case "court-order", "order": self = .courtOrder
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["release", "authorization", "court-order"] }
}

struct AddConsent: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a sharing basis the family signed or the court ordered.",
        discussion: "Example: linkages consent add --family 1 --kind release --shares calworks,cws --signed 11/20/2026 --expires 11/20/2027")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64
    @Option(help: "release, authorization or court-order.") var kind: SharingBasisKind
    @Option(help: ArgumentHelp("Whose records may be shown to the other program: calworks, cws, or both.", valueName: "programs"))
    var shares: String
    @Flag(help: "The consent names substance-use information (42 CFR Part 2).") var substanceUse = false
    @Option(help: "The date it was signed (MM/DD/YYYY or YYYY-MM-DD).") var signed: CalendarDate
    @Option(help: "The last day it holds.") var expires: CalendarDate
    @Option(help: "Where the signed paper is kept.") var note: String?

    func run() throws {
        try Failure.reported {
            let programs = try shares.split(separator: ",").map { name in
                guard let program = ProgramArgument(argument: String(name).trimmingCharacters(in: .whitespaces)) else {
                    throw InputError("--shares takes calworks, cws, or both separated by a comma; '\(name)' is neither")
                }
                return program.program
            }
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let entered = SharingBasis(
                familyId: family, kind: kind, sharesCalWORKs: programs.contains(.calworks),
                sharesChildWelfare: programs.contains(.childWelfare), includesSubstanceUse: substanceUse,
                signedOn: signed, expiresOn: expires, recordedBy: policy.viewer.account ?? Account.current,
                recordedAt: Date(), note: note, recordedByWorkerId: policy.viewer.id)
            if let problem = entered.problems(on: policy.today).first { throw InputError(problem) }
            let basis = try database.recordSharingBasis(entered, at: Date())
            print("Recorded sharing basis \(basis.id!) for family \(family): \(basis.summary); \(basis.scopeDescription)")
            print("It opens nothing until approved: \(basis.state(on: policy.today)).")
        }
    }
}

struct ListConsents: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a family's sharing bases, or (--pending) those waiting for your approval.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64?
    @Flag(help: "The bases in force that wait for a supervisor of your program to approve them (for supervisors).") var pending = false

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            if pending {
                guard policy.viewer.role == .supervisor || policy.viewer.role == .trainer else {
                    throw InputError("--pending lists what supervisors approve; you are a \(policy.viewer.role.displayName)")
                }
                let waiting = try database.pendingSharingBases(for: policy, at: Date())
                if waiting.isEmpty { print("No sharing basis waits for a \(policy.viewer.program.displayName) supervisor's approval.") }
                for item in waiting {
                    let basis = item.basis
                    print("\(basis.id!)  family \(basis.familyId) (\(item.familyName)): \(basis.summary); \(basis.scopeDescription); "
                        + "recorded by \(item.recordedByName)")
                }
                return
            }
            guard let family else { throw InputError("name the family with --family N, or list what waits for you with --pending") }
            let bases = try database.sharingBases(familyId: family, by: policy.viewer.account ?? Account.current, at: Date())
            if bases.isEmpty { print("No sharing basis is recorded for family \(family).") }
            for basis in bases {
                print("\(basis.id!)  \(basis.summary); \(basis.scopeDescription); recorded by \(basis.recordedBy); \(basis.state(on: policy.today))")
            }
        }
    }
}

/// Approving or refusing a basis for the records of the deciding supervisor's program.
struct ApproveConsent: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a sharing basis, so that it opens your program's records to the other program.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The sharing basis number (from 'consent list --pending').") var id: Int64
    @Option(help: "A note on the decision (what was checked).") var reason: String?

    func run() throws {
        try Failure.reported {
            try ConsentCommand.decide(id, approve: true, reason: reason, on: openDatabase())
        }
    }
}

struct RefuseConsent: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "refuse", abstract: "Refuse a sharing basis for your program's records, saying why.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The sharing basis number (from 'consent list --pending').") var id: Int64
    @Option(help: "Why it is refused (required): the recorder reads it.") var reason: String

    func run() throws {
        try Failure.reported {
            try ConsentCommand.decide(id, approve: false, reason: reason, on: openDatabase())
        }
    }
}

struct RevokeConsent: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "End a sharing basis the family withdrew.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Argument(help: "The sharing basis number (from 'consent list').") var id: Int64

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try ConsentCommand.policy(in: database)
            let basis = try database.revokeSharingBasis(id: id, by: policy, at: Date())
            print("Revoked sharing basis \(id) for family \(basis.familyId)")
        }
    }
}
