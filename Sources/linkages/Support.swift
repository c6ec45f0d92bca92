import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// Today's date for rules and screens. `LINKAGES_TODAY=YYYY-MM-DD` fixes it, for tests and for
/// training sessions that must look the same every time; otherwise the machine's date.
enum Clock {
    static func today() -> CalendarDate {
        if let fixed = ProcessInfo.processInfo.environment["LINKAGES_TODAY"], let date = CalendarDate(fixed) {
            return date
        }
        return CalendarDate.today()
    }
}

/// Turns any failure into one line on standard error and exit status 1, never a stack trace.
enum Failure {
    static func reported(_ body: () throws -> Void) throws {
        umask(0o077)
        ProcessPrivilege.distrustEnvironment()
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("linkages: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// Opens a database for a command, saying on standard error what makes it take a while: an
/// import that has the database to itself, or an older database being brought up to date (the
/// screens start only after either is done).
func openWithNotices(_ location: DatabaseLocation, create: Bool = false) throws -> AppDatabase {
    try AppDatabase.open(location, create: create) { notice in
        FileHandle.standardError.write(Data("linkages: \(notice)\n".utf8))
    }
}

/// A problem with what a command was given (a file it cannot read, a setting out of range),
/// said in one sentence.
struct InputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// What an installed (set-user-id) Linkages refuses: other databases, and commands that build
/// files of their own.
enum Installed {
    /// Stops a command that only makes sense on a worker's own copy of Linkages.
    static func refuse(_ purpose: String) throws {
        guard ProcessPrivilege.isElevated else { return }
        throw InputError("the installed county Linkages does not \(purpose); run it from your own copy (swift run linkages ...)")
    }
}

/// Files a worker names on the command line, read and written with the worker's own rights.
enum WorkerFiles {
    static func read(_ path: String) throws -> Data? {
        try ProcessPrivilege.asWorker { FileManager.default.contents(atPath: path) }
    }

    static func write(_ data: Data, to path: String) throws {
        try ProcessPrivilege.asWorker { try OwnerOnlyFiles.write(data, to: path) }
    }
}
