import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain

/// Writes an extract's rows inside the import's transaction, with prepared statements and
/// in-memory maps of the source's households and people, so that a million rows take seconds.
struct ExtractImporter {
    let db: Database
    let options: ImportOptions
    let columns: [ExtractColumn: Int]
    let headerWidth: Int
    let time: Date
    /// `time` as the database stores it, converted once rather than per row.
    let stamp: String
    let source: RecordSource
    var report = ImportReport()
    /// Every bad row (skipped or rejecting), at most `errorLimit` kept.
    var errors: [ImportRowError] = []
    var errorCount = 0
    var badRows = 0
    static let errorLimit = 1_000

    /// The source's households and people already in the database, then those added.
    var households: [String: (id: Int64, familyId: Int64)] = [:]
    var people: [String: Int64] = [:]
    /// Households whose involvement this import has already restated.
    var restated: Set<Int64> = []
    var involvementsSeen: Set<InvolvementKey> = []
    /// Families whose name comes from the household's head rather than its first row.
    var namedFromHead: Set<Int64> = []

    /// One involvement per household (or person), component and dates; a few integers to hash.
    struct InvolvementKey: Hashable {
        var householdId: Int64
        var personId: Int64
        var component: ServiceComponent
        var start: Int
        var end: Int
    }

    var insertFamily: BulkStatement
    var renameFamily: BulkStatement
    var insertHousehold: BulkStatement
    var updateHousehold: BulkStatement
    var insertPerson: BulkStatement
    var updatePerson: BulkStatement
    var deleteInvolvements: BulkStatement
    var insertInvolvement: BulkStatement
    /// New people's lookup terms, which the import writes itself (see ``NameIndexPause``).
    var insertLookupTerms: BulkStatement

    /// - Parameter expectedRows: about how many rows the file has, to size the maps once.
    init(db: Database, options: ImportOptions, columns: [ExtractColumn: Int], headerWidth: Int, expectedRows: Int, time: Date) throws {
        self.headerWidth = headerWidth
        self.db = db
        self.options = options
        self.columns = columns
        self.time = time
        stamp = String.fromDatabaseValue(time.databaseValue) ?? ""
        source = RecordSource(options.program)
        insertFamily = try BulkStatement(db, sql: "INSERT INTO family (displayName, createdAt) VALUES (?, ?)")
        renameFamily = try BulkStatement(db, sql: "UPDATE family SET displayName = ? WHERE id = ?")
        insertHousehold = try BulkStatement(db, sql: """
            INSERT INTO household (familyId, source, sourceKey, street, city, zip, phone, office, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
            """)
        updateHousehold = try BulkStatement(db, sql: """
            UPDATE household SET street = ?, city = ?, zip = ?, phone = ?, updatedAt = ? WHERE id = ?
            """)
        insertPerson = try BulkStatement(db, sql: """
            INSERT INTO person (householdId, sourcePersonId, firstName, middleName, lastName, dateOfBirth, sex,
                                relationship, caseRole, cin, ssn, phone, raceEthnicity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown')
            """)
        updatePerson = try BulkStatement(db, sql: """
            UPDATE person SET householdId = ?, firstName = ?, middleName = ?, lastName = ?, dateOfBirth = ?, sex = ?,
                              relationship = ?, caseRole = ?, cin = ?, ssn = ?, phone = ?
            WHERE id = ?
            """)
        deleteInvolvements = try BulkStatement(db, sql: "DELETE FROM involvement WHERE householdId = ?")
        insertInvolvement = try BulkStatement(db, sql: """
            INSERT INTO involvement (householdId, personId, component, status, startDate, endDate, sourceCaseId, workerId,
                                     welfareToWorkStatus)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
            """)
        insertLookupTerms = try BulkStatement(db, sql: "INSERT INTO personLookup(rowid, terms) VALUES (?, ?)")
        people.reserveCapacity(expectedRows)
        households.reserveCapacity(expectedRows / 2)
        let existing = try Row.fetchCursor(db, sql: "SELECT sourceKey, id, familyId FROM household WHERE source = ?",
                                           arguments: [source.rawValue])
        while let row = try existing.next() {
            if let key: String = row["sourceKey"] { households[key] = (row["id"], row["familyId"]) }
        }
        let known = try Row.fetchCursor(db, sql: """
            SELECT person.sourcePersonId, person.id FROM person JOIN household ON household.id = person.householdId
            WHERE household.source = ? AND person.sourcePersonId IS NOT NULL
            """, arguments: [source.rawValue])
        while let row = try known.next() {
            people[row["sourcePersonId"]] = row["id"]
        }
    }

    /// The county's name for a column, for messages.
    func columnName(_ column: ExtractColumn) -> String {
        options.columnMap.renames[column].map { "\($0) (\(column.rawValue))" } ?? column.rawValue
    }

