import GRDB
import LinkagesDomain

/// Where a row's household and person go, worked out on the reading thread so that the writing
/// thread looks nothing up by name: it only indexes arrays (about 0.6 s of a million-row import's
/// critical path, docs/decisions.md).
struct RowPlacement: Sendable {
    /// A household already stored, or the n-th household this import creates.
    enum Household: Sendable {
        case known(id: Int64, familyId: Int64)
        case new(ordinal: Int)
    }

    /// A person already stored, or the n-th person this import creates.
    enum Person: Sendable {
        case known(id: Int64)
        case new(ordinal: Int)
    }

    var household: Household
    /// The household's first row in the file: a stored household has its address updated and
    /// its involvement restated; a new one is created, with a family named from this row.
    var opensHousehold: Bool
    /// The row names the household's family: its head, met after its first row.
    var namesFamily: Bool
    var person: Person
    /// The person's first row in the file when the person is new (the row inserts them).
    var insertsPerson: Bool
    /// The file listed this person on an earlier row: this later row's values are kept.
    var repeatsPerson = false
    /// The stored household's new source key, when its referral became the case this row names.
    var newSourceKey: String? = nil
    /// The person's involvements the file listed before, one bit each in order: an involvement
    /// listed by every member of a household is written once.
    var involvementsListedBefore: UInt64

    /// Whether the person's involvement at `index` is written with this row.
    func writes(involvementAt index: Int) -> Bool {
        index >= 64 || involvementsListedBefore & (1 << UInt64(index)) == 0
    }
}

/// The reading thread's record of the households and people the file has met so far.
struct RowPlacer {
    private struct HouseholdState {
        var placement: RowPlacement.Household
        var named: Bool
    }

    /// One involvement per household (or person), component and dates; a few integers to hash.
    private struct InvolvementKey: Hashable {
        var household: Int64
        var person: Int64
        var component: Int
        var start: Int
        var end: Int
    }

    private var households: [String: HouseholdState] = [:]
    private var people: [String: RowPlacement.Person] = [:]
    /// Stored ids that begin with zeros, by the id without them: a spreadsheet's rewriting of
    /// an id is told from a new one by these (``SpreadsheetDamage``).
    private var zeroPaddedPeople: [Substring: String] = [:]
    private var zeroPaddedHouseholds: [Substring: String] = [:]
    /// Child Welfare referrals stored under the case they became part of, by referral id: a
    /// row naming only its referral belongs to that case.
    private var caseOfReferral: [String: String] = [:]
    /// Stored referral households that became the case a row named: their new keys, by id.
    private var promoted: [Int64: String] = [:]
    /// Stored people this file has met, to tell a person listed twice.
    private var knownPeopleMet: Set<Int64> = []
    /// The source had no household stored before this import: its first extract.
    private(set) var knowsNoHousehold = true
    private var restated: Set<Int64> = []
    /// Stored families named in this file (a family may hold more than one stored household).
    private var namedFamilies: Set<Int64> = []
    private var involvementsSeen: Set<InvolvementKey> = []
    private var newHouseholds = 0
    private var newPeople = 0

    /// Knows the households and people `source` already has in the database. Call inside the
    /// import's transaction.
    ///
    /// - Parameter expectedRows: about how many rows the file has, to size the maps once.
    init(_ db: Database, source: RecordSource, expectedRows: Int) throws {
        households.reserveCapacity(expectedRows / 2)
        let storedHouseholds = try Row.fetchCursor(db, sql: "SELECT sourceKey, id, familyId FROM household WHERE source = ?",
                                                   arguments: [source.rawValue])
        while let row = try storedHouseholds.next() {
            if let key: String = row["sourceKey"] {
                households[key] = HouseholdState(placement: .known(id: row["id"], familyId: row["familyId"]), named: false)
                if let short = SpreadsheetDamage.withoutLeadingZeros(key) { zeroPaddedHouseholds[short] = key }
            }
        }
        knowsNoHousehold = households.isEmpty
        people.reserveCapacity(expectedRows)
        let storedPeople = try Row.fetchCursor(db, sql: """
            SELECT person.sourcePersonId, person.id FROM person JOIN household ON household.id = person.householdId
            WHERE household.source = ? AND person.sourcePersonId IS NOT NULL
            """, arguments: [source.rawValue])
        if source == .childWelfare {
            let referrals = try Row.fetchCursor(db, sql: """
                SELECT DISTINCT involvement.sourceCaseId, household.sourceKey FROM involvement
                JOIN household ON household.id = involvement.householdId
                WHERE household.source = ? AND involvement.sourceCaseId IS NOT NULL AND involvement.sourceCaseId <> household.sourceKey
                """, arguments: [source.rawValue])
            while let row = try referrals.next() {
                caseOfReferral[row[0]] = row[1]
            }
        }
        while let row = try storedPeople.next() {
            let id: String = row["sourcePersonId"]
            people[id] = .known(id: row["id"])
            if let short = SpreadsheetDamage.withoutLeadingZeros(id) { zeroPaddedPeople[short] = id }
        }
    }

    /// Keeps a Child Welfare household whole as its referral becomes a case. A row naming only
    /// its referral, where the referral is part of a stored case, goes to that case (a file
    /// without the case_number column would otherwise take the person out of it). A row naming
    /// a new case and a stored referral household makes that household the case: CWS/CMS
    /// promotes the referral, and the family is the same.
    mutating func locate(_ person: inout ExtractPerson) {
        if person.householdKeyColumn == .referralId {
            guard households[person.householdKey] == nil, let caseKey = caseOfReferral[person.householdKey] else { return }
            person.householdKey = caseKey
            person.householdKeyColumn = .caseNumber
            return
        }
        guard let referral = person.referralId, referral != person.householdKey, households[person.householdKey] == nil,
              let state = households[referral], case .known(let id, _) = state.placement else { return }
        households[person.householdKey] = state
        households[referral] = nil
        caseOfReferral[referral] = person.householdKey
        promoted[id] = person.householdKey
    }

