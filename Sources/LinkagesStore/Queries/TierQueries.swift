import GRDB
import LinkagesDomain

/// Tiers are derived, never stored: they follow from involvement dates and concerns, which
/// change with time. These helpers gather the inputs per family and apply ``TierRules``.
enum TierQueries {
    /// The tier of each family in `familyIds`, or of every family when `familyIds` is nil.
    static func assessments(
        _ db: Database, familyIds: [Int64]?, on date: CalendarDate
    ) throws -> [Int64: TierAssessment] {
        var involvementFilter = ""
        var concernFilter = ""
        var arguments = StatementArguments()
        if let familyIds {
            if familyIds.isEmpty { return [:] }
            let marks = databaseQuestionMarks(count: familyIds.count)
            involvementFilter = "WHERE household.familyId IN (\(marks))"
            concernFilter = "WHERE familyId IN (\(marks))"
            arguments = StatementArguments(familyIds)
        }
        var involvements: [Int64: [Involvement]] = [:]
        let involvementRows = try Row.fetchCursor(db, sql: """
            SELECT involvement.*, household.familyId AS familyId
            FROM involvement JOIN household ON household.id = involvement.householdId
            \(involvementFilter)
            """, arguments: arguments)
        while let row = try involvementRows.next() {
            involvements[row["familyId"], default: []].append(try Involvement(row: row))
        }
        var concerns: [Int64: [ConcernKind]] = [:]
        let concernRows = try Row.fetchCursor(db, sql: "SELECT familyId, kind FROM concern \(concernFilter)", arguments: arguments)
        while let row = try concernRows.next() {
            if let kind = ConcernKind(rawValue: row["kind"]) {
                concerns[row["familyId"], default: []].append(kind)
            }
        }
        let ids = try familyIds ?? Int64.fetchAll(db, sql: "SELECT id FROM family")
        var result: [Int64: TierAssessment] = [:]
        for id in ids {
            result[id] = TierRules.assess(involvements: involvements[id] ?? [], concerns: concerns[id] ?? [], on: date)
        }
        return result
    }
}
