import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages consent add|list|revoke`: the releases, authorisations and court orders that let
/// one program see the other's records about a family.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record, list or revoke the sharing basis (release, authorisation, court order) for a family.",
        subcommands: [AddConsent.self, ListConsents.self, RevokeConsent.self])
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
                recordedAt: Date(), note: note)
            if let problem = entered.problems(on: policy.today).first { throw InputError(problem) }
            let basis = try database.recordSharingBasis(entered, at: Date())
            print("Recorded sharing basis \(basis.id!) for family \(family): \(basis.summary); \(basis.scopeDescription)")
        }
    }
}

struct ListConsents: DatabaseCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a family's sharing bases.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages
    @Option(help: "The family's number in Linkages.") var family: Int64

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let bases = try database.sharingBases(familyId: family)
            if bases.isEmpty { print("No sharing basis is recorded for family \(family).") }
            for basis in bases {
                let state = basis.revokedAt != nil ? "revoked by \(basis.revokedBy ?? "?")"
                    : basis.isActive(on: policy.today) ? "in force" : "not in force"
                print("\(basis.id!)  \(basis.summary); \(basis.scopeDescription); recorded by \(basis.recordedBy); \(state)")
            }
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
            let policy = try Identity.caseWorker(in: database)
            let basis = try database.revokeSharingBasis(id: id, by: policy.viewer.account ?? Account.current, at: Date())
            print("Revoked sharing basis \(id) for family \(basis.familyId)")
        }
    }
}
