import GRDB
import LinkagesDomain

// The domain's plain Codable structs are the database records: one type per table, its
// columns named after its properties. Each insert fills in the new row's id.

extension Family: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "family"
    public static let households = hasMany(Household.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Household: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "household"
    public static let family = belongsTo(Family.self)
    public static let people = hasMany(Person.self)
    public static let involvements = hasMany(Involvement.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Person: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "person"
    public static let household = belongsTo(Household.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Involvement: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "involvement"
    public static let household = belongsTo(Household.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Worker: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "worker"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Concern: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "concern"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Referral: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "referral"
    public static let family = belongsTo(Family.self)
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CasePlan: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "casePlan"
    public static let tasks = hasMany(PlanTask.self, using: ForeignKey(["planId"]))
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanTask: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "planTask"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ReferralEvent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "referralEvent"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