    /// Some stored id begins with a zero, so a row's id may be one a spreadsheet shortened.
    var knowsZeroPaddedIds: Bool { !zeroPaddedPeople.isEmpty || !zeroPaddedHouseholds.isEmpty }

    /// The row's ids that are stored ids without their leading zeros, as a spreadsheet leaves
    /// them. Read from the row as written, so that they are named beside its other problems.
    func spreadsheetDamage(personId: String, householdKey: String, householdColumn: ExtractColumn) -> [ExtractFieldError] {
        var problems: [ExtractFieldError] = []
        if people[personId] == nil, let key = SpreadsheetDamage.digitsWithoutZeros(personId), let stored = zeroPaddedPeople[key] {
            problems.append(ExtractFieldError(.personId, SpreadsheetDamage.lostZeros(personId, stored: stored)))
        }
        if households[householdKey] == nil, caseOfReferral[householdKey] == nil,
           let key = SpreadsheetDamage.digitsWithoutZeros(householdKey), let stored = zeroPaddedHouseholds[key] {
            problems.append(ExtractFieldError(householdColumn, SpreadsheetDamage.lostZeros(householdKey, stored: stored)))
        }
        return problems
    }

    /// Places a row's person. Each name is hashed once for a row that meets a new household or
    /// person: these maps are the reading thread's largest cost.
    mutating func place(_ person: inout ExtractPerson) -> RowPlacement {
        let isHead = person.relationship == .head || person.caseRole == .parent
        let opening = HouseholdState(placement: .new(ordinal: newHouseholds), named: isHead)
        let (household, namesNewFamily) = Self.visit(&households[person.householdKey, default: opening], isHead: isHead)
        var opensHousehold = false
        var namesFamily = namesNewFamily
        var newSourceKey: String?
        switch household {
        case .known(let id, let familyId):
            opensHousehold = restated.insert(id).inserted
            namesFamily = isHead && namedFamilies.insert(familyId).inserted
            newSourceKey = opensHousehold ? promoted.removeValue(forKey: id) : nil
        case .new(let ordinal) where ordinal == newHouseholds:
            newHouseholds += 1
            opensHousehold = true
        case .new:
            break
        }

        let placedPerson: RowPlacement.Person
        var insertsPerson = false
        var repeatsPerson = false
        if let previous = people.updateValue(.new(ordinal: newPeople), forKey: person.personId) {
            people[person.personId] = previous
            placedPerson = previous
            switch previous {
            case .known(let id): repeatsPerson = !knownPeopleMet.insert(id).inserted
            case .new: repeatsPerson = true
            }
        } else {
            placedPerson = .new(ordinal: newPeople)
            newPeople += 1
            insertsPerson = true
        }

        let identities = (household: Self.identity(household), person: Self.identity(placedPerson))
        var listedBefore: UInt64 = 0
        if person.involvements.count <= 64 {
            for (index, involvement) in person.involvements.enumerated()
            where !involvementsSeen.insert(Self.key(involvement, of: identities)).inserted {
                listedBefore |= 1 << UInt64(index)
            }
        } else {
            // Only a malformed extract lists more than 64 components in a row: drop the repeats.
            person.involvements.removeAll { !involvementsSeen.insert(Self.key($0, of: identities)).inserted }
        }
        return RowPlacement(household: household, opensHousehold: opensHousehold, namesFamily: namesFamily,
                            person: placedPerson, insertsPerson: insertsPerson, repeatsPerson: repeatsPerson, newSourceKey: newSourceKey,
                            involvementsListedBefore: listedBefore)
    }

    /// A household's placement; for a new household met again, whether this row (its head, met
    /// for the first time) names its family.
    private static func visit(_ state: inout HouseholdState, isHead: Bool) -> (RowPlacement.Household, namesFamily: Bool) {
        guard case .new = state.placement, isHead, !state.named else { return (state.placement, false) }
        state.named = true
        return (state.placement, true)
    }

    private static func key(_ involvement: ExtractInvolvement, of identities: (household: Int64, person: Int64)) -> InvolvementKey {
        // Welfare-to-Work is the person's; everything else is the household's (an extract may
        // list only the parents of a child in reunification).
        let personal = involvement.component == .welfareToWork
        return InvolvementKey(
            household: identities.household, person: personal ? identities.person : 0,
            component: number(involvement.component),
            start: involvement.start?.dayNumber ?? -1, end: involvement.end?.dayNumber ?? -1)
    }

    /// A component as a small number, quicker to hash than its name.
    private static func number(_ component: ServiceComponent) -> Int {
        switch component {
        case .cashAid: return 0
        case .welfareToWork: return 1
        case .familyStabilization: return 2
        case .emergencyResponse: return 3
        case .familyMaintenance: return 4
        case .familyReunification: return 5
        case .permanencyPlanning: return 6
        }
    }

    /// A number for a household that no other household in the import shares: stored ones by id
    /// (positive), new ones by ordinal (negative).
    private static func identity(_ household: RowPlacement.Household) -> Int64 {
        switch household {
        case .known(let id, _): return id
        case .new(let ordinal): return -Int64(ordinal) - 1
        }
    }

    private static func identity(_ person: RowPlacement.Person) -> Int64 {
        switch person {
        case .known(let id): return id
        case .new(let ordinal): return -Int64(ordinal) - 1
        }
    }
}
