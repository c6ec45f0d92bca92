import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain

/// Writes an extract's rows inside the import's transaction, with prepared statements, where
/// the reading thread placed them (``RowPlacement``), so that a million rows take seconds.
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

    /// The ids of the households (and their families) and people this import created, in the
    /// order created: a ``RowPlacement`` names a new one by its place here.
    var newHouseholds: [(id: Int64, familyId: Int64)] = []
    var newPeople: [Int64] = []

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
        newPeople.reserveCapacity(expectedRows)
        newHouseholds.reserveCapacity(expectedRows / 2)
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
        switch prepared.placement.person {
        case .new where prepared.placement.insertsPerson:
            insertPerson.bind(householdId)
            insertPerson.bind(person.personId)
            bindFields(of: prepared, to: &insertPerson)
            try insertPerson.run()
            personId = db.lastInsertedRowID
            newPeople.append(personId)
            report.peopleAdded += 1
            insertLookupTerms.bind(personId)
            insertLookupTerms.bind(prepared.lookupTerms)
            try insertLookupTerms.run()
        case .new(let ordinal):
            personId = try update(newPeople[ordinal], from: prepared, in: householdId)
        case .known(let id):
            personId = try update(id, from: prepared, in: householdId)
        }
        for (index, involvement) in person.involvements.enumerated() where prepared.placement.writes(involvementAt: index) {
            // Welfare-to-Work is the person's; everything else is the household's.
            insertInvolvement.bind(householdId)
            insertInvolvement.bind(involvement.component == .welfareToWork ? personId : nil)
            insertInvolvement.bind(involvement.component.rawValue)
            insertInvolvement.bind(involvement.status.rawValue)
            insertInvolvement.bind(involvement.start?.iso)
            insertInvolvement.bind(involvement.end?.iso)
            insertInvolvement.bind(involvement.sourceCaseId)
            insertInvolvement.bind(involvement.welfareToWorkStatus?.rawValue)
            try insertInvolvement.run()
        }
    }

    /// Updates a stored person from their row; returns their id.
    private mutating func update(_ id: Int64, from prepared: PreparedPerson, in householdId: Int64) throws -> Int64 {
        updatePerson.bind(householdId)
        bindFields(of: prepared, to: &updatePerson)
        updatePerson.bind(id)
        try updatePerson.run()
        report.peopleUpdated += 1
        return id
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
        let placement = prepared.placement
        let householdId: Int64, familyId: Int64
        switch placement.household {
        case .known(let id, let family):
            (householdId, familyId) = (id, family)
            if placement.opensHousehold {
                for value in [person.street, person.city, person.zip, person.phone, stamp] { updateHousehold.bind(value) }
                updateHousehold.bind(id)
                try updateHousehold.run()
                deleteInvolvements.bind(id)
                try deleteInvolvements.run()
                report.householdsUpdated += 1
            }
        case .new where placement.opensHousehold:
            insertFamily.bind(prepared.familyName)
            insertFamily.bind(stamp)
            try insertFamily.run()
            familyId = db.lastInsertedRowID
            insertHousehold.bind(familyId)
            for value in [source.rawValue, person.householdKey, person.street, person.city, person.zip, person.phone, stamp, stamp] {
                insertHousehold.bind(value)
            }
            try insertHousehold.run()
            householdId = db.lastInsertedRowID
            newHouseholds.append((householdId, familyId))
            report.householdsAdded += 1
        case .new(let ordinal):
            (householdId, familyId) = newHouseholds[ordinal]
        }
        if placement.namesFamily {
            renameFamily.bind(prepared.familyName)
            renameFamily.bind(familyId)
            try renameFamily.run()
        }
        return householdId
    }
}
