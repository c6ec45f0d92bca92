import Foundation
import GRDB
import LinkagesDomain
import LinkagesMatching

/// One side of a person match: the person as their program recorded them, and their household.
public struct MatchSide: Sendable, Equatable {
    public var person: Person
    public var household: Household
}

/// A pair of people the batch match related, with the evidence for and against.
public struct PersonMatch: Sendable, Equatable, Identifiable {
    /// The families of both sides of every pair, for the audit trail.
    static func families(_ pairs: [PersonMatch]) -> [Int64] {
        pairs.flatMap { [$0.calworks.household.familyId, $0.childWelfare.household.familyId] }
    }

    public var id: Int64
    public var probability: Double
    public var evidence: [Evidence]
    public var status: PersonMatchStatus
    public var calworks: MatchSide
    public var childWelfare: MatchSide
    public var decidedBy: String?
    public var decidedAt: Date?
}

/// A supervisor's verdict on a suggested pair.
public enum MatchDecision: Sendable {
    case confirm
    case reject

    var status: PersonMatchStatus { self == .confirm ? .confirmed : .rejected }
}

/// A decision the store refused, with the reason a person can act on.
public struct MatchDecisionError: Error, CustomStringConvertible {
    public var description: String
}

extension AppDatabase {
    /// Pairs waiting for review, most likely first.
    public func matchReviewQueue(limit: Int = 500, by account: String, at time: Date) throws -> [PersonMatch] {
        try auditedRead("match review", by: account, at: time, families: PersonMatch.families) { db in
            try PersonMatchQuery.fetch(db, where: "personMatch.status = 'suggested'",
                                       order: "personMatch.probability DESC, personMatch.id", limit: limit)
        }
    }

    /// How many pairs wait for review.
    public func matchReviewCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM personMatch WHERE status = 'suggested'") ?? 0
        }
    }

    /// The links that tie a family's households across the programs (linked and confirmed),
    /// and the pairs still waiting for review, by CalWORKs person.
    public func personMatches(familyId: Int64, by account: String, at time: Date) throws -> [PersonMatch] {
        try auditedRead("family links", by: account, at: time, families: { PersonMatch.families($0) + [familyId] }) { db in
            try PersonMatchQuery.fetch(db, where: """
                personMatch.status != 'rejected' AND (calworksHousehold.familyId = ? OR cwsHousehold.familyId = ?)
                """, arguments: [familyId, familyId], order: "calworks.lastName, calworks.firstName, personMatch.id", limit: 500)
        }
    }

    /// Records a supervisor's decision on a pair waiting for review. Confirming makes the two
    /// households one family; rejecting parts them when nothing else ties them, and the pair is
    /// never suggested again. Returns the pair as decided.
    @discardableResult
    public func decideMatch(id: Int64, _ decision: MatchDecision, by account: String, at time: Date) throws -> PersonMatch {
        try write { db in
            guard let pair = try PersonMatchQuery.fetch(db, where: "personMatch.id = ?", arguments: [id], order: "personMatch.id", limit: 1).first
            else { throw MatchDecisionError(description: "That pair is no longer in the database; run the match again.") }
            guard !pair.status.isDecided else {
                throw MatchDecisionError(description: "\(pair.decidedBy ?? "Someone") already \(pair.status.rawValue) this pair.")
            }
            try db.execute(sql: "UPDATE personMatch SET status = ?, decidedBy = ?, decidedAt = ? WHERE id = ?",
                           arguments: [decision.status.rawValue, account, time, id])
            let calworksId = pair.calworks.person.id!, cwsId = pair.childWelfare.person.id!
            switch decision {
            case .confirm:
                try FamilyJoin.join(calworksId, cwsId, db)
                if let family = try FamilyJoin.family(ofPerson: cwsId, db) {
                    try MutualFamilies.noteIdentified(familyId: family, by: .lookup, account: account, at: time, db)
                }
            case .reject: try FamilyJoin.part(calworksPerson: calworksId, cwsPerson: cwsId, at: time, db)
            }
            try AuditTrail.append(AuditEntry(
                account: account, action: .decideMatch, familyId: pair.childWelfare.household.familyId,
                detail: "match \(id) \(decision.status.rawValue)"), at: time, in: db)
            var decided = pair
            decided.status = decision.status
            decided.decidedBy = account
            decided.decidedAt = time
            return decided
        }
    }
}

/// Reads person matches with both people and their households.
enum PersonMatchQuery {
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments = [], order: String, limit: Int) throws -> [PersonMatch] {
        let counts = try ["personMatch", "person", "household", "person"].map { try db.columns(in: $0).count }
        let parts = splittingRowAdapters(columnCounts: counts)
        let adapter = ScopeAdapter(["calworks": parts[1], "calworksHousehold": parts[2], "cws": parts[3], "cwsHousehold": parts[4]])
        let rows = try Row.fetchAll(db, sql: """
            SELECT personMatch.*, calworks.*, calworksHousehold.*, cws.*, cwsHousehold.*
            FROM personMatch
            JOIN person AS calworks ON calworks.id = personMatch.calworksPersonId
            JOIN household AS calworksHousehold ON calworksHousehold.id = calworks.householdId
            JOIN person AS cws ON cws.id = personMatch.cwsPersonId
            JOIN household AS cwsHousehold ON cwsHousehold.id = cws.householdId
            WHERE \(condition)
            ORDER BY \(order)
            LIMIT \(limit)
            """, arguments: arguments, adapter: adapter)
        let decoder = JSONDecoder()
        return try rows.map { row in
            PersonMatch(
                id: row["id"],
                probability: row["probability"],
                evidence: try decoder.decode([Evidence].self, from: Data((row["evidence"] as String).utf8)),
                status: PersonMatchStatus(rawValue: row["status"]) ?? .suggested,
                calworks: MatchSide(person: try Person(row: row.scopes["calworks"]!), household: try Household(row: row.scopes["calworksHousehold"]!)),
                childWelfare: MatchSide(person: try Person(row: row.scopes["cws"]!), household: try Household(row: row.scopes["cwsHousehold"]!)),
                decidedBy: row["decidedBy"],
                decidedAt: row["decidedAt"])
        }
    }
}
