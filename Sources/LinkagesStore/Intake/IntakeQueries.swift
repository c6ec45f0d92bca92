import Foundation
import GRDB
import LinkagesDomain

/// A person already in the database whose name (and birth date, when typed) matches a household
/// member being entered at intake.
public struct KnownRecordMatch: Equatable, Sendable, Identifiable {
    public var id: Int64 { familyId }
    public var familyId: Int64
    public var familyName: String
    public var sources: [RecordSource]
    public var people: [KnownPersonMatch]

    public init(familyId: Int64, familyName: String, sources: [RecordSource], people: [KnownPersonMatch]) {
        self.familyId = familyId
        self.familyName = familyName
        self.sources = sources
        self.people = people
    }
}

public struct KnownPersonMatch: Equatable, Sendable {
    /// The index of the intake member this record matches.
    public var memberIndex: Int
    public var name: String
    public var dateOfBirth: CalendarDate?
    public var source: RecordSource
    /// In words: "same name and birth date", "same name", "same surname and birth date".
    public var reason: String
    /// How strong the evidence is: 4 for the same CIN, 3 name and birth date, 2 surname and birth
    /// date, 1 name only.
    public var score: Int

    public init(memberIndex: Int, name: String, dateOfBirth: CalendarDate?, source: RecordSource, reason: String, score: Int) {
        self.memberIndex = memberIndex
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.source = source
        self.reason = reason
        self.score = score
    }
}

extension AppDatabase {
    /// Records of people like the members typed so far: the same CIN, the same first and last
    /// name (accents and case ignored, the start of each word is enough), or the same surname and
    /// birth date.
    /// Families with the strongest evidence come first.
    public func knownRecords(for members: [MemberEntry], limit: Int = 6, by account: String, at time: Date) throws -> [KnownRecordMatch] {
        try auditedRead("intake's known records", by: account, at: time, families: { $0.map(\.familyId) }) { db in
            var byFamily: [Int64: [KnownPersonMatch]] = [:]
            var strength: [Int64: Int] = [:]
            for (index, member) in members.enumerated() {
                let firstWords = NameWords(member.firstName)
                let lastWords = NameWords(member.lastName)
                let cin = member.cin.trimmingCharacters(in: .whitespaces).nilIfEmpty
                guard lastWords.letterCount >= 2 || cin != nil else { continue }
                let dob = member.parsedDateOfBirth
                var candidates = try cin.map { try CandidatePerson.fetch(db, cin: $0) } ?? []
                if lastWords.letterCount >= 2 {
                    candidates += try CandidatePerson.fetch(db, first: firstWords, last: lastWords, born: nil)
                    if let dob { candidates += try CandidatePerson.fetch(db, first: NameWords(""), last: lastWords, born: dob) }
                }
                var seen = Set<Int64>()
                for candidate in candidates where seen.insert(candidate.personId).inserted {
                    let sameName = !firstWords.isEmpty && firstWords.allStartWords(of: candidate.firstName)
                    let sameBirth = dob != nil && candidate.dateOfBirth == dob
                    guard let (reason, score) = cin != nil && candidate.cin?.uppercased() == cin?.uppercased() ? ("same CIN", 4) : Self.evidence(
                        sameName: sameName, sameBirth: sameBirth, birthDatesDiffer: dob != nil && candidate.dateOfBirth != nil && !sameBirth)
                    else { continue }
                    byFamily[candidate.familyId, default: []].append(KnownPersonMatch(
                        memberIndex: index, name: "\(candidate.firstName) \(candidate.lastName)",
                        dateOfBirth: candidate.dateOfBirth, source: candidate.source, reason: reason, score: score))
                    strength[candidate.familyId, default: 0] += score
                }
            }
            let ranked = Array(byFamily.keys.sorted { (strength[$0]!, $1) > (strength[$1]!, $0) }.prefix(limit))
            let families = try Family.fetchAll(db, keys: ranked)
            let names = Dictionary(uniqueKeysWithValues: families.map { ($0.id!, $0.displayName) })
            return try ranked.map { familyId in
                let sources = try String.fetchAll(db, sql: "SELECT DISTINCT source FROM household WHERE familyId = ?", arguments: [familyId])
                    .compactMap(RecordSource.init(rawValue:))
                return KnownRecordMatch(
                    familyId: familyId, familyName: names[familyId] ?? "",
                    sources: RecordSource.allCases.filter(sources.contains),
                    people: byFamily[familyId]!.sorted { $0.score > $1.score })
            }
        }
    }

    /// How strongly a record matches a member, in words and as a score; nil when it does not.
    static func evidence(sameName: Bool, sameBirth: Bool, birthDatesDiffer: Bool) -> (String, Int)? {
        switch (sameName, sameBirth) {
        case (true, true): return ("same name and birth date", 3)
        case (false, true): return ("same surname and birth date", 2)
        case (true, false): return birthDatesDiffer ? ("same name, other birth date", 0) : ("same name", 1)
        case (false, false): return nil
        }
    }

