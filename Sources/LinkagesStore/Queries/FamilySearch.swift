import Foundation
import GRDB
import LinkagesDomain
import LinkagesMatching

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

/// A person whose record matched a lookup, which source holds that record, and why they match.
public struct MatchedPerson: Sendable, Equatable {
    public var personId: Int64
    public var name: String
    public var dateOfBirth: CalendarDate?
    public var source: RecordSource
    /// Plain phrases: "“pepe” is a nickname for José (first name)", "born 10/14/1988".
    public var reasons: [String]
    public var score: Double
}

/// What a lookup found.
public struct LookupAnswer: Sendable, Equatable {
    /// Families, best match first.
    public var hits: [FamilyHit]
    /// More people matched than were weighed: the search should be narrowed.
    public var truncated: Bool
    /// Date-like words not finished yet, left out of the search.
    public var unfinished: [String]

    public init(hits: [FamilyHit], truncated: Bool = false, unfinished: [String] = []) {
        self.hits = hits
        self.truncated = truncated
        self.unfinished = unfinished
    }

    public static let empty = LookupAnswer(hits: [])
}

extension AppDatabase {
    /// Finds families by a person's name (any order, accents optional, nicknames and sound-alikes
    /// allowed, the word being typed matched as a start), date of birth (also with day and month
    /// swapped), CIN, person id, or a case or referral number. Each person found says why.
    ///
    /// Not audited: for tests and fixtures. The screens and commands run the audited
    /// ``lookUp(_:by:on:at:limit:)``.
    public func lookUp(_ query: String, on date: CalendarDate, limit: Int = 50) throws -> LookupAnswer {
        let parsed = LookupQuery(query, nicknames: FamilySearch.nicknames)
        return try writer.read { db in try Self.lookUp(parsed, in: db, on: date, limit: limit) }
    }

    private static func lookUp(_ parsed: LookupQuery, in db: Database, on date: CalendarDate, limit: Int) throws -> LookupAnswer {
        let answer = try FamilySearch(query: parsed).run(db, on: date, limit: limit)
        // Too little found: try again allowing a slip of the finger in each longer word.
        guard answer.hits.count < FamilySearch.widenBelow, let wide = parsed.widened() else { return answer }
        let wider = try FamilySearch(query: wide).run(db, on: date, limit: limit)
        return wider.hits.count > answer.hits.count ? wider : answer
    }

    /// The household lookup as a worker runs it: audited in the same transaction, naming every
    /// family it shows (the query itself, a name, is not written down).
    public func lookUp(_ query: String, by account: String, on date: CalendarDate, at time: Date, limit: Int = 50) throws -> LookupAnswer {
        let parsed = LookupQuery(query, nicknames: FamilySearch.nicknames)
        return try auditedRead("lookup", by: account, at: time, families: { $0.hits.map(\.familyId) }) { db in
            try Self.lookUp(parsed, in: db, on: date, limit: limit)
        }
    }

    /// The families ``lookUp(_:on:limit:)`` finds, best first.
    public func searchFamilies(_ query: String, on date: CalendarDate, limit: Int = 50) throws -> [FamilyHit] {
        try lookUp(query, on: date, limit: limit).hits
    }
}

/// Runs a lookup: candidates from the name index, birth dates and identifiers, then each weighed
/// and explained by ``LookupQuery``, and grouped by family.
struct FamilySearch {
    /// The nickname table, read once.
    static let nicknames = (try? Nicknames.bundled()) ?? Nicknames(csv: "")
    /// At most this many people are weighed; more means the search should be narrowed.
    static let candidateLimit = 500
    /// Fewer families than this, and the lookup also tries names a letter or two away.
    static let widenBelow = 3

    var query: LookupQuery

