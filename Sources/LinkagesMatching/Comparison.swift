/// The fields compared, and the levels of agreement each can show.
public enum MatchField: Int, CaseIterable, Sendable, Codable {
    case firstName, lastName, birthDate, ssn, cin, sex, address, generation

    /// How many levels the field has (not counting "missing").
    public var levelCount: Int {
        switch self {
        case .firstName: return 6
        case .lastName: return 6
        case .birthDate: return 6
        case .ssn: return 3
        case .address: return 5
        case .cin, .sex, .generation: return 2
        }
    }

    public var displayName: String {
        switch self {
        case .firstName: return "first name"
        case .lastName: return "last name"
        case .birthDate: return "birth date"
        case .ssn: return "SSN"
        case .cin: return "CIN"
        case .sex: return "sex"
        case .address: return "address and phone"
        case .generation: return "Jr./Sr."
        }
    }

    /// What a level means, in words for a caseworker.
    public func describe(_ level: Int) -> String {
        switch (self, level) {
        case (.firstName, 0): return "first name agrees"
        case (.firstName, 1): return "first names are the same name (nickname)"
        case (.firstName, 2): return "first name is nearly the same (a typo)"
        case (.firstName, 3): return "first name sounds alike"
        case (.firstName, 4): return "first name matches an initial"
        case (.firstName, _): return "first name differs"
        case (.lastName, 0): return "last name agrees"
        case (.lastName, 1): return "the same surnames, in another order or with a typo"
        case (.lastName, 2): return "last names share a surname"
        case (.lastName, 3): return "last name is nearly the same (a typo)"
        case (.lastName, 4): return "last name sounds alike"
        case (.lastName, _): return "last name differs"
        case (.birthDate, 0): return "birth date agrees"
        case (.birthDate, 1): return "birth date has day and month swapped"
        case (.birthDate, 2): return "birth date differs by one digit"
        case (.birthDate, 3): return "birth year and month agree"
        case (.birthDate, 4): return "birth date is a year apart"
        case (.birthDate, _): return "birth date differs"
        case (.ssn, 0): return "SSN agrees"
        case (.ssn, 1): return "SSN differs by one digit"
        case (.ssn, _): return "SSN differs"
        case (.cin, 0): return "CIN agrees"
        case (.cin, _): return "CIN differs"
        case (.sex, 0): return "sex agrees"
        case (.sex, _): return "sex differs"
        case (.address, 0): return "same address and phone"
        case (.address, 1): return "same address"
        case (.address, 2): return "same phone"
        case (.address, 3): return "same ZIP code only"
        case (.address, _): return "address and phone differ"
        case (.generation, 0): return "Jr./Sr. agree"
        case (.generation, _): return "one is Jr. or Sr., the other is not"
        }
    }

    public var missingDescription: String {
        "\(displayName) missing on one side"
    }
}

/// The level of agreement of every field for one pair, four bits a field; 15 means missing.
public struct ComparisonVector: Hashable, Sendable {
    public var bits: UInt64

    /// The level of a field that one record or the other lacks.
    public static let missingLevel = 15

    public init(bits: UInt64 = 0) {
        self.bits = bits
    }

    public func level(_ field: MatchField) -> Int {
        Int(bits >> UInt64(field.rawValue * 4) & 15)
    }

    /// Whether the two records give the same home (street address or phone): then they may be
    /// two people of one household, and names and birth dates are weighed as among housemates.
    public var sharesHome: Bool {
        let level = level(.address)
        return level <= 2
    }

    public mutating func set(_ field: MatchField, _ level: Int) {
        let shift = UInt64(field.rawValue * 4)
        bits = bits & ~(15 << shift) | UInt64(level) << shift
    }
}

/// Compares two records field by field.
public struct Comparator: Sendable {
    private let missing = ComparisonVector.missingLevel

    public init() {}

    public func compare(_ a: MatchRecord, _ b: MatchRecord) -> ComparisonVector {
        var vector = ComparisonVector()
        vector.set(.firstName, firstName(a, b))
        vector.set(.lastName, lastName(a, b))
        vector.set(.birthDate, birthDate(a.dob, b.dob))
        vector.set(.ssn, ssn(a.ssn, b.ssn))
        vector.set(.cin, a.cin.isEmpty || b.cin.isEmpty ? missing : (a.cin == b.cin ? 0 : 1))
        vector.set(.sex, a.sex == 0 || b.sex == 0 ? missing : (a.sex == b.sex ? 0 : 1))
        vector.set(.address, address(a, b))
        vector.set(.generation, a.name.generation == b.name.generation ? 0 : 1)
        return vector
    }

