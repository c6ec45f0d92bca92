import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain
import LinkagesMatching

/// Writes an extract's rows inside the import's transaction, with prepared statements, where
/// the reading thread placed them (``RowPlacement``), so that a million rows take seconds.
///
/// A row of a person or household already stored changes only what the row says: a column
/// the file does not have, or a blank cell, keeps the stored value (a snapshot import clears
/// blank cells of the columns it has), and an involvement ends only when the file says so. Each
/// stored value changed is counted by column for the summary (``ImportReport/changedValues``).
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
    /// Stored people whose values this import changed (each counted once).
    var changedPeople: Set<Int64> = []
    /// A stored person's values before this import first changed them, and the columns
    /// counted as changed since: a person listed twice counts each changed value once.
    var originals: [Int64: (values: StoredPerson, counted: Set<ExtractColumn>)] = [:]

    var insertFamily: BulkStatement
    var renameFamily: BulkStatement
    var insertHousehold: BulkStatement
    var selectHousehold: BulkStatement
    var updateHousehold: BulkStatement
    /// A referral household becomes the case its referral was promoted to.
    var rekeyHousehold: BulkStatement
    var insertPerson: BulkStatement
    var selectPerson: BulkStatement
    var updatePerson: BulkStatement
    var selectInvolvements: BulkStatement
    var insertInvolvement: BulkStatement
    var updateInvolvement: BulkStatement
    /// The name indexes, which the import keeps itself (see ``NameIndexPause``).
    var insertLookupTerms: BulkStatement
    var deleteLookupTerms: BulkStatement
    var insertNameIndex: BulkStatement
    var deleteNameIndex: BulkStatement

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
        selectHousehold = try BulkStatement(db, sql: "SELECT street, city, zip, phone FROM household WHERE id = ?")
        updateHousehold = try BulkStatement(db, sql: """
            UPDATE household SET street = ?, city = ?, zip = ?, phone = ?, updatedAt = ? WHERE id = ?
            """)
        rekeyHousehold = try BulkStatement(db, sql: "UPDATE household SET sourceKey = ? WHERE id = ?")
        insertPerson = try BulkStatement(db, sql: """
            INSERT INTO person (householdId, sourcePersonId, firstName, middleName, lastName, dateOfBirth, sex,
                                relationship, caseRole, cin, ssn, phone, raceEthnicity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown')
            """)
        selectPerson = try BulkStatement(db, sql: """
            SELECT householdId, firstName, middleName, lastName, dateOfBirth, sex, relationship, caseRole, cin, ssn, phone
            FROM person WHERE id = ?
            """)
        updatePerson = try BulkStatement(db, sql: """
            UPDATE person SET householdId = ?, firstName = ?, middleName = ?, lastName = ?, dateOfBirth = ?, sex = ?,
                              relationship = ?, caseRole = ?, cin = ?, ssn = ?, phone = ?
            WHERE id = ?
            """)
        selectInvolvements = try BulkStatement(db, sql: """
            SELECT id, status, startDate, endDate, welfareToWorkStatus FROM involvement
            WHERE householdId = ? AND component = ? AND personId IS ? AND sourceCaseId IS ? ORDER BY id DESC
            """)
        insertInvolvement = try BulkStatement(db, sql: """
            INSERT INTO involvement (householdId, personId, component, status, startDate, endDate, sourceCaseId, workerId,
                                     welfareToWorkStatus)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
            """)
        updateInvolvement = try BulkStatement(db, sql: """
            UPDATE involvement SET status = ?, startDate = ?, endDate = ?, welfareToWorkStatus = ? WHERE id = ?
            """)
        insertLookupTerms = try BulkStatement(db, sql: "INSERT INTO personLookup(rowid, terms) VALUES (?, ?)")
        deleteLookupTerms = try BulkStatement(db, sql: "INSERT INTO personLookup(personLookup, rowid, terms) VALUES ('delete', ?, ?)")
        insertNameIndex = try BulkStatement(db, sql: "INSERT INTO personFts(rowid, firstName, middleName, lastName) VALUES (?, ?, ?, ?)")
        deleteNameIndex = try BulkStatement(db, sql: """
            INSERT INTO personFts(personFts, rowid, firstName, middleName, lastName) VALUES ('delete', ?, ?, ?, ?)
            """)
        newPeople.reserveCapacity(expectedRows)
        newHouseholds.reserveCapacity(expectedRows / 2)
    }

    /// The county's name for a column, for messages.
    func columnName(_ column: ExtractColumn) -> String {
        options.columnMap.renames[column].map { "\($0) (\(column.rawValue))" } ?? column.rawValue
    }

    mutating func add(_ item: RowPipeline.Item) throws {
        switch item {
        case .emptyRow:
            report.emptyRowsSkipped += 1
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
        report.peopleUpdated = changedPeople.count
    }

    // MARK: What the file says, against what is stored

    /// The value to store for `column`: the file's when it gives one; otherwise the stored one,
    /// or nothing when a snapshot import has the column and its cell is blank.
    private func merged(_ stated: String?, over stored: String?, _ column: ExtractColumn, cleared: String? = nil) -> String? {
        if let stated { return stated }
        return options.snapshot && columns[column] != nil ? cleared : stored
    }

    /// Counts a stored value that changed, by column.
    private mutating func count(_ column: ExtractColumn, _ old: String?, _ new: String?) -> Bool {
        guard old != new else { return false }
        report.changedValues[column, default: 0] += 1
        return true
    }

    // MARK: Writing

    private mutating func write(_ prepared: PreparedPerson) throws {
        let person = prepared.person
        if person.placeholderSSN { report.placeholderSSNs += 1 }
        if prepared.placement.repeatsPerson {
            report.repeatedPeople += 1
            if report.repeatedPeopleLines.count < 10 { report.repeatedPeopleLines.append(prepared.line) }
        }
        let (householdId, householdIsNew) = try household(for: prepared)
        let personId: Int64
        switch prepared.placement.person {
        case .new where prepared.placement.insertsPerson:
            insertPerson.bind(householdId)
            insertPerson.bind(person.personId)
            for value in [person.firstName, person.middleName, person.lastName, prepared.dateOfBirth,
                          (person.sex ?? .unknown).rawValue, (person.relationship ?? .unknown).rawValue, person.caseRole?.rawValue,
                          person.cin, person.ssn, person.phone] {
                insertPerson.bind(value)
            }
            try insertPerson.run()
            personId = db.lastInsertedRowID
            newPeople.append(personId)
            report.peopleAdded += 1
            insertLookupTerms.bind(personId)
            insertLookupTerms.bind(prepared.lookupTerms)
            try insertLookupTerms.run()
        case .new(let ordinal):
            personId = newPeople[ordinal]
            try update(personId, from: prepared, in: householdId, storedBefore: false)
        case .known(let id):
            personId = id
            try update(id, from: prepared, in: householdId, storedBefore: true)
        }
        for (index, involvement) in person.involvements.enumerated() where prepared.placement.writes(involvementAt: index) {
            // Welfare-to-Work is the person's; everything else is the household's.
            let owner = involvement.component == .welfareToWork ? personId : nil
            if householdIsNew {
                try insert(involvement, household: householdId, person: owner)
            } else {
                try restate(involvement, household: householdId, person: owner)
            }
        }
    }

    /// Brings a stored person up to date with what their row says. `storedBefore` is false
    /// for a person this import added and meets again: their changes are not counted.
    private mutating func update(_ id: Int64, from prepared: PreparedPerson, in householdId: Int64, storedBefore: Bool) throws {
        let person = prepared.person
        selectPerson.bind(id)
        guard let stored = try selectPerson.rows(StoredPerson.init).first else { return }
        let householdColumn: ExtractColumn = columns[.caseNumber] != nil ? .caseNumber : .referralId
        let new = StoredPerson(
            householdId: householdId,
            firstName: merged(person.firstName.nilWhenEmpty, over: stored.firstName, .firstName, cleared: "") ?? "",
            middleName: merged(person.middleName, over: stored.middleName, .middleName),
            lastName: merged(person.lastName.nilWhenEmpty, over: stored.lastName, .lastName, cleared: "") ?? "",
            dateOfBirth: merged(prepared.dateOfBirth, over: stored.dateOfBirth, .dob),
            sex: merged(person.sex?.rawValue, over: stored.sex, .sex, cleared: Sex.unknown.rawValue) ?? Sex.unknown.rawValue,
            relationship: merged(person.relationship?.rawValue, over: stored.relationship, .relationship,
                                 cleared: Relationship.unknown.rawValue) ?? Relationship.unknown.rawValue,
            caseRole: merged(person.caseRole?.rawValue, over: stored.caseRole, .role),
            cin: merged(person.cin, over: stored.cin, .cin),
            ssn: merged(person.ssn, over: stored.ssn, .ssn),
            phone: merged(person.phone, over: stored.phone, .phone))
        guard new != stored else { return }
        if storedBefore {
            // Measured against the person as stored before this import, each column once.
            let original = originals[id]?.values ?? stored
            var counted = originals[id]?.counted ?? []
            for (column, old, value) in [
                (householdColumn, String(original.householdId), String(new.householdId)), (.firstName, original.firstName, new.firstName),
                (.middleName, original.middleName, new.middleName), (.lastName, original.lastName, new.lastName),
                (.dob, original.dateOfBirth, new.dateOfBirth), (.sex, original.sex, new.sex),
                (.relationship, original.relationship, new.relationship), (.role, original.caseRole, new.caseRole),
                (.cin, original.cin, new.cin), (.ssn, original.ssn, new.ssn), (.phone, original.phone, new.phone),
            ] as [(ExtractColumn, String?, String?)] {
                if old != value, counted.insert(column).inserted {
                    report.changedValues[column, default: 0] += 1
                } else if old == value, counted.remove(column) != nil {
                    report.changedValues[column, default: 0] -= 1
                    if report.changedValues[column] == 0 { report.changedValues[column] = nil }
                }
            }
            originals[id] = (original, counted)
            if counted.isEmpty { changedPeople.remove(id) } else { changedPeople.insert(id) }
        }
        updatePerson.bind(new.householdId)
        for value in [new.firstName, new.middleName, new.lastName, new.dateOfBirth, new.sex, new.relationship, new.caseRole,
                      new.cin, new.ssn, new.phone] {
            updatePerson.bind(value)
        }
        updatePerson.bind(id)
        try updatePerson.run()
        if stored.firstName != new.firstName || stored.middleName != new.middleName || stored.lastName != new.lastName {
            try reindexName(id, from: stored, to: new, lookupTerms: prepared.lookupTerms, storedBefore: storedBefore)
        }
    }

    /// Moves a renamed person in the name indexes. The lookup's index of a person this import
    /// added is written as they are; the intake's is built for them at the end.
    private mutating func reindexName(_ id: Int64, from old: StoredPerson, to new: StoredPerson, lookupTerms: String,
                                      storedBefore: Bool) throws {
        deleteLookupTerms.bind(id)
        deleteLookupTerms.bind(LookupTerms.terms(first: old.firstName, middle: old.middleName ?? "", last: old.lastName))
        try deleteLookupTerms.run()
        insertLookupTerms.bind(id)
        insertLookupTerms.bind(LookupTerms.terms(first: new.firstName, middle: new.middleName ?? "", last: new.lastName))
        try insertLookupTerms.run()
        guard storedBefore else { return }
        deleteNameIndex.bind(id)
        for value in [old.firstName, old.middleName, old.lastName] { deleteNameIndex.bind(value) }
        try deleteNameIndex.run()
        insertNameIndex.bind(id)
        for value in [new.firstName, new.middleName, new.lastName] { insertNameIndex.bind(value) }
        try insertNameIndex.run()
    }

    private mutating func insert(_ involvement: ExtractInvolvement, household: Int64, person: Int64?) throws {
        insertInvolvement.bind(household)
        insertInvolvement.bind(person)
        insertInvolvement.bind(involvement.component.rawValue)
        insertInvolvement.bind((involvement.status ?? .open).rawValue)
        insertInvolvement.bind(involvement.start?.iso)
        insertInvolvement.bind(involvement.end?.iso)
        insertInvolvement.bind(involvement.sourceCaseId)
        insertInvolvement.bind(involvement.welfareToWorkStatus?.rawValue)
        try insertInvolvement.run()
        report.involvementsAdded += 1
    }

    /// Matches an involvement the file lists with the stored one it restates (``InvolvementMatch``)
    /// and updates what the file says of it; adds it when none is stored.
    private mutating func restate(_ involvement: ExtractInvolvement, household: Int64, person: Int64?) throws {
        selectInvolvements.bind(household)
        selectInvolvements.bind(involvement.component.rawValue)
        selectInvolvements.bind(person)
        selectInvolvements.bind(involvement.sourceCaseId)
        let stored = try selectInvolvements.rows(StoredInvolvement.init)
        guard let target = InvolvementMatch.target(for: involvement, among: stored) else {
            return try insert(involvement, household: household, person: person)
        }
        let calworks = involvement.component.program == .calworks
        let statusColumn: ExtractColumn = calworks ? .programStatus : .serviceStatus
        let startColumn: ExtractColumn = calworks ? .aidBegin : .referralDate
        let endColumn: ExtractColumn = calworks ? .aidEnd : .serviceEnd
        let status = merged(involvement.status?.rawValue, over: target.status, statusColumn, cleared: InvolvementStatus.open.rawValue)
        let start = merged(involvement.start?.iso, over: target.start, startColumn)
        var end = merged(involvement.end?.iso, over: target.end, endColumn)
        // The file says a closed involvement is open again: its old end date no longer holds.
        let reopened = target.status == InvolvementStatus.closed.rawValue && involvement.status.map { $0 != .closed } == true
        if reopened && involvement.end == nil { end = nil }
        let standing = involvement.component == .welfareToWork
            ? merged(involvement.welfareToWorkStatus?.rawValue, over: target.welfareToWork, .welfareToWorkStatus)
            : target.welfareToWork
        var changed = count(statusColumn, target.status, status)
        changed = count(startColumn, target.start, start) || changed
        changed = count(endColumn, target.end, end) || changed
        changed = count(.welfareToWorkStatus, target.welfareToWork, standing) || changed
        guard changed else { return }
        if reopened { report.involvementsReopened += 1 }
        for value in [status, start, end, standing] { updateInvolvement.bind(value) }
        updateInvolvement.bind(target.id)
        try updateInvolvement.run()
        report.involvementsChanged += 1
    }

    /// The household record for a row, and whether this import created it: found, or made
    /// with a new family. The first time this import meets a stored household, its address is
    /// brought up to date with what the row says.
    private mutating func household(for prepared: PreparedPerson) throws -> (id: Int64, isNew: Bool) {
        let person = prepared.person
        let placement = prepared.placement
        let householdId: Int64, familyId: Int64, isNew: Bool
        switch placement.household {
        case .known(let id, let family):
            (householdId, familyId, isNew) = (id, family, false)
            if placement.opensHousehold { try restateAddress(of: id, from: person) }
            if let newKey = placement.newSourceKey {
                rekeyHousehold.bind(newKey)
                rekeyHousehold.bind(id)
                try rekeyHousehold.run()
                report.changedValues[.caseNumber, default: 0] += 1
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
            isNew = true
        case .new(let ordinal):
            (householdId, familyId) = newHouseholds[ordinal]
            isNew = true
        }
        if placement.namesFamily {
            renameFamily.bind(prepared.familyName)
            renameFamily.bind(familyId)
            try renameFamily.run()
        }
        return (householdId, isNew)
    }

    private mutating func restateAddress(of id: Int64, from person: ExtractPerson) throws {
        selectHousehold.bind(id)
        guard let stored = try selectHousehold.rows({ row in (0..<4).map { row.text(Int32($0)) } }).first else { return }
        let address: [(ExtractColumn, String?)] = [(.street, person.street), (.city, person.city), (.zip, person.zip), (.phone, person.phone)]
        var new: [String?] = []
        var changed = false
        for (index, (column, stated)) in address.enumerated() {
            new.append(merged(stated, over: stored[index], column))
            changed = count(column, stored[index], new[index]) || changed
        }
        guard changed else { return }
        for value in new + [stamp] { updateHousehold.bind(value) }
        updateHousehold.bind(id)
        try updateHousehold.run()
        report.householdsUpdated += 1
    }
}

/// A person's row as stored, in the columns an extract may change.
struct StoredPerson: Equatable {
    var householdId: Int64
    var firstName: String
    var middleName: String?
    var lastName: String
    var dateOfBirth: String?
    var sex: String
    var relationship: String
    var caseRole: String?
    var cin: String?
    var ssn: String?
    var phone: String?
}

extension StoredPerson {
    /// From `ExtractImporter.selectPerson`'s row.
    init(_ row: BulkRow) {
        self.init(householdId: row.int64(0) ?? 0, firstName: row.text(1) ?? "", middleName: row.text(2), lastName: row.text(3) ?? "",
                  dateOfBirth: row.text(4), sex: row.text(5) ?? "", relationship: row.text(6) ?? "", caseRole: row.text(7),
                  cin: row.text(8), ssn: row.text(9), phone: row.text(10))
    }
}

/// An involvement as stored: what an extract's row may restate.
struct StoredInvolvement: Equatable {
    var id: Int64
    var status: String
    var start: String?
    var end: String?
    var welfareToWork: String?

    /// From `ExtractImporter.selectInvolvements`'s row.
    init(_ row: BulkRow) {
        self.init(id: row.int64(0) ?? 0, status: row.text(1) ?? "", start: row.text(2), end: row.text(3), welfareToWork: row.text(4))
    }

    init(id: Int64, status: String, start: String?, end: String?, welfareToWork: String?) {
        self.id = id
        self.status = status
        self.start = start
        self.end = end
        self.welfareToWork = welfareToWork
    }
}

/// Which stored involvement an extract's row restates. A case (or referral) has one spell of
/// a component at a time: the stored spell with the same start is the one; a row without a
/// start restates the open spell (else the latest); a row with a new start corrects the
/// start of a spell still open, and begins a new spell after one that ended. Nothing else
/// ends or replaces a stored involvement.
enum InvolvementMatch {
    /// - Parameter stored: the household's (or person's) involvements of the same component and
    ///   source case, newest first.
    static func target(for involvement: ExtractInvolvement, among stored: [StoredInvolvement]) -> StoredInvolvement? {
        let start = involvement.start?.iso
        if let same = stored.first(where: { $0.start == start }) { return same }
        let open = stored.first { $0.status != InvolvementStatus.closed.rawValue }
        return start == nil ? (open ?? stored.first) : open
    }
}

private extension String {
    var nilWhenEmpty: String? { isEmpty ? nil : self }
}
