import Foundation
import GRDB
import LinkagesDomain

/// A family found by a lookup, with the people that matched and the programs it is known to.
public struct FamilyHit: Sendable, Equatable, Identifiable {
    public var id: Int64 { familyId }
    public var familyId: Int64
    public var displayName: String
    public var matchedPeople: [MatchedPerson]
    /// The sources that hold a record of this family, in program order.
    public var sources: [RecordSource]
    public var city: String?
    public var tier: TierAssessment

    public init(
        familyId: Int64, displayName: String, matchedPeople: [MatchedPerson], sources: [RecordSource], city: String?,
        tier: TierAssessment
    ) {
        self.familyId = familyId
        self.displayName = displayName
        self.matchedPeople = matchedPeople
        self.sources = sources
        self.city = city
        self.tier = tier
    }
}

/// A person whose record matched a lookup, and which source holds that record.
public struct MatchedPerson: Sendable, Equatable {
    public var personId: Int64
    public var name: String
    public var dateOfBirth: CalendarDate?
    public var source: RecordSource
}

extension AppDatabase {
    /// Finds families by a person's name (any order, accents optional, prefixes allowed),
    /// date of birth, CIN, or a case or referral number.
    public func searchFamilies(_ query: String, on date: CalendarDate, limit: Int = 50) throws -> [FamilyHit] {
        try writer.read { db in try FamilySearch(query: query).run(db, on: date, limit: limit) }
    }
}

/// A lookup query taken apart into names, dates and identifiers.
struct FamilySearch {
    var nameTokens: [String] = []
    var dates: [CalendarDate] = []
    var identifiers: [String] = []

    init(query: String) {
        for token in query.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init) {
            if let date = CalendarDate(token) {
                dates.append(date)
            } else if token.contains(where: \.isNumber) {
                identifiers.append(token)
            } else {
                let letters = token.filter { $0.isLetter || $0 == "'" || $0 == "-" }
                if letters.contains(where: \.isLetter) { nameTokens.append(letters) }
            }
        }
    }

    var isEmpty: Bool { nameTokens.isEmpty && dates.isEmpty && identifiers.isEmpty }

    /// An FTS5 query where every token must match the start of a name word.
    var ftsPattern: String? {
        let words = nameTokens.flatMap { $0.split(separator: "-").map(String.init) }.filter { $0.contains(where: \.isLetter) }
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " AND ")
    }

    func run(_ db: Database, on date: CalendarDate, limit: Int) throws -> [FamilyHit] {
        guard !isEmpty else { return [] }
        var conditions: [String] = []
        var arguments = StatementArguments()
        var joins = ""
        var order = "person.lastName, person.firstName"
        if let pattern = ftsPattern {
            joins = "JOIN personFts ON personFts.rowid = person.id"
            conditions.append("personFts MATCH ?")
            _ = arguments.append(contentsOf: [pattern])
            order = "bm25(personFts), person.lastName, person.firstName"
        }
        for day in dates {
            conditions.append("person.dateOfBirth = ?")
            _ = arguments.append(contentsOf: [day])
        }
        for identifier in identifiers {
            conditions.append("""
                (person.cin = ? COLLATE NOCASE OR person.sourcePersonId = ? COLLATE NOCASE
                 OR household.sourceKey = ? COLLATE NOCASE
                 OR EXISTS (SELECT 1 FROM involvement WHERE involvement.householdId = household.id
                            AND involvement.sourceCaseId = ? COLLATE NOCASE))
                """)
            _ = arguments.append(contentsOf: [identifier, identifier, identifier, identifier])
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT person.id, person.firstName, person.lastName, person.dateOfBirth,
                   household.familyId, household.source
            FROM person JOIN household ON household.id = person.householdId \(joins)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order)
            LIMIT \(limit * 10)
            """, arguments: arguments)

        var familyOrder: [Int64] = []
        var people: [Int64: [MatchedPerson]] = [:]
        for row in rows {
            let familyId: Int64 = row["familyId"]
            if people[familyId] == nil {
                guard familyOrder.count < limit else { continue }
                familyOrder.append(familyId)
            }
            people[familyId, default: []].append(MatchedPerson(
                personId: row["id"],
                name: [row["firstName"] as String, row["lastName"] as String].joined(separator: " "),
                dateOfBirth: row["dateOfBirth"],
                source: RecordSource(rawValue: row["source"]) ?? .intake))
        }
        guard !familyOrder.isEmpty else { return [] }
        let families = try Family.fetchAll(db, keys: familyOrder)
        let names = Dictionary(uniqueKeysWithValues: families.map { ($0.id!, $0.displayName) })
        let households = try Household.filter(familyOrder.contains(Column("familyId"))).fetchAll(db)
        let tiers = try TierQueries.assessments(db, familyIds: familyOrder, on: date)
        return familyOrder.map { familyId in
            let records = households.filter { $0.familyId == familyId }
            return FamilyHit(
                familyId: familyId,
                displayName: names[familyId] ?? "",
                matchedPeople: people[familyId] ?? [],
                sources: RecordSource.allCases.filter { source in records.contains { $0.source == source } },
                city: records.compactMap(\.city).first,
                tier: tiers[familyId] ?? TierAssessment(tier: nil, reasons: []))
        }
    }
}
