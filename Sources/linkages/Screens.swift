import ArgumentParser
import Foundation
import LinkagesStore
import LinkagesTUI

/// Starts the screens on an open database and exits with the program's status.
enum Screens {
    static func run(on database: AppDatabase, location: DatabaseLocation) throws {
        let account = Account.current
        let session = Session(
            account: account, workerName: try database.worker(account: account)?.name,
            databaseName: location.displayName, databaseKind: try database.kind(), today: Clock.today())
        Runtime.installSignalHandlers()
        // NO_COLOR counts when it is set to anything but the empty string (no-color.org).
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try NcursesTerminal(colorAllowed: !noColor)
        let runner = EffectRunner(database: database, today: { Clock.today() })
        let status = Runtime.run(session: session, runner: runner, terminal: terminal)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The operating-system account running Linkages: the real user, whatever the environment says.
enum Account {
    static var current: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(getuid())"
    }
}
