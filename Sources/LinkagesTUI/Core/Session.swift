import Foundation
import LinkagesDomain
import LinkagesStore

/// Who is working, on which database, on which day, and the county's intake questions and
/// settings: read once at start and shared by every screen.
public struct Session: Equatable, Sendable {
    /// The operating-system account running Linkages.
    public var account: String
    /// The worker record mapped to the account, when there is one.
    public var workerName: String?
    public var databaseName: String
    public var databaseKind: DatabaseKind
    public var today: CalendarDate
    /// The current time, for clocks counted in hours (kept to the minute by the runtime).
    public var now: Date
    public var questionBank: QuestionBank
    public var intakeSettings: IntakeSettings

    public init(
        account: String, workerName: String? = nil, databaseName: String, databaseKind: DatabaseKind,
        today: CalendarDate, now: Date, questionBank: QuestionBank, intakeSettings: IntakeSettings = IntakeSettings()
    ) {
        self.account = account
        self.workerName = workerName
        self.databaseName = databaseName
        self.databaseKind = databaseKind
        self.today = today
        self.now = now
        self.questionBank = questionBank
        self.intakeSettings = intakeSettings
    }

    var workerLabel: String {
        workerName ?? account
    }

    var dateLabel: String {
        today.usFormat
    }
}
