import GRDB
import LinkagesDomain

// The domain's plain Codable structs are the database records: one type per table, its
// columns named after its properties.

/// A record whose table has an auto-incremented `id`: inserting it fills the id in.
protocol AutoIncrementedRecord: FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension AutoIncrementedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Family: AutoIncrementedRecord {
    public static let databaseTableName = "family"
}

extension Household: AutoIncrementedRecord {
    public static let databaseTableName = "household"
}

extension Person: AutoIncrementedRecord {
    public static let databaseTableName = "person"
}

extension Involvement: AutoIncrementedRecord {
    public static let databaseTableName = "involvement"
}

extension Worker: AutoIncrementedRecord {
    public static let databaseTableName = "worker"
}

extension Concern: AutoIncrementedRecord {
    public static let databaseTableName = "concern"
}

extension Referral: AutoIncrementedRecord {
    public static let databaseTableName = "referral"
}

extension ReferralEvent: AutoIncrementedRecord {
    public static let databaseTableName = "referralEvent"
}

extension CasePlan: AutoIncrementedRecord {
    public static let databaseTableName = "casePlan"
}

extension PlanTask: AutoIncrementedRecord {
    public static let databaseTableName = "planTask"
}

extension TeamMeeting: AutoIncrementedRecord {
    public static let databaseTableName = "teamMeeting"
}

extension MeetingInvitee: AutoIncrementedRecord {
    public static let databaseTableName = "meetingInvitee"
}

extension MeetingDecision: AutoIncrementedRecord {
    public static let databaseTableName = "meetingDecision"
}

extension ChangeNotice: AutoIncrementedRecord {
    public static let databaseTableName = "changeNotice"
}

extension SharingBasis: AutoIncrementedRecord {
    public static let databaseTableName = "sharingBasis"
}

extension ReferralNote: AutoIncrementedRecord {
    public static let databaseTableName = "referralNote"
}

extension ReunificationRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "reunificationRecord"
}
