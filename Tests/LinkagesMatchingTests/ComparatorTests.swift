import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesMatching

/// A record for tests: only what a test names differs from a plain default.
func person(
    _ first: String = "Maria", _ last: String = "Lopez", dob: String = "1990-04-12", sex: String = "F", ssn: String = "",
    cin: String = "", street: String = "120 Elm St", zip: String = "93701", phone: String = "559-555-0101", id: String = "x"
) -> MatchRecord {
    MatchRecord(id: id, household: "h", first: first, last: last, dob: dob, sex: sex, ssn: ssn, cin: cin, zip: zip, phone: phone,
                street: street, nicknames: testNicknames)
}

let testNicknames = try! Nicknames.bundled()

@Suite("Comparing two records field by field")
struct ComparatorTests {
    let comparator = Comparator()

    func level(_ field: MatchField, _ a: MatchRecord, _ b: MatchRecord) -> Int {
        comparator.compare(a, b).level(field)
    }

    @Test("first names: the same, a nickname, a typo, sound-alike, an initial, different")
    func firstNames() {
        let maria = person("María")
        #expect(level(.firstName, maria, person("MARIA")) == 0)
        #expect(level(.firstName, person("José"), person("Pepe")) == 1)
        #expect(level(.firstName, maria, person("Mraia")) == 2)
        #expect(level(.firstName, person("Yesenia"), person("Llesenia")) <= 3)
        #expect(level(.firstName, maria, person("M")) == 4)
        #expect(level(.firstName, maria, person("Esperanza")) == 5)
        #expect(level(.firstName, maria, person("")) == ComparisonVector.missingLevel)
    }

    @Test("surnames: in either order, one of two, a typo, or a married name")
    func lastNames() {
        let nunez = person("José", "Núñez-García")
        #expect(level(.lastName, nunez, person("Jose", "Nunez Garcia")) == 0)
        #expect(level(.lastName, nunez, person("Jose", "Garcia Nunez")) == 1)
        #expect(level(.lastName, nunez, person("Jose", "Garcia Nunze")) == 1)
        #expect(level(.lastName, nunez, person("Jose", "Núñez")) == 2)
        #expect(level(.lastName, person("Ana", "Hernandez"), person("Ana", "Hernadez")) == 3)
        #expect(level(.lastName, person("Ana", "Hernandez"), person("Ana", "Whitehorse")) == 5)
    }

    @Test("birth dates: day and month swapped, one digit, same month, a year apart")
    func birthDates() {
        let april = person(dob: "1990-04-12")
        #expect(level(.birthDate, april, person(dob: "04/12/1990")) == 0)
        #expect(level(.birthDate, april, person(dob: "1990-12-04")) == 1)
        #expect(level(.birthDate, april, person(dob: "1990-04-13")) == 2)
        #expect(level(.birthDate, april, person(dob: "1990-04-28")) == 3)
        #expect(level(.birthDate, april, person(dob: "1991-04-12")) == 2)  // one digit is also a year apart
        #expect(level(.birthDate, april, person(dob: "1989-04-12")) == 4)
        #expect(level(.birthDate, april, person(dob: "2011-07-30")) == 5)
    }

    @Test("identifiers: a one-digit slip or two digits swapped still nearly agree")
    func identifiers() {
        let ssn = person(ssn: "912-34-5678")
        #expect(level(.ssn, ssn, person(ssn: "912345678")) == 0)
        #expect(level(.ssn, ssn, person(ssn: "912-34-5679")) == 1)
        #expect(level(.ssn, ssn, person(ssn: "912-43-5678")) == 1)
        #expect(level(.ssn, ssn, person(ssn: "123-45-6789")) == 2)
        #expect(level(.ssn, ssn, person(ssn: "")) == ComparisonVector.missingLevel)
        #expect(level(.cin, person(cin: "91234567a"), person(cin: "91234567A")) == 0)
    }

    @Test("address: the house number must agree, the street may be spelt differently")
    func address() {
        let home = person(street: "120 N. Elm Street", phone: "559-555-0101")
        #expect(level(.address, home, person(street: "120 N Elm Street", phone: "(559) 555-0101")) == 0)
        #expect(level(.address, home, person(street: "120 N Elm Street", phone: "")) == 1)
        #expect(level(.address, home, person(street: "122 N Elm Street", phone: "559-555-0101")) == 2)
        #expect(level(.address, home, person(street: "122 N Elm Street", phone: "")) == 3)
        #expect(level(.address, home, person(street: "9 Oak Ave", zip: "90001", phone: "")) == 4)
        #expect(comparator.compare(home, person(street: "120 N Elm Street")).sharesHome)
    }

    static func oneOf(_ values: [String]) -> Generator<String, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }
    static let name = oneOf(["María", "Maria", "Mraia", "José", "Pepe", "Lupe", "Guadalupe", "Ana", "", "M"])
    static let surname = oneOf(["Núñez-García", "Garcia Nunez", "Nunez", "Lopez", "Lopze", "de la Cruz", "Cruz", ""])
    static let date = oneOf(["1990-04-12", "1990-12-04", "1990-04-13", "1991-04-12", "2011-07-30", ""])

    @Test("comparing is symmetric: the same levels whichever record comes first")
    func symmetric() {
        let records = zip(Self.name, Self.surname, Self.date).map { first, last, dob in person(first, last, dob: dob) }
        forAll(zip(records, records), count: 1_000) { a, b in
            #expect(comparator.compare(a, b) == comparator.compare(b, a))
        }
    }

    @Test("a record compared with itself agrees on every field it has")
    func identical() {
        forAll(zip(Self.name, Self.surname, Self.date), count: 300) { first, last, dob in
            let record = person(first, last, dob: dob)
            let vector = comparator.compare(record, record)
            for field in MatchField.allCases {
                #expect([0, ComparisonVector.missingLevel].contains(vector.level(field)), "\(field)")
            }
        }
    }
}
