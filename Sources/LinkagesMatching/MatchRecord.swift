import LinkagesDomain

/// One person from one program's extract, prepared for matching: names folded and keyed,
/// identifiers reduced to numbers, so that comparing two records is cheap.
public final class MatchRecord: Sendable {
    /// The person's id in the source system.
    public let id: String
    /// The household (case or referral) the person is in.
    public let household: String
    public let name: FoldedName
    public let firstKey: UInt64
    /// The nickname groups of the first name (``Nicknames``), looked up once.
    public let nicknameGroups: [Int32]
    public let surnameKeys: [UInt64]
    /// Date of birth as yyyymmdd, or 0 when missing.
    public let dob: Int32
    /// 1 female, 2 male, 0 otherwise.
    public let sex: UInt8
    /// The nine digits, or 0 when missing.
    public let ssn: Int64
    public let cin: String
    public let zip: Int32
    /// The last seven digits of the phone, or 0.
    public let phone: Int32
    /// The house number (the street address's first run of digits), or 0.
    public let houseNumber: Int32
    /// The street's name, folded, without the house number or the unit.
    public let streetName: [UInt8]

    public init(
        id: String, household: String, first: String, middle: String = "", last: String, dob: String,
        sex: String, ssn: String, cin: String, zip: String, phone: String, street: String, nicknames: Nicknames
    ) {
        self.id = id
        self.household = household
        name = FoldedName(first: first, middle: middle, last: last)
        firstKey = name.first.isEmpty ? 0 : Phonetic.key(name.first)
        nicknameGroups = nicknames.groups(of: name.first)
        surnameKeys = name.surnames.map(Phonetic.key)
        self.dob = CalendarDate(dob).map { Int32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? 0
        switch sex.lowercased() {
        case "f", "female": self.sex = 1
        case "m", "male": self.sex = 2
        default: self.sex = 0
        }
        self.ssn = Self.number(ssn, digits: 9)
        self.cin = cin.uppercased()
        self.zip = Int32(Self.number(String(zip.prefix(5)), digits: 5))
        let phoneDigits = phone.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
        self.phone = phoneDigits.count >= 7 ? Int32(Self.number(String(decoding: phoneDigits.suffix(7), as: UTF8.self), digits: 7)) : 0
        let address = Self.streetParts(street)
        houseNumber = address.number
        streetName = address.name
    }

    /// The digits of `text` as a number when there are exactly `digits` of them, else 0.
    static func number(_ text: String, digits: Int) -> Int64 {
        var value: Int64 = 0
        var count = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 {
            value = value * 10 + Int64(byte - 0x30)
            count += 1
        }
        return count == digits ? value : 0
    }

    /// "1234 N. Maple Ave, Apt 5" → (1234, `n maple ave apt`): the number tells neighbours on
    /// one street apart.
    static func streetParts(_ street: String) -> (number: Int32, name: [UInt8]) {
        var number: Int32 = 0
        var digits = 0
        for byte in street.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 9 else { continue }
                number = number * 10 + Int32(byte - 0x30)
                digits += 1
            } else if digits > 0 {
                break
            }
        }
        return (number, Array(NameFolding.words(street).joined(separator: [0x20])))
    }

    /// Whether the record has any part of an address or a phone.
    var hasContact: Bool { !streetName.isEmpty || phone != 0 || zip != 0 }

    /// Birth date parts.
    var year: Int32 { dob / 10_000 }
    var month: Int32 { dob / 100 % 100 }
    var day: Int32 { dob % 100 }
}