    func run(_ db: Database, on date: CalendarDate, limit: Int) throws -> LookupAnswer {
        guard !query.isEmpty else { return LookupAnswer(hits: [], truncated: false, unfinished: query.unfinished) }
        var conditions: [String] = []
        var arguments = StatementArguments()
        var joins = ""
        // A birth date or an identifier narrows to a few people at once; the names are then
        // checked by `explain` alone. Only a names-only search needs the name index.
        if query.dates.isEmpty && query.identifiers.isEmpty, let pattern = query.fullTextPattern {
            joins = "JOIN personLookup ON personLookup.rowid = person.id"
            conditions.append("personLookup MATCH ?")
            _ = arguments.append(contentsOf: [pattern])
        }
        if !query.dates.isEmpty {
            conditions.append("person.dateOfBirth IN (\(databaseQuestionMarks(count: query.dates.count)))")
            _ = arguments.append(contentsOf: StatementArguments(query.dates))
        }
        for identifier in query.identifiers {
            // Each identifier through its own index, as typed and in capitals.
            conditions.append("""
                person.id IN (
                    SELECT id FROM person WHERE cin IN (?1, ?2)
                    UNION ALL SELECT id FROM person WHERE sourcePersonId IN (?1, ?2)
                    UNION ALL SELECT person.id FROM household JOIN person ON person.householdId = household.id
                        WHERE household.source IN ('calworks', 'childWelfare', 'intake') AND household.sourceKey IN (?1, ?2)
                    UNION ALL SELECT person.id FROM involvement JOIN person ON person.householdId = involvement.householdId
                        WHERE involvement.sourceCaseId IN (?1, ?2))
                """.replacingOccurrences(of: "?1", with: "?").replacingOccurrences(of: "?2", with: "?"))
            _ = arguments.append(contentsOf: StatementArguments(Array(repeating: [identifier, identifier.uppercased()], count: 4).flatMap { $0 }))
        }
        // The involvements' case ids explain an identifier; they are read only when one was typed.
        let caseIds = query.identifiers.isEmpty ? "NULL" : """
            (SELECT group_concat(sourceCaseId, ' ') FROM involvement WHERE involvement.householdId = household.id)
            """
        let rows = try Row.fetchAll(db, sql: """
            SELECT person.id, person.firstName, person.middleName, person.lastName, person.dateOfBirth,
                   person.cin, person.sourcePersonId, household.sourceKey, household.familyId, household.source, \(caseIds)
            FROM person JOIN household ON household.id = person.householdId \(joins)
            WHERE \(conditions.joined(separator: " AND "))
            LIMIT \(Self.candidateLimit)
            """, arguments: arguments)

        var found: [(familyId: Int64, person: MatchedPerson)] = []
        for row in rows {
            let source = RecordSource(rawValue: row[CandidateColumn.source]) ?? .intake
            guard let explanation = query.explain(Self.candidate(row, source: source)) else { continue }
            found.append((row[CandidateColumn.familyId], MatchedPerson(
                personId: row[CandidateColumn.personId],
                name: [row[CandidateColumn.firstName] as String, row[CandidateColumn.lastName] as String].joined(separator: " "),
                dateOfBirth: row[CandidateColumn.dateOfBirth], source: source, reasons: explanation.reasons, score: explanation.score)))
        }
        found.sort { ($0.person.score, $1.person.name) > ($1.person.score, $0.person.name) }
        var familyOrder: [Int64] = []
        var people: [Int64: [MatchedPerson]] = [:]
        for (familyId, person) in found {
            if people[familyId] == nil {
                guard familyOrder.count < limit else { continue }
                familyOrder.append(familyId)
            }
            people[familyId, default: []].append(person)
        }
        let truncated = rows.count == Self.candidateLimit
        guard !familyOrder.isEmpty else { return LookupAnswer(hits: [], truncated: truncated, unfinished: query.unfinished) }
        let families = try Family.fetchAll(db, keys: familyOrder)
        let names = Dictionary(uniqueKeysWithValues: families.map { ($0.id!, $0.displayName) })
        let households = try Household.filter(familyOrder.contains(Column("familyId"))).fetchAll(db)
        let tiers = try TierQueries.assessments(db, familyIds: familyOrder, on: date)
        let hits = familyOrder.map { familyId in
            let records = households.filter { $0.familyId == familyId }
            return FamilyHit(
                familyId: familyId,
                displayName: names[familyId] ?? "",
                matchedPeople: people[familyId] ?? [],
                sources: RecordSource.allCases.filter { source in records.contains { $0.source == source } },
                city: records.compactMap(\.city).first,
                tier: tiers[familyId] ?? TierAssessment(tier: nil, reasons: []))
        }
        return LookupAnswer(hits: hits, truncated: truncated, unfinished: query.unfinished)
    }

    /// A fetched row as the lookup weighs it, with the identifiers its household is known by.
    static func candidate(_ row: Row, source: RecordSource) -> LookupCandidate {
        var identifiers: [(kind: String, value: String)] = []
        if let cin: String = row[CandidateColumn.cin] { identifiers.append(("CIN", cin)) }
        if let id: String = row[CandidateColumn.sourcePersonId] { identifiers.append(("person id", id)) }
        let keyKind = source == .calworks ? "CalWORKs case" : "Child Welfare referral"
        if let key: String = row[CandidateColumn.sourceKey] { identifiers.append((keyKind, key)) }
        for caseId in ((row[CandidateColumn.caseIds] as String?) ?? "").split(separator: " ") {
            identifiers.append(("case", String(caseId)))
        }
        return LookupCandidate(firstName: row[CandidateColumn.firstName], middleName: row[CandidateColumn.middleName] ?? "", lastName: row[CandidateColumn.lastName],
                               dateOfBirth: row[CandidateColumn.dateOfBirth], identifiers: identifiers)
    }

    /// The positions of the candidate query's columns (read by position: a lookup reads
    /// hundreds of rows at every key).
    enum CandidateColumn {
        static let personId = 0, firstName = 1, middleName = 2, lastName = 3, dateOfBirth = 4, cin = 5, sourcePersonId = 6,
                   sourceKey = 7, familyId = 8, source = 9, caseIds = 10
    }
}
