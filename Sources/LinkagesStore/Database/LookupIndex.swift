import GRDB
import LinkagesMatching

/// The lookup's name index (the `personLookup` full-text table) and the SQL function that
/// computes a person's terms, which every connection registers.
///
/// The index keeps no copy of the terms: taking a person out computes their old terms again from
/// their old names. A change to what ``LookupTerms`` gives for a name therefore needs a
/// migration that empties the index (`'delete-all'`) and adds everyone again.
enum LookupIndex {
    static let function = DatabaseFunction("linkages_lookup_terms", argumentCount: 3, pure: true) { values in
        LookupTerms.terms(first: String.fromDatabaseValue(values[0]) ?? "", middle: String.fromDatabaseValue(values[1]) ?? "",
                          last: String.fromDatabaseValue(values[2]) ?? "")
    }

    /// The SQL expression for the terms of the person row named `row` (`new`, `person`).
    static func terms(_ row: String) -> String {
        "linkages_lookup_terms(\(row).firstName, \(row).middleName, \(row).lastName)"
    }

    /// Indexes everyone whose row id is at least `firstPerson`.
    static func add(_ db: Database, peopleFrom firstPerson: Int64) throws {
        try db.execute(sql: "INSERT INTO personLookup(rowid, terms) SELECT id, \(terms("person")) FROM person WHERE id >= ?",
                       arguments: [firstPerson])
    }
}
