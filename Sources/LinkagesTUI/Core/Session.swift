import Foundation
import LinkagesDomain
import LinkagesStore

/// Who is working, on which database, on which day, and the county's intake questions and
/// settings: read once at start and shared by every screen.
public struct Session: Equatable, Sendable {
    /// The worker mapped to the operating-system account running Linkages.
    public var worker: Worker
    public var databaseName: String
    public var databaseKind: DatabaseKind
    public var today: CalendarDate
    /// The current time, for clocks counted in hours (kept to the minute by the runtime).
    public var now: Date
    public var questionBank: QuestionBank
    public var intakeSettings: IntakeSettings
    /// Minutes without a key before the screens lock.
    public var idleLockMinutes: Int
    /// Charts in plain ASCII instead of Unicode blocks (under NO_COLOR).
    public var plainCharts: Bool

    public init(
        worker: Worker, databaseName: String, databaseKind: DatabaseKind,
        today: CalendarDate, now: Date, questionBank: QuestionBank, intakeSettings: IntakeSettings = IntakeSettings(),
        idleLockMinutes: Int = 10, plainCharts: Bool = false
    ) {
        self.idleLockMinutes = idleLockMinutes
        self.plainCharts = plainCharts
        self.worker = worker
        self.databaseName = databaseName
        self.databaseKind = databaseKind
        self.today = today
        self.now = now
        self.questionBank = questionBank
        self.intakeSettings = intakeSettings
    }

    /// The operating-system account running Linkages.
    public var account: String {
        worker.account ?? ""
    }

    /// What the worker may see and do today.
    public var policy: AccessPolicy {
        AccessPolicy(viewer: worker, isPracticeData: databaseKind != .production, today: today)
    }

    /// The worker's name on the title line.
    var workerLabel: String {
        worker.name
    }

    var dateLabel: String {
        today.usFormat
    }
}
