import GRDB
import LinkagesDomain
import LinkagesMatching

/// Everyone in one program's households, read as the matcher compares them: the record's `id`
/// is the person's row id and its `household` the household's row id, both as text.
enum MatchPeople {
    static func read(_ db: Database, source: RecordSource, nicknames: Nicknames) throws -> [MatchRecord] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT person.id, person.householdId, person.firstName, person.middleName, person.lastName,
                   person.dateOfBirth, person.sex, person.ssn, person.cin,
                   household.zip, coalesce(person.phone, household.phone), household.street
            FROM person JOIN household ON household.id = person.householdId
            WHERE household.source = ?
            ORDER BY person.id
            """, arguments: [source.rawValue])
        var records: [MatchRecord] = []
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let household: Int64 = row[1]
            records.append(MatchRecord(
                id: String(id), household: String(household), first: row[2], middle: row[3] ?? "", last: row[4],
                dob: row[5] ?? "", sex: row[6] ?? "", ssn: row[7] ?? "", cin: row[8] ?? "",
                zip: row[9] ?? "", phone: row[10] ?? "", street: row[11] ?? "", nicknames: nicknames))
        }
        return records
    }
}

extension MatchRecord {
    /// The person's row id.
    var personId: Int64 { Int64(id) ?? 0 }
}
