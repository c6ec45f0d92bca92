import Foundation
import GRDB

/// Joins two families into one when matching finds they are the same family, and parts them
/// again when a supervisor rejects the only link between them.
enum FamilyJoin {
    /// The family a person's household belongs to.
    static func family(ofPerson personId: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT household.familyId FROM person JOIN household ON household.id = person.householdId WHERE person.id = ?
            """, arguments: [personId])
    }

    /// Puts both people's households in one family (the older one), with everything recorded
    /// about either: every table that points at a family moves over, so nothing is lost to the
    /// cascade when the other family is deleted. Returns false when they already were one family.
    @discardableResult
    static func join(_ first: Int64, _ second: Int64, _ db: Database) throws -> Bool {
        guard let a = try family(ofPerson: first, db), let b = try family(ofPerson: second, db), a != b else { return false }
        let (kept, merged) = (min(a, b), max(a, b))
        // One plan per family: the kept family's plan takes the other's tasks.
        if let keptPlan = try Int64.fetchOne(db, sql: "SELECT id FROM casePlan WHERE familyId = ?", arguments: [kept]),
           let mergedPlan = try Int64.fetchOne(db, sql: "SELECT id FROM casePlan WHERE familyId = ?", arguments: [merged]) {
            try db.execute(sql: "UPDATE planTask SET planId = ? WHERE planId = ?", arguments: [keptPlan, mergedPlan])
            try db.execute(sql: "DELETE FROM casePlan WHERE id = ?", arguments: [mergedPlan])
        }
        // The earlier identification as a mutual family stands.
        try db.execute(sql: """
            DELETE FROM mutualIdentification WHERE familyId IN (?, ?) AND identifiedAt > (
                SELECT min(identifiedAt) FROM mutualIdentification WHERE familyId IN (?, ?))
            """, arguments: [kept, merged, kept, merged])
        for table in try tablesPointingAtFamily(db) {
            // Where a family may have only one row (a plan, a reunification record), the kept
            // family's row stays and the other goes with the merged family.
            try db.execute(sql: "UPDATE OR IGNORE \(table) SET familyId = ? WHERE familyId = ?", arguments: [kept, merged])
        }
        try db.execute(sql: "DELETE FROM family WHERE id = ?", arguments: [merged])
        return true
    }

    /// The tables with a `familyId` that references `family`, read from the schema itself so a
    /// table added later is never left behind.
    static func tablesPointingAtFamily(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT m.name FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND f."table" = 'family' AND f."from" = 'familyId'
            ORDER BY m.name
            """)
    }

    /// After a link is rejected: when nothing else ties the Child Welfare person's household to
    /// the CalWORKs households of its family, it leaves for a family of its own. What was
    /// recorded about the family stays with the family it was recorded in.
    static func part(calworksPerson: Int64, cwsPerson: Int64, at time: Date, _ db: Database) throws {
        guard let household = try Int64.fetchOne(db, sql: "SELECT householdId FROM person WHERE id = ?", arguments: [cwsPerson]),
              let familyId = try family(ofPerson: cwsPerson, db),
              try family(ofPerson: calworksPerson, db) == familyId
        else { return }
        let stillTied = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (
                SELECT 1 FROM personMatch
                JOIN person AS cws ON cws.id = personMatch.cwsPersonId
                JOIN person AS calworks ON calworks.id = personMatch.calworksPersonId
                JOIN household ON household.id = calworks.householdId
                WHERE cws.householdId = ? AND household.familyId = ? AND personMatch.status IN ('linked', 'confirmed'))
            """, arguments: [household, familyId]) ?? false
        let otherHouseholds = try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE familyId = ? AND id != ?",
                                               arguments: [familyId, household]) ?? 0
        guard !stillTied, otherHouseholds > 0 else { return }
        let name = try String.fetchOne(db, sql: """
            SELECT lastName || ', ' || firstName FROM person WHERE householdId = ? ORDER BY (relationship = 'head') DESC, id LIMIT 1
            """, arguments: [household]) ?? "Family"
        try db.execute(sql: "INSERT INTO family (displayName, createdAt) VALUES (?, ?)", arguments: [name, time])
        try db.execute(sql: "UPDATE household SET familyId = ? WHERE id = ?", arguments: [db.lastInsertedRowID, household])
        try MutualFamilies.forgetIfNoLongerMutual(familyId: familyId, db)
    }
}
