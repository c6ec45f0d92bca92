/// A person as one source (a CalWORKs case, a Child Welfare referral, or a Linkages intake)
/// records them. The same human may appear once in each program's data; linking, not
/// merging, is how Linkages relates those records.
public struct Person: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var householdId: Int64
    /// The person's id in the source system (CalSAWS or CWS/CMS), when known.
    public var sourcePersonId: String?
    public var firstName: String
    public var middleName: String?
    /// The full surname as written, compound and hyphenated surnames included ("Núñez-García").
    public var lastName: String
    public var dateOfBirth: CalendarDate?
    public var sex: Sex
    public var relationship: Relationship
    /// The person's role in a Child Welfare referral (child, parent, caretaker).
    public var caseRole: CaseRole?
    /// Medi-Cal Client Index Number.
    public var cin: String?
    /// Social Security number, nine digits without dashes.
    public var ssn: String?
    public var phone: String?
    public var raceEthnicity: RaceEthnicity

    public init(
        id: Int64? = nil, householdId: Int64, sourcePersonId: String? = nil, firstName: String,
        middleName: String? = nil, lastName: String, dateOfBirth: CalendarDate? = nil, sex: Sex = .unknown,
        relationship: Relationship = .unknown, caseRole: CaseRole? = nil, cin: String? = nil,
        ssn: String? = nil, phone: String? = nil, raceEthnicity: RaceEthnicity = .unknown
    ) {
        self.id = id
        self.householdId = householdId
        self.sourcePersonId = sourcePersonId
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.relationship = relationship
        self.caseRole = caseRole
        self.cin = cin
        self.ssn = ssn
        self.phone = phone
        self.raceEthnicity = raceEthnicity
    }

    /// "José Núñez-García".
    public var fullName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "Núñez-García, José": the way case lists sort and show people.
    public var sortableName: String {
        lastName.isEmpty ? firstName : "\(lastName), \(firstName)"
    }

    public func age(on date: CalendarDate) -> Int? {
        dateOfBirth?.age(on: date)
    }

    public var isAdult: Bool {
        relationship.isAdultRole
    }
}

public enum Sex: String, Codable, CaseIterable, Sendable {
    case female, male, nonbinary, unknown

    /// One letter, as case lists show it.
    public var code: String {
        switch self {
        case .female: return "F"
        case .male: return "M"
        case .nonbinary: return "X"
        case .unknown: return "?"
        }
    }
}

/// Relationship to the head of the household (the CalWORKs case head or the referral's parent).
public enum Relationship: String, Codable, CaseIterable, Sendable {
    case head, spouse, partner, child, stepchild, grandchild, parent, grandparent, sibling
    case otherRelative, nonRelative, unknown

    public var displayName: String {
        switch self {
        case .head: return "head"
        case .spouse: return "spouse"
        case .partner: return "partner"
        case .child: return "child"
        case .stepchild: return "stepchild"
        case .grandchild: return "grandchild"
        case .parent: return "parent"
        case .grandparent: return "grandparent"
        case .sibling: return "sibling"
        case .otherRelative: return "other relative"
        case .nonRelative: return "non-relative"
        case .unknown: return "unknown"
        }
    }

    var isAdultRole: Bool {
        switch self {
        case .head, .spouse, .partner, .parent, .grandparent: return true
        default: return false
        }
    }
}

/// A person's role in a Child Welfare referral or case.
public enum CaseRole: String, Codable, CaseIterable, Sendable {
    case child, parent, caretaker

    public var displayName: String { rawValue }
}

/// Race and ethnicity in the categories California's child-welfare dashboards report
/// (CCWIP: Black, White, Latino, Asian/Pacific Islander, Native American, missing).
public enum RaceEthnicity: String, Codable, CaseIterable, Sendable {
    case black, white, latino, asianPacificIslander, nativeAmerican, unknown

    public var displayName: String {
        switch self {
        case .black: return "Black"
        case .white: return "White"
        case .latino: return "Latino"
        case .asianPacificIslander: return "Asian/Pacific Islander"
        case .nativeAmerican: return "Native American"
        case .unknown: return "Missing"
        }
    }
}