    /// What Linkages knows of a family an intake is attached to, as `policy`'s worker may see it
    /// on the family's page: the involvement, concerns and CalWORKs worker of the records the
    /// worker may read in full (a record shown only in its identifying fields adds nothing, and a
    /// concern withheld from the page, such as substance use, is withheld here too). Audited as a
    /// view of the family.
    public func knownFamily(id familyId: Int64, for policy: AccessPolicy, at time: Date) throws -> KnownFamily {
        guard policy.mayOpenFamilies else { return KnownFamily() }
        return try write { db in
            guard let detail = try Self.familyDetail(db, id: familyId, on: policy.today)?
                .visible(under: policy, emergencyReason: nil, sensitiveQuestions: []) else { return KnownFamily() }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .viewFamily, familyId: familyId,
                                             detail: "attached to an ER intake"), at: time, in: db)
            let involvements = detail.records.flatMap(\.involvements)
            let workerId = involvements.first { $0.program == .calworks && $0.isCurrent(on: policy.today) && $0.workerId != nil }?.workerId
            let worker = try workerId.flatMap { try Worker.fetchOne(db, key: $0) }
            return KnownFamily(involvements: involvements, concerns: detail.concerns.map(\.kind), calworksWorker: worker,
                               confirmed: Set(detail.records.compactMap(\.household.source.program)))
        }
    }

    /// The county's intake settings (the Linkages coordination window, and its holidays).
    public func intakeSettings() throws -> IntakeSettings {
        try writer.read { db in
            let days = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'coordinationWorkingDays'").flatMap(Int.init)
            return IntakeSettings(coordinationWorkingDays: days ?? IntakeSettings().coordinationWorkingDays,
                                  holidays: try Self.holidays(db))
        }
    }

    public func setCoordinationWorkingDays(_ days: Int, by account: String, at time: Date) throws {
        try setSetting("coordinationWorkingDays", to: days, by: account, at: time)
    }
}

/// The words of a name as typed, lower-cased and without accents, for matching the start of
/// each word of a stored name.
struct NameWords {
    let words: [String]

    init(_ text: String) {
        words = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
    }

    var isEmpty: Bool { words.isEmpty }
    var letterCount: Int { words.reduce(0) { $0 + $1.count } }

    /// An FTS5 query limited to one column: every word must start a word of it.
    func ftsQuery(column: String) -> [String] {
        words.map { "\(column) : \"" + $0.replacingOccurrences(of: "\"", with: "") + "\"*" }
    }

    func allStartWords(of name: String) -> Bool {
        let stored = NameWords(name).words
        return words.allSatisfy { word in stored.contains { $0.hasPrefix(word) } }
    }
}

/// A stored person found for a typed member.
struct CandidatePerson {
    var personId: Int64
    var firstName: String
    var lastName: String
    var dateOfBirth: CalendarDate?
    var familyId: Int64
    var source: RecordSource
    var cin: String?

    static let columns = "person.id, person.firstName, person.lastName, person.dateOfBirth, person.cin, household.familyId, household.source"

    /// The people recorded with this CIN, as typed or in capitals (the lookup's rule: an
    /// extract keeps its CINs as they were written).
    static func fetch(_ db: Database, cin: String) throws -> [CandidatePerson] {
        try rows(db, sql: """
            SELECT \(columns) FROM person JOIN household ON household.id = person.householdId
            WHERE person.cin IN (?, ?) LIMIT 40
            """, arguments: [cin, cin.uppercased()])
    }

    static func fetch(_ db: Database, first: NameWords, last: NameWords, born: CalendarDate?) throws -> [CandidatePerson] {
        let match = (first.ftsQuery(column: "firstName") + last.ftsQuery(column: "lastName")).joined(separator: " AND ")
        var sql = """
            SELECT \(columns)
            FROM personFts JOIN person ON person.id = personFts.rowid
            JOIN household ON household.id = person.householdId
            WHERE personFts MATCH ?
            """
        var arguments: StatementArguments = [match]
        if let born {
            sql += " AND person.dateOfBirth = ?"
            _ = arguments.append(contentsOf: [born])
        }
        return try rows(db, sql: sql + " LIMIT 40", arguments: arguments)
    }

    private static func rows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [CandidatePerson] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            CandidatePerson(
                personId: row["id"], firstName: row["firstName"], lastName: row["lastName"], dateOfBirth: row["dateOfBirth"],
                familyId: row["familyId"], source: RecordSource(rawValue: row["source"]) ?? .intake, cin: row["cin"])
        }
    }
}
