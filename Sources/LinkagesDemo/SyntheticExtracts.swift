import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesResources

/// What to generate.
public struct SyntheticOptions: Sendable {
    /// People in the CalWORKs extract.
    public var calworks: Int
    /// People in the Child Welfare extract.
    public var childWelfare: Int
    /// The share of Child Welfare people who are also in CalWORKs (the same human).
    public var overlap: Double
    public var seed: UInt64
    public var today: CalendarDate

    public init(calworks: Int, childWelfare: Int, overlap: Double, seed: UInt64, today: CalendarDate) {
        self.calworks = calworks
        self.childWelfare = childWelfare
        self.overlap = overlap
        self.seed = seed
        self.today = today
    }
}

/// Counts of what was written.
public struct SyntheticSummary: Equatable, Sendable {
    public var calworksRows = 0
    public var childWelfareRows = 0
    public var truePairs = 0
}

/// The three generated files held in memory, for tests and the demo database.
public struct SyntheticExtractFiles: Sendable {
    public var calworks: Data
    public var childWelfare: Data
    public var truth: Data
    public var summary: SyntheticSummary

    public static func generate(_ options: SyntheticOptions) throws -> SyntheticExtractFiles {
        var generator = try ExtractGenerator(seed: options.seed, today: options.today)
        var calworks = "", childWelfare = "", truth = ""
        let summary = generator.generate(options, calworks: { calworks += $0 }, childWelfare: { childWelfare += $0 }, truth: { truth += $0 })
        return SyntheticExtractFiles(calworks: Data(calworks.utf8), childWelfare: Data(childWelfare.utf8), truth: Data(truth.utf8), summary: summary)
    }
}

/// Writes a CalWORKs extract, a Child Welfare extract and the truth (which rows are the same
/// person), as county systems would: whole households with parents, children, siblings, twins,
/// fathers and their juniors who share a surname, an address and a phone; and in Child
/// Welfare's copy the errors real extracts have: typos, lost accents, nicknames, compound surnames
/// in the other order, married surnames, day and month swapped, missing SSNs, moved addresses.
public struct ExtractGenerator {
    private var random: SeededGenerator
    private let names: NameLists
    private let places: Places
    private let nicknames: [String: [String]]
    private let today: CalendarDate
    private var nextPerson = 0
    private var nextCase = 0

    /// One human being in the generated county.
    struct Human {
        var first: String
        var middle: String
        var last: String
        var suffix: String
        var dob: CalendarDate
        var sex: Sex
        var ssn: String
        var cin: String
        var relationship: Relationship
        var role: CaseRole
    }

    struct Home {
        var members: [Human]
        var street: String
        var city: String
        var zip: String
        var phone: String
    }

    public static let calworksHeader = ExtractColumn.columns(for: .calworks).map(\.rawValue)
    /// Every referral the generator writes is open: it has no use for the columns that end one.
    public static let childWelfareHeader = ExtractColumn.columns(for: .childWelfare)
        .filter { $0 != .serviceStatus && $0 != .serviceEnd }.map(\.rawValue)
    public static let truthHeader = ["calworks_id", "cws_id"]

    public init(seed: UInt64, today: CalendarDate) throws {
        let resources = try DemoResources.load()
        random = SeededGenerator(seed: seed)
        names = resources.names
        places = resources.places
        self.today = today
        nicknames = Self.parseNicknames(String(decoding: try LinkagesResources.data("nicknames.csv", in: "matching"), as: UTF8.self))
    }

    static func parseNicknames(_ text: String) -> [String: [String]] {
        var table: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("name,") {
            let parts = line.split(separator: ",", maxSplits: 1)
            guard parts.count == 2 else { continue }
            table[String(parts[0])] = parts[1].split(separator: ";").map(String.init)
        }
        return table
    }

    /// Writes the three files through the given line writers (each gets CSV lines with CRLF).
    public mutating func generate(
        _ options: SyntheticOptions, calworks: (String) -> Void, childWelfare: (String) -> Void, truth: (String) -> Void
    ) -> SyntheticSummary {
        var summary = SyntheticSummary()
        calworks(CSVWriter.row(Self.calworksHeader))
        childWelfare(CSVWriter.row(Self.childWelfareHeader))
        truth(CSVWriter.row(Self.truthHeader))
        let wantedOverlap = Int(Double(options.childWelfare) * options.overlap)
        // About 85% of a household's members appear in its Child Welfare record.
        let householdShare = min(1, Double(wantedOverlap) / (0.85 * Double(max(1, options.calworks))))
        // CalWORKs households; some of them also known to Child Welfare.
        while summary.calworksRows < options.calworks {
            let home = makeHome()
            let ids = writeCalWORKs(home, to: calworks)
            summary.calworksRows += ids.count
            if summary.truePairs < wantedOverlap && random.chance(householdShare) {
                let written = writeChildWelfare(home, to: childWelfare, calworksIds: ids, truth: truth)
                summary.childWelfareRows += written
                summary.truePairs += written
            }
        }
        // Families known to Child Welfare only.
        while summary.childWelfareRows < options.childWelfare {
            summary.childWelfareRows += writeChildWelfare(makeHome(), to: childWelfare, calworksIds: nil, truth: truth)
        }
        return summary
    }

