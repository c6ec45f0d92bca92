import GRDB
import LinkagesDomain

/// A person picked at random, with their family, for benchmarks that look people up.
public struct SampledPerson: Sendable {
    public var firstName: String
    public var lastName: String
    public var dateOfBirth: CalendarDate?
    public var familyId: Int64
}

extension AppDatabase {
    /// Up to `count` people picked at random (by row id), and how many people there are.
    public func peopleSample<G: RandomNumberGenerator>(count: Int, using random: inout G) throws -> (total: Int, people: [SampledPerson]) {
        try writer.read { db in
            let maxId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
            var people: [SampledPerson] = []
            while people.count < min(count, total) {
                let id = Int64.random(in: 1...max(1, maxId), using: &random)
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT person.firstName, person.lastName, person.dateOfBirth, household.familyId
                    FROM person JOIN household ON household.id = person.householdId WHERE person.id = ?
                    """, arguments: [id]) else { continue }
                people.append(SampledPerson(firstName: row[0], lastName: row[1], dateOfBirth: row[2], familyId: row[3]))
            }
            return (total, people)
        }
    }
}
