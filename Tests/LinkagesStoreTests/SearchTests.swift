import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Finding a family")
struct SearchTests {
    static let database: AppDatabase = {
        let (database, _) = try! Fixtures.emptyDatabase()
        try! database.addFamily(RecordsTests.family(), at: RecordsTests.created)
        try! database.addFamily(NewFamily(displayName: "Miller, Ashley", households: [
            NewHousehold(source: .calworks, sourceKey: "CW-2", people: [
                Person(householdId: 0, firstName: "Ashley", lastName: "Miller", dateOfBirth: CalendarDate("1990-02-03"), cin: "95550000B"),
            ]),
        ]), at: RecordsTests.created)
        return database
    }()

    func names(_ query: String) throws -> [String] {
        try Self.database.searchFamilies(query, on: Fixtures.today).map(\.displayName)
    }

    @Test("names match without accents, in any order, by their first letters", arguments: [
        "nunez", "Núñez", "NUNEZ", "jose nunez", "nunez jose", "garc", "Núñez-García", "sofia", "Sofía nunez garcia",
    ])
    func accentsAndOrder(query: String) throws {
        #expect(try names(query) == ["Núñez-García, José"])
    }

    @Test("a birth date, a CIN or a case number finds the family")
    func identifiers() throws {
        #expect(try names("10/14/1988") == ["Núñez-García, José"])
        #expect(try names("1990-02-03") == ["Miller, Ashley"])
        #expect(try names("95550000b") == ["Miller, Ashley"])
        #expect(try names("CW-1") == ["Núñez-García, José"])
        #expect(try names("R-1") == ["Núñez-García, José"])
        #expect(try names("sofia 09/23/2017") == ["Núñez-García, José"])
    }

    @Test("a hit says which records the family has and which people matched")
    func hitContents() throws {
        let hit = try #require(try Self.database.searchFamilies("sofia", on: Fixtures.today).first)
        #expect(hit.sources == [.calworks, .childWelfare])
        #expect(Set(hit.matchedPeople.map(\.name)) == ["Sofía Núñez-García", "Sofia Nunez Garcia"])
        #expect(hit.tier.tier == .mutualClient)
    }

    @Test("nicknames, sound-alikes and typos still find the family, and say why")
    func fuzzy() throws {
        let hit = try #require(try Self.database.searchFamilies("pepe nunes", on: Fixtures.today).first)
        #expect(hit.displayName == "Núñez-García, José")
        let jose = try #require(hit.matchedPeople.first)
        #expect(jose.name == "José Núñez-García")
        #expect(jose.reasons == ["“pepe” is a nickname for José (first name)", "“nunes” sounds like Núñez-García (surname)"])
        #expect(try names("Ashly Miler") == ["Miller, Ashley"])
        #expect(try names("garsia sofia") == ["Núñez-García, José"])
    }

    @Test("the best match comes first: the exact name before the sound-alike")
    func ranking() throws {
        let hit = try #require(try Self.database.searchFamilies("jose nunez", on: Fixtures.today).first)
        #expect(hit.matchedPeople[0].reasons == ["first name José", "surname Núñez-García"])
        #expect(hit.matchedPeople[0].score > hit.matchedPeople.last!.score || hit.matchedPeople.count == 1)
    }

    @Test("a birth date typed day first, or with day and month swapped, still finds the person")
    func swappedDates() throws {
        let ashley = try #require(try Self.database.searchFamilies("03/02/1990", on: Fixtures.today).first?.matchedPeople.first)
        #expect(ashley.reasons == ["born 02/03/1990: the day and month typed the other way round"])
        #expect(try names("14/10/1988") == ["Núñez-García, José"])
    }

    @Test("a date still being typed does not empty the list")
    func unfinishedDate() throws {
        let answer = try Self.database.lookUp("ashley 02/0", on: Fixtures.today)
        #expect(answer.hits.map(\.displayName) == ["Miller, Ashley"])
        #expect(answer.unfinished == ["02/0"])
    }

    @Test("nothing, or punctuation only, finds nothing", arguments: ["", "   ", "\"", "*", "-", "'"])
    func emptyQueries(query: String) throws {
        #expect(try names(query).isEmpty)
    }

    @Test("no match is an empty list, not an error")
    func noMatch() throws {
        #expect(try names("zzyzx").isEmpty)
        #expect(try names("12/31/1900").isEmpty)
    }

    @Test("the lookup's index follows a name that is added, changed and removed")
    func indexFollowsNames() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        try database.addFamily(RecordsTests.family(), at: RecordsTests.created)
        func indexed(_ terms: [String]) throws -> [Int] {
            try database.writer.read { db in
                try terms.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM personLookup WHERE personLookup MATCH ?", arguments: [$0]) ?? -1 }
            }
        }
        #expect(try indexed(["sofia", "nunez", "beatriz"]) == [2, 3, 0])
        // The index keeps no copy of the terms: a change takes the old ones out by computing them again.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE person SET firstName = 'Beatriz' WHERE firstName = 'Sofía'")
        }
        #expect(try indexed(["sofia", "nunez", "beatriz"]) == [1, 3, 1])
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM person WHERE firstName = 'Beatriz'")
        }
        #expect(try indexed(["sofia", "nunez", "beatriz"]) == [1, 2, 0])
        #expect(try names("beatriz").isEmpty)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO personLookup(personLookup, rank) VALUES ('integrity-check', 0)")
        }
    }
}