    func firstName(_ a: MatchRecord, _ b: MatchRecord) -> Int {
        let x = a.name.first, y = b.name.first
        if x.isEmpty || y.isEmpty { return missing }
        if x == y { return 0 }
        if Nicknames.areSame(a.nicknameGroups, b.nicknameGroups) { return 1 }
        if x.count == 1 || y.count == 1 { return x[0] == y[0] ? 4 : 5 }
        let similarity = StringSimilarity.jaroWinkler(x, y)
        if similarity >= 0.92 || (min(x.count, y.count) >= 3 && StringSimilarity.editDistance(x, y, limit: 1) <= 1) { return 2 }
        if similarity >= 0.8 || a.firstKey == b.firstKey { return 3 }
        return 5
    }

    func lastName(_ a: MatchRecord, _ b: MatchRecord) -> Int {
        let x = a.name.surnames, y = b.name.surnames
        if x.isEmpty || y.isEmpty { return missing }
        if x == y { return 0 }
        if x.count == y.count && (Self.sameWords(x, y) || (x.count >= 2 && Self.sameWordsUpToTypos(x, y))) { return 1 }
        if x.contains(where: { word in word.count >= 3 && y.contains(word) }) { return 2 }
        var best = 0.0
        for left in x { for right in y { best = max(best, StringSimilarity.jaroWinkler(left, right)) } }
        if best >= 0.92 || (x.count > 1 || y.count > 1) && StringSimilarity.jaroWinkler(a.name.surname, b.name.surname) >= 0.92 { return 3 }
        if a.surnameKeys.contains(where: b.surnameKeys.contains) { return 4 }
        return 5
    }

    func address(_ a: MatchRecord, _ b: MatchRecord) -> Int {
        guard a.hasContact && b.hasContact else { return missing }
        let samePhone = a.phone != 0 && a.phone == b.phone
        let sameStreet = a.houseNumber != 0 && a.houseNumber == b.houseNumber && !a.streetName.isEmpty && !b.streetName.isEmpty
            && StringSimilarity.jaroWinkler(a.streetName, b.streetName) >= 0.9
        switch (sameStreet, samePhone) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return 2
        default: return a.zip != 0 && a.zip == b.zip ? 3 : 4
        }
    }

    /// The same words, in any order.
    static func sameWords(_ x: [[UInt8]], _ y: [[UInt8]]) -> Bool {
        x.allSatisfy(y.contains) && y.allSatisfy(x.contains)
    }

    /// Every word of one has a nearly identical word in the other ("lopez vasquez", "vasquez lopze").
    static func sameWordsUpToTypos(_ x: [[UInt8]], _ y: [[UInt8]]) -> Bool {
        x.allSatisfy { left in y.contains { StringSimilarity.jaroWinkler(left, $0) >= 0.92 } }
            && y.allSatisfy { right in x.contains { StringSimilarity.jaroWinkler(right, $0) >= 0.92 } }
    }

    func birthDate(_ x: Int32, _ y: Int32) -> Int {
        if x == 0 || y == 0 { return missing }
        if x == y { return 0 }
        let (xy, xm, xd) = (x / 10_000, x / 100 % 100, x % 100)
        let (yy, ym, yd) = (y / 10_000, y / 100 % 100, y % 100)
        if xy == yy && xm == yd && xd == ym { return 1 }
        var different = 0
        var left = x, right = y
        for _ in 0..<8 {
            if left % 10 != right % 10 { different += 1 }
            left /= 10
            right /= 10
        }
        if different == 1 { return 2 }
        if xy == yy && xm == ym { return 3 }
        if abs(xy - yy) == 1 && xm == ym && xd == yd { return 4 }
        return 5
    }

    func ssn(_ x: Int64, _ y: Int64) -> Int {
        if x == 0 || y == 0 { return missing }
        if x == y { return 0 }
        return Self.oneDigitApart(x, y) ? 1 : 2
    }

    /// Two nine-digit numbers that differ in one digit or by two neighbouring digits swapped.
    static func oneDigitApart(_ x: Int64, _ y: Int64) -> Bool {
        var left = x, right = y
        var differences = 0
        var firstPosition = -1
        var firstLeft: Int64 = 0, firstRight: Int64 = 0
        var swapped = false
        for position in 0..<9 {
            let a = left % 10, b = right % 10
            if a != b {
                differences += 1
                if differences == 1 {
                    (firstPosition, firstLeft, firstRight) = (position, a, b)
                } else if differences == 2 {
                    swapped = position == firstPosition + 1 && a == firstRight && b == firstLeft
                } else {
                    return false
                }
            }
            left /= 10
            right /= 10
        }
        return differences == 1 || (differences == 2 && swapped)
    }
}
