import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesResources
import LinkagesStore
import LinkagesTUI

/// Starts the screens on an open database and exits with the program's status.
enum Screens {
    /// With a walkthrough, the trainer's panel is beside the screens and `resetTraining` puts
    /// the training database back to its start.
    static func run(
        on database: AppDatabase, location: DatabaseLocation, walkthrough: Walkthrough? = nil, paceMilliseconds: Int32 = 12,
        resetTraining: (@Sendable () throws -> Void)? = nil
    ) throws {
        let worker = try Identity.worker(in: database)
        let bank = try IntakeQuestions.load()
        // NO_COLOR counts when it is set to anything but the empty string (no-color.org); it
        // also draws charts in plain ASCII.
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let session = Session(
            worker: worker, databaseName: location.displayName, databaseKind: try database.kind(), today: Clock.today(),
            now: Date(), questionBank: bank, intakeSettings: try database.intakeSettings(),
            idleLockMinutes: try database.idleLockMinutes(), plainCharts: noColor)
        if let refusal = session.policy.refusal { throw InputError(refusal) }
        Runtime.installSignalHandlers()
        let terminal = try NcursesTerminal(colorAllowed: !noColor)
        let runner = EffectRunner(
            database: database, worker: worker, isPracticeData: session.databaseKind != .production, questionBank: bank,
            staffingWeights: try StaffingWeightsFile.load(), today: { Clock.today() }, resetTraining: resetTraining)
        let status = Runtime.run(session: session, runner: runner, terminal: terminal, walkthrough: walkthrough, paceMilliseconds: paceMilliseconds)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The county's ER intake questions (Resources/intake/questions.json).
enum IntakeQuestions {
    static let file = "Resources/intake/questions.json"

    static func load() throws -> QuestionBank {
        try QuestionBank.load(LinkagesResources.data("questions.json", in: "intake"), file: file)
    }
}

/// The county's staffing agenda weights (Resources/staffing/weights.json).
enum StaffingWeightsFile {
    static func load() throws -> StaffingWeights {
        try LinkagesResources.decode(StaffingWeights.self, from: "weights.json", in: "staffing")
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
