import Foundation
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
            SELECT involvement.*, household.familyId AS familyId, household.source AS recordSource
            FROM involvement JOIN household ON household.id = involvement.householdId
            \(involvementFilter)
            """, arguments: arguments)
        var confirmed: [Int64: Set<Program>] = [:]
        while let row = try involvementRows.next() {
            involvements[row["familyId"], default: []].append(try Involvement(row: row))
            if let program = RecordSource(rawValue: row["recordSource"])?.program {
                confirmed[row["familyId"], default: []].insert(program)
            }
        }
        var concerns: [Int64: [ConcernKind]] = [:]
        let concernRows = try Row.fetchCursor(db, sql: "SELECT familyId, kind FROM concern \(concernFilter)", arguments: arguments)
        while let row = try concernRows.next() {
            if let kind = ConcernKind(rawValue: row["kind"]) {
                concerns[row["familyId"], default: []].append(kind)
            }
        }
        var reported: [Int64: Set<ReportedFact>] = [:]
        let intakeFilter = concernFilter.isEmpty ? "WHERE status = 'finished'" : concernFilter + " AND status = 'finished'"
        let intakeRows = try Row.fetchCursor(db, sql: "SELECT familyId, draft FROM intake \(intakeFilter)", arguments: arguments)
        while let row = try intakeRows.next() {
            guard let familyId: Int64 = row["familyId"], let json: String = row["draft"],
                  let draft = try? JSONDecoder().decode(IntakeDraft.self, from: Data(json.utf8)) else { continue }
            reported[familyId, default: []].formUnion(ReportedFact.facts(in: draft))
        }
        let ids = try familyIds ?? Int64.fetchAll(db, sql: "SELECT id FROM family")
        var result: [Int64: TierAssessment] = [:]
        for id in ids {
            result[id] = TierRules.assess(involvements: involvements[id] ?? [], concerns: concerns[id] ?? [],
                                          reported: reported[id] ?? [], on: date, confirmed: confirmed[id] ?? [])
        }
        return result
    }
}
