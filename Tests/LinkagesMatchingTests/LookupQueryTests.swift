import LinkagesDomain
import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesMatching

@Suite("The household lookup's query")
struct LookupQueryTests {
    let nicknames = Nicknames(csv: "name,nicknames\nJosé,Pepe;Chepe\nGuadalupe,Lupe;Lupita\n")

    func person(_ first: String, _ last: String, born: String? = nil, middle: String = "") -> LookupCandidate {
        LookupCandidate(firstName: first, middleName: middle, lastName: last, dateOfBirth: born.flatMap(CalendarDate.init),
                        identifiers: [("CIN", "91111111A")])
    }

    func explain(_ typed: String, _ candidate: LookupCandidate, widened: Bool = false) -> [String]? {
        let query = LookupQuery(typed, nicknames: nicknames)
        return (widened ? query.widened()! : query).explain(candidate)?.reasons
    }

    @Test("each way a name matches is said in plain words")
    func reasons() {
        let jose = person("José", "Núñez-García", born: "1988-10-14")
        #expect(explain("jose nunez", jose) == ["first name José", "surname Núñez-García"])
        #expect(explain("garcia pepe", jose) == ["surname Núñez-García", "“pepe” is a nickname for José (first name)"])
        #expect(explain("jose nun", jose) == ["first name José", "surname Núñez-García starts with “nun”"])
        #expect(explain("jose nunes", jose) == ["first name José", "“nunes” sounds like Núñez-García (surname)"])
        #expect(explain("jose nubez", jose) == nil)
        #expect(explain("jose nubez", jose, widened: true) == ["first name José", "“nubez” is close to Núñez-García (surname)"])
        #expect(explain("jose 10/14/1988", jose) == ["first name José", "born 10/14/1988"])
        #expect(explain("14/10/1988", jose) == ["born 10/14/1988"])  // only readable day first
        let twin = person("Ana", "Cruz", born: "2015-01-02")
        #expect(explain("02/01/2015", twin) == ["born 01/02/2015: the day and month typed the other way round"])
        #expect(explain("91111111a", jose) == ["CIN 91111111A"])
        #expect(explain("maria", jose) == nil)
        #expect(explain("jose 01/01/1990", jose) == nil)
    }

    @Test("a date or a number still being typed is set aside, and one letter is not a search")
    func unfinished() {
        let query = LookupQuery("lupe 10/1", nicknames: nicknames)
        #expect(query.unfinished == ["10/1"] && query.dates.isEmpty && query.names.count == 1)
        #expect(LookupQuery("10", nicknames: nicknames).isEmpty)
        #expect(LookupQuery("j", nicknames: nicknames).isEmpty)
        #expect(!LookupQuery("jo", nicknames: nicknames).isEmpty)
        #expect(LookupQuery("jo", nicknames: nicknames).names[0].isPrefix)
        #expect(!LookupQuery("jo ", nicknames: nicknames).names[0].isPrefix)
    }

    /// Names of one to three words drawn from accented letters.
    static let name = Gen.character(in: "a"..."h").string(of: 2...7).map { word -> String in
        word.replacingOccurrences(of: "a", with: "á").replacingOccurrences(of: "e", with: "É")
    }

    @Test("anyone is found by their own name typed without accents, in either order, and by every start of it")
    func foundByOwnName() {
        forAll(zip(Self.name, Self.name), count: 500) { first, last in
            let candidate = person(first, last)
            let plain = { (text: String) in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }
            let typed = "\(plain(first)) \(plain(last))"
            for length in 2...typed.count {
                #expect(explain(String(typed.prefix(length)), candidate) != nil, "\(typed.prefix(length))")
            }
            #expect(explain("\(plain(last)) \(plain(first))", candidate) != nil)
            // Every term the lookup's index holds for the name comes from its words.
            let terms = LookupTerms.terms(first: first, middle: "", last: last).split(separator: " ")
            #expect(terms.contains(Substring(plain(first))) && terms.contains(Substring(plain(last))))
        }
    }
}