    // MARK: Households

    private mutating func makeHome() -> Home {
        let group = pickGroup()
        let surname = makeSurname(group)
        var members: [Human] = []
        let headSex: Sex = random.chance(0.78) ? .female : .male
        let headAge = random.int(19...55)
        // Parents do not give two children the same name (but for the deliberate cases below).
        var used: Set<String> = []
        var head = makeHuman(group, sex: headSex, last: surname, age: headAge, relationship: .head, role: .parent, avoiding: used)
        used.insert(head.first)
        if random.chance(0.3) {
            let partnerSex: Sex = headSex == .female ? .male : .female
            let partnerSurname = random.chance(0.5) ? surname : makeSurname(group)
            let partner = makeHuman(group, sex: partnerSex, last: partnerSurname, age: max(19, headAge + random.int(-6...6)),
                                    relationship: .partner, role: .parent, avoiding: used)
            used.insert(partner.first)
            members.append(partner)
        }
        let father = headSex == .male ? head : members.first { $0.sex == .male }
        let childCount = random.int(1...4)
        var previous: Human?
        for index in 0..<childCount {
            let age = random.int(0...max(0, min(17, headAge - 16)))
            var child = makeHuman(group, sex: random.chance(0.5) ? .female : .male, last: surname, age: age,
                                  relationship: .child, role: .child, avoiding: used)
            // Hard cases: a twin, a junior named after his father, a daughter named after her mother.
            if index > 0, let sibling = previous, random.chance(0.04) {
                child.dob = sibling.dob
                if random.chance(0.6) { child.sex = sibling.sex }
                child.first = randomFirst(group, sex: child.sex, avoiding: used)
            } else if let father, child.sex == .male, random.chance(0.03) {
                child.first = father.first
                child.suffix = "Jr"
            } else if headSex == .female, child.sex == .female, random.chance(0.02) {
                child.first = head.first
            }
            used.insert(child.first)
            members.append(child)
            previous = child
        }
        head.suffix = ""
        members.insert(head, at: 0)
        let city = random.pick(places.cities)
        return Home(members: members, street: "\(random.int(100...9999)) \(random.pick(places.streets))", city: city.city,
                    zip: random.pick(city.zips), phone: "559-" + random.digits(3) + "-" + random.digits(4))
    }

