import ArgumentParser
import Foundation
import LinkagesStore

/// `linkages doctor`: checks a database and says what to do about each problem.
struct DoctorCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database: integrity, settings, permissions, the audit chain, unfinished drafts.",
        discussion: "Exits with status 1 when it finds a problem. Supervisors and administrators run it.")

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    func run() throws {
        try Failure.reported {
            let location = try databaseLocation()
            let database = try openWithNotices(location)
            _ = try Identity.worker(in: database, withRole: [.supervisor, .admin], to: "check the database")
            let findings = try database.checkup(path: location.path)
            for finding in findings {
                let mark = switch finding.level {
                case .ok: "ok     "
                case .warning: "WARNING"
                case .problem: "PROBLEM"
                }
                print("\(mark)  \(finding.check): \(finding.detail)")
            }
            if findings.contains(where: { $0.level == .problem }) { throw ExitCode.failure }
        }
    }
}