    mutating func add(_ item: RowPipeline.Item) throws {
        switch item {
        case .wrongWidth(let line, let count):
            recordError(ImportRowError(file: options.file, line: line, column: "(the whole row)",
                                       reason: "it has \(count) fields; the header has \(headerWidth)"))
        case .problems(let line, let problems):
            for problem in problems {
                recordError(ImportRowError(file: options.file, line: line, column: columnName(problem.column), reason: problem.reason))
            }
        case .person(let person):
            // Once the file is rejected, keep reading only to report every bad row.
            guard badRows <= options.maxErrors else { return }
            try write(person)
            report.rows += 1
        }
    }

    mutating func recordError(_ error: ImportRowError) {
        errorCount += 1
        if errors.last?.line != error.line { badRows += 1 }
        if errors.count < Self.errorLimit { errors.append(error) }
    }

    /// Ends the import: rejects the whole file when it had too many bad rows.
    mutating func finish() throws {
        if badRows > options.maxErrors {
            throw ImportFailure.badRows(errors, allowed: options.maxErrors)
        }
        report.skipped = errors
    }

    private mutating func write(_ prepared: PreparedPerson) throws {
        let person = prepared.person
        let householdId = try household(for: prepared)
        let personId: Int64
        if let existing = people[person.personId] {
            updatePerson.bind(householdId)
            bindFields(of: prepared, to: &updatePerson)
            updatePerson.bind(existing)
            try updatePerson.run()
            personId = existing
            report.peopleUpdated += 1
        } else {
            insertPerson.bind(householdId)
            insertPerson.bind(person.personId)
            bindFields(of: prepared, to: &insertPerson)
            try insertPerson.run()
            personId = db.lastInsertedRowID
            people[person.personId] = personId
            report.peopleAdded += 1
            insertLookupTerms.bind(personId)
            insertLookupTerms.bind(prepared.lookupTerms)
            try insertLookupTerms.run()
        }
        for involvement in person.involvements {
            // Welfare-to-Work is the person's; everything else is the household's (an extract may
            // list only the parents of a child in reunification).
            let personal = involvement.component == .welfareToWork
            let key = InvolvementKey(
                householdId: householdId, personId: personal ? personId : 0,
                component: involvement.component,
                start: involvement.start?.dayNumber ?? -1, end: involvement.end?.dayNumber ?? -1)
            guard involvementsSeen.insert(key).inserted else { continue }
            insertInvolvement.bind(householdId)
            insertInvolvement.bind(personal ? personId : nil)
            insertInvolvement.bind(involvement.component.rawValue)
            insertInvolvement.bind(involvement.status.rawValue)
            insertInvolvement.bind(involvement.start?.iso)
            insertInvolvement.bind(involvement.end?.iso)
            insertInvolvement.bind(involvement.sourceCaseId)
            insertInvolvement.bind(involvement.welfareToWorkStatus?.rawValue)
            try insertInvolvement.run()
        }
    }

    /// The person's columns from first name to phone, in the order both person statements use.
    private func bindFields(of prepared: PreparedPerson, to statement: inout BulkStatement) {
        let person = prepared.person
        statement.bind(person.firstName)
        statement.bind(person.middleName)
        statement.bind(person.lastName)
        statement.bind(prepared.dateOfBirth)
        statement.bind(person.sex.rawValue)
        statement.bind(person.relationship.rawValue)
        statement.bind(person.caseRole?.rawValue)
        statement.bind(person.cin)
        statement.bind(person.ssn)
        statement.bind(person.phone)
    }

    /// The household record for a row: found, or made with a new family. The first time this
    /// import meets a known household, its address is updated and its involvement restated.
    private mutating func household(for prepared: PreparedPerson) throws -> Int64 {
        let person = prepared.person
        let isHead = person.relationship == .head || person.caseRole == .parent
        let name = prepared.familyName
        if let found = households[person.householdKey] {
            if restated.insert(found.id).inserted {
                for value in [person.street, person.city, person.zip, person.phone, stamp] { updateHousehold.bind(value) }
                updateHousehold.bind(found.id)
                try updateHousehold.run()
                deleteInvolvements.bind(found.id)
                try deleteInvolvements.run()
                report.householdsUpdated += 1
            }
            if isHead && namedFromHead.insert(found.familyId).inserted {
                renameFamily.bind(name)
                renameFamily.bind(found.familyId)
                try renameFamily.run()
            }
            return found.id
        }
        insertFamily.bind(name)
        insertFamily.bind(stamp)
        try insertFamily.run()
        let familyId = db.lastInsertedRowID
        if isHead { namedFromHead.insert(familyId) }
        insertHousehold.bind(familyId)
        for value in [source.rawValue, person.householdKey, person.street, person.city, person.zip, person.phone, stamp, stamp] {
            insertHousehold.bind(value)
        }
        try insertHousehold.run()
        let id = db.lastInsertedRowID
        households[person.householdKey] = (id, familyId)
        restated.insert(id)
        report.householdsAdded += 1
        return id
    }
}