    private mutating func makeHuman(
        _ group: NameLists.Group, sex: Sex, last: String, age: Int, relationship: Relationship, role: CaseRole, avoiding used: Set<String>
    ) -> Human {
        let middle = random.chance(0.25) ? randomFirst(group, sex: sex, avoiding: []) : ""
        return Human(
            first: randomFirst(group, sex: sex, avoiding: used), middle: middle, last: last, suffix: "",
            dob: today.adding(days: -random.int(1...364)).adding(years: -age), sex: sex,
            ssn: "9" + random.digits(8), cin: "9" + random.digits(7) + String(random.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ"))),
            relationship: relationship, role: role)
    }

    private mutating func randomFirst(_ group: NameLists.Group, sex: Sex, avoiding used: Set<String>) -> String {
        let pool = sex == .female ? group.female : group.male
        var name = random.pick(pool)
        var tries = 0
        while used.contains(name) && tries < 20 {
            name = random.pick(pool)
            tries += 1
        }
        return name
    }

    private mutating func pickGroup() -> NameLists.Group {
        let total = names.groups.map(\.weight).reduce(0, +)
        var roll = random.int(0...(total - 1))
        for group in names.groups {
            if roll < group.weight { return group }
            roll -= group.weight
        }
        return names.groups[0]
    }

    private mutating func makeSurname(_ group: NameLists.Group) -> String {
        let first = random.pick(group.surnames)
        guard random.chance(group.compoundSurnames) else { return first }
        var second = random.pick(group.surnames)
        while second == first { second = random.pick(group.surnames) }
        return random.chance(0.5) ? "\(first)-\(second)" : "\(first) \(second)"
    }

    // MARK: Writing

    private mutating func newPersonId(_ prefix: String) -> String {
        nextPerson += 1
        return prefix + String(format: "%09d", nextPerson)
    }

    private mutating func writeCalWORKs(_ home: Home, to write: (String) -> Void) -> [String] {
        nextCase += 1
        let caseNumber = "CW-" + String(format: "%08d", nextCase)
        let begin = today.adding(days: -random.int(30...1800))
        var ids: [String] = []
        for member in home.members {
            let id = newPersonId("P")
            ids.append(id)
            // CalSAWS is the cleaner copy, but not spotless.
            var first = member.first
            if random.chance(0.01) { first = typo(first) }
            var dob = member.dob
            if random.chance(0.01) { dob = swappedDayMonth(dob) ?? dob }
            let inWelfareToWork = member.relationship == .head && random.chance(0.6)
            write(CSVWriter.row([
                id, caseNumber, member.cin, member.ssn, first, member.middle,
                member.suffix.isEmpty ? member.last : member.last + " " + member.suffix,
                dob.iso, member.sex.code, home.street, home.city, home.zip, home.phone, member.relationship.rawValue,
                "active", inWelfareToWork ? "cash_aid;wtw" : "cash_aid", begin.iso, "",
                inWelfareToWork ? WelfareToWorkStatus.demo(ofCase: caseNumber).displayName : "",
            ]))
        }
        return ids
    }

    /// Child Welfare's record of a family: some or all of its members, with the copy's errors.
    /// Returns how many rows were written.
    private mutating func writeChildWelfare(
        _ home: Home, to write: (String) -> Void, calworksIds: [String]?, truth: (String) -> Void
    ) -> Int {
        nextCase += 1
        let referral = "R-" + String(format: "%08d", nextCase)
        let component = random.pick(["ER", "ER", "ER", "FM", "FM", "FR", "PP"])
        let referralDate = today.adding(days: -random.int(0...700))
        let plainText = random.chance(0.5)
        let moved = random.chance(0.25)
        let street = moved ? "\(random.int(100...9999)) \(random.pick(places.streets))" : home.street
        let phone = random.chance(0.3) ? "559-" + random.digits(3) + "-" + random.digits(4) : home.phone
        var written = 0
        for (index, member) in home.members.enumerated() {
            // A referral may leave out a partner or an older child.
            if index > 0 && random.chance(0.15) { continue }
            var first = member.first
            var last = member.last
            if let options = nicknames[Self.fold(first)], random.chance(0.06) {
                first = random.pick(options).capitalized
            }
            if random.chance(0.04) { first = typo(first) }
            if random.chance(0.04) { last = typo(last) }
            if last.contains(" ") || last.contains("-") {
                let parts = last.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
                if parts.count == 2 && random.chance(0.3) { last = parts[1] + " " + parts[0] }
                if random.chance(0.5) { last = last.replacingOccurrences(of: "-", with: " ") }
            }
            if member.sex == .female && member.relationship != .child && random.chance(0.08) {
                last = makeSurname(random.pick(names.groups))  // married (or maiden) name in the other system
            }
            if !member.suffix.isEmpty && random.chance(0.5) { last += " " + member.suffix }
            if plainText {
                first = Self.withoutAccents(first)
                last = Self.withoutAccents(last)
            }
            var dob: CalendarDate? = member.dob
            if random.chance(0.03) { dob = swappedDayMonth(member.dob) ?? member.dob }
            if random.chance(0.02) { dob = oneDigitOff(member.dob) }
            if random.chance(0.01) { dob = nil }
            var ssn = random.chance(0.25) ? member.ssn : ""
            if !ssn.isEmpty && random.chance(0.01) { ssn = typo(ssn, digits: true) }
            let cin = random.chance(0.6) ? member.cin : ""
            let id = newPersonId("C")
            write(CSVWriter.row([
                id, "", cin, ssn, first, "", last, dob?.iso ?? "", member.sex.code, street, home.city, moved ? random.pick(places.cities).zips[0] : home.zip,
                phone, member.relationship.rawValue, referral, component, referralDate.iso, member.role.rawValue,
            ]))
            if let calworksIds {
                truth(CSVWriter.row([calworksIds[index], id]))
            }
            written += 1
        }
        return written
    }

    // MARK: Errors

    private mutating func typo(_ text: String, digits: Bool = false) -> String {
        var characters = Array(text)
        guard characters.count >= 3 else { return text }
        let position = random.int(1...(characters.count - 2))
        let letters = digits ? Array("0123456789") : Array("abcdefghilmnoprstu")
        // An identifier keeps its length: a digit is mistyped or two are swapped.
        switch digits ? random.pick([0, 3]) : random.int(0...3) {
        case 0: characters[position] = random.pick(letters)
        case 1: characters.remove(at: position)
        case 2: characters.insert(random.pick(letters), at: position)
        default: characters.swapAt(position, position + 1)
        }
        return String(characters)
    }

    private func swappedDayMonth(_ date: CalendarDate) -> CalendarDate? {
        guard date.day <= 12, date.day != date.month else { return nil }
        return CalendarDate(year: date.year, month: date.day, day: date.month)
    }

    private mutating func oneDigitOff(_ date: CalendarDate) -> CalendarDate {
        for _ in 0..<10 {
            var digits = Array(date.iso.replacingOccurrences(of: "-", with: ""))
            let position = random.int(2...7)
            digits[position] = Character(String(random.int(0...9)))
            let text = String(digits)
            if let changed = CalendarDate(year: Int(text.prefix(4))!, month: Int(text.dropFirst(4).prefix(2))!, day: Int(text.suffix(2))!),
               changed != date, changed <= today {
                return changed
            }
        }
        return date
    }

    static func withoutAccents(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    static func fold(_ text: String) -> String {
        withoutAccents(text).lowercased()
    }
}
