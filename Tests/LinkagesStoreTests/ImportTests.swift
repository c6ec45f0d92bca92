import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import PropertyBased
import PropertyTesting
import Testing

@Suite("Importing program extracts")
struct ImportTests {
    static let calworks = """
        person_id,case_number,cin,ssn,first_name,middle_name,last_name,dob,sex,street,city,zip,phone,relationship,program_status,components,aid_begin,aid_end,wtw_status
        P1,CW-1,91111111A,900-11-1111,Emma,,Mitchell,05/06/2016,F,418 Magnolia Ave,Fresno,93701,559-555-0187,child,active,cash_aid,2024-01-01,,
        P2,CW-1,92222222B,900111112,Sarah,Ann,Mitchell,1994-09-10,F,418 Magnolia Ave,Fresno,93701,559-555-0187,head,active,cash_aid;wtw,2024-01-01,,Sanction
        P3,CW-2,,,José,,Núñez-García,1988-10-14,M,"2210 Calle Nogal, Apt 3",Sanger,93657,,self,closed,cash_aid,2020-02-01,2023-06-30,

        """

    static let cws = """
        person_id,referral_id,case_number,first_name,last_name,dob,sex,role,service_component,referral_date
        C1,R-9,,Jose,Nunez Garcia,10/14/1988,M,parent,FR,2026-09-09
        C2,R-9,,Sofia,Nunez Garcia,09/23/2017,F,child,FR,2026-09-09
        C3,R-10,K-77,Ana,Cruz,2015-01-02,F,child,ER,2026-11-20

        """

    func importing(_ text: String, _ program: Program, map: ColumnMap = ColumnMap(), maxErrors: Int = 0,
                   into database: AppDatabase? = nil) throws -> (AppDatabase, ImportReport) {
        let database = try database ?? Fixtures.emptyDatabase().0
        let report = try database.importExtract(
            Data(text.utf8), options: ImportOptions(program: program, file: "extract.csv", columnMap: map, maxErrors: maxErrors),
            at: Fixtures.now)
        return (database, report)
    }

    func failure(_ text: String, _ program: Program = .calworks, map: ColumnMap = ColumnMap(), maxErrors: Int = 0) throws -> (String, AppDatabase) {
        let (database, _) = try Fixtures.emptyDatabase()
        do {
            _ = try importing(text, program, map: map, maxErrors: maxErrors, into: database)
            return ("no error", database)
        } catch {
            return ("\(error)", database)
        }
    }

    @Test("a CalWORKs extract with the canonical header becomes households, people and involvement")
    func calworksExtract() throws {
        let (empty, _) = try Fixtures.emptyDatabase()
        let indexes = { try empty.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name") } }
        let before = try indexes()
        let (database, report) = try importing(Self.calworks, .calworks, into: empty)
        #expect(report.rows == 3 && report.householdsAdded == 2 && report.peopleAdded == 3)
        #expect(try indexes() == before)  // a first extract sets the indexes aside and builds them again
        let hit = try #require(try database.searchFamilies("sarah mitchell", on: Fixtures.today).first)
        #expect(hit.displayName == "Mitchell, Sarah")  // named after the case head, not the first row
        let detail = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today))
        let record = try #require(detail.records(from: .calworks).first)
        #expect(record.household.sourceKey == "CW-1")
        #expect(record.household.addressLine == "418 Magnolia Ave, Fresno 93701")
        #expect(record.people.map(\.firstName) == ["Emma", "Sarah"])
        #expect(record.people[0].ssn == "900111111")
        #expect(record.people[1].middleName == "Ann")
        #expect(record.people[1].dateOfBirth == CalendarDate("1994-09-10"))
        let components = record.involvements.map { "\($0.component.rawValue):\($0.personId == nil ? "case" : "person")" }.sorted()
        #expect(components == ["cashAid:case", "welfareToWork:person"])
        #expect(record.involvements.map(\.welfareToWorkStatus).contains(.sanction))
        #expect(detail.tier.tier == .primaryPrevention)
        let jose = try #require(try database.searchFamilies("jose nunez", on: Fixtures.today).first)
        let closed = try #require(try database.familyDetail(id: jose.familyId, on: Fixtures.today)).records[0].involvements[0]
        #expect(closed.status == .closed && closed.endDate == CalendarDate("2023-06-30"))
        #expect(try database.familyDetail(id: jose.familyId, on: Fixtures.today)?.records[0].household.street == "2210 Calle Nogal, Apt 3")
    }

    @Test("a Child Welfare extract: households by case or referral, roles, the household's reunification")
    func childWelfareExtract() throws {
        let (database, report) = try importing(Self.cws, .childWelfare)
        #expect(report.householdsAdded == 2 && report.peopleAdded == 3)
        let hit = try #require(try database.searchFamilies("nunez", on: Fixtures.today).first)
        #expect(hit.displayName == "Nunez Garcia, Jose")
        let record = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today)?.records.first)
        #expect(record.household.sourceKey == "R-9")
        #expect(record.people.map(\.caseRole) == [.parent, .child])
        #expect(record.involvements.map(\.component) == [.familyReunification])
        #expect(record.involvements[0].personId == nil)
        #expect(record.involvements[0].startDate == CalendarDate("2026-09-09"))
        let ana = try #require(try database.searchFamilies("K-77", on: Fixtures.today).first)
        #expect(ana.displayName == "Cruz, Ana")
    }

    @Test("a county's own headers, through a map file")
    func mappedHeaders() throws {
        let county = """
            CLIENT_NO,CASE_NO,FNAME,LNAME,BIRTH_DT,GENDER,EXTRA
            A1,77,Lupe,Ramírez,01/02/1980,F,x

            """
        let map = try ColumnMap.parse("""
            # our column = their column
            person_id = CLIENT_NO
            case_number = case_no
            first_name = FNAME
            last_name = LNAME
            dob = BIRTH_DT
            sex = GENDER
            """, file: "county.map")
        let (database, report) = try importing(county, .calworks, map: map)
        #expect(report.rows == 1)
        #expect(report.ignoredColumns == ["EXTRA"])
        #expect(try database.searchFamilies("lupe ramirez", on: Fixtures.today).first?.displayName == "Ramírez, Lupe")
        #expect(throws: ExtractError.mapFile("m, line 2: 'name' is not a Linkages column (person_id, case_number, cin, ssn, first_name, middle_name, last_name, dob, sex, street, city, zip, phone, relationship, program_status, components, aid_begin, aid_end, wtw_status, referral_id, service_component, referral_date, role, service_status, service_end)")) {
            try ColumnMap.parse("person_id = X\nname = Y", file: "m")
        }
        #expect(throws: ExtractError.mapFile("m, line 1: write one mapping per line, as 'person_id = YOUR COLUMN'")) {
            try ColumnMap.parse("person_id", file: "m")
        }
    }

    @Test("one bad row rejects the file, every bad row is listed, and nothing is written")
    func badRowsReject() throws {
        let text = """
            person_id,case_number,first_name,last_name,dob,sex,ssn,zip
            P1,C1,Ana,Cruz,02/30/1990,F,123,9370
            P2,C1,,,1990-01-01,Q,,
            P3,C2,Luis,Ortiz,2000-01-01,M,,
            ,C3,Mia,Lee,,,,

            """
        let (message, database) = try failure(text)
        #expect(message == """
            3 bad rows (one bad row rejects the file); nothing was imported:
              extract.csv, line 2, column dob: '02/30/1990' is not a date (February 1990 has no day 30); write YYYY-MM-DD or MM/DD/YYYY
              extract.csv, line 2, column ssn: an SSN has 9 digits; this one has 3
              extract.csv, line 2, column zip: '9370' is not a ZIP code: it has 4 digits, not 5; if it began with 0, a spreadsheet dropped the zero: export the file again with this column formatted as Text (in Excel: Data ▸ From Text/CSV, choose the column, set its type to Text; see docs/import-formats.md)
              extract.csv, line 3, column last_name: a first or last name is required
              extract.csv, line 3, column sex: 'Q' is not one of F, M, X or U
              extract.csv, line 5, column person_id: a person id is required
            """)
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 0)
        #expect(try database.searchFamilies("luis", on: Fixtures.today).isEmpty)
    }

    @Test("--max-errors imports the good rows and lists the skipped ones")
    func maxErrors() throws {
        let text = "person_id,case_number,first_name,last_name,dob\nP1,C1,Ana,Cruz,02/30/1990\nP2,C1,Luis,Cruz,2000-01-01\nP3,C1,Mia,Cruz,\n"
        let (database, report) = try importing(text, .calworks, maxErrors: 1)
        #expect(report.rows == 2)
        #expect(report.skippedRows == 1)
        #expect(report.skipped.map(\.description) == [
            "extract.csv, line 2, column dob: '02/30/1990' is not a date (February 1990 has no day 30); write YYYY-MM-DD or MM/DD/YYYY",
        ])
        #expect(try database.searchFamilies("cruz", on: Fixtures.today).first?.matchedPeople.count == 2)
        let (message, _) = try failure(text + "P4,C1,,,\nP5,C1,,,\n", maxErrors: 1)
        #expect(message.hasPrefix("3 bad rows (more than 1 bad rows reject the file); nothing was imported"))
    }

    @Test("a malformed file is refused with its line and position; nothing is written")
    func malformed() throws {
        let (message, database) = try failure("person_id,case_number,first_name,last_name\nP1,C1,Ana,Cruz\nP2,C1,\"Luis,Ortiz\n")
        #expect(message == "extract.csv, line 3, position 7: field 3 opens a quote that is never closed; nothing was imported")
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 0)
        let (width, _) = try failure("person_id,case_number,first_name,last_name\nP1,C1,Ana\n")
        #expect(width.contains("extract.csv, line 2, column (the whole row): it has 3 fields; the header has 4"))
        let (header, _) = try failure("id,case_number,first_name\nP1,C1,Ana\n")
        #expect(header == "extract.csv: the header has no person_id column; name it in a map file (person_id = YOUR COLUMN); nothing was imported")
        let (empty, _) = try failure("person_id,case_number,first_name,last_name\n")
        #expect(empty == "extract.csv has no rows; nothing was imported")
    }

    /// A county extract broken the ways real ones are: a byte-order mark and CRLF line ends
    /// (both fine), then at line 4 a stray quote, a NUL, a 10,000-character field or a
    /// Latin-1 byte.
    @Test("a hand-made broken extract is refused at the line and position of the damage; nothing is written", arguments: [
        (Data("P3,C2,\"Rosa,Díaz\r\n".utf8), "line 4, position 7: field 3 opens a quote that is never closed"),
        (Data("P3,C2,Ro\u{0}sa,Díaz\r\n".utf8), "line 4, position 9: the file has a NUL byte here"),
        (Data("P3,C2,\(String(repeating: "a", count: 10_000)),Díaz\r\n".utf8), "line 4, position 7: field 3 is longer than 1000 characters"),
        (Data("P3,C2,Ros".utf8) + Data([0xE9]) + Data(",Diaz\r\n".utf8), "line 4, position 10: field 3 has the byte 0xE9, which is not UTF-8"),
    ])
    func brokenExtract(damage: Data, message: String) throws {
        let good = Data([0xEF, 0xBB, 0xBF]) + Data("person_id,case_number,first_name,last_name\r\nP1,C1,Ana,Cruz\r\nP2,C1,José,Núñez-García\r\n".utf8)
        let (database, _) = try Fixtures.emptyDatabase()
        let error = #expect(throws: ImportFailure.self) {
            try database.importExtract(good + damage, options: ImportOptions(program: .calworks, file: "broken.csv"), at: Fixtures.now)
        }
        #expect(error.map { "\($0)" }?.hasPrefix("broken.csv, \(message)") == true, "\(String(describing: error))")
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 0)
    }

    @Test("any people written out as a canonical extract import back exactly: accents, quotes, commas, hyphens, either date form")
    func extractRoundTrip() throws {
        let letter = Gen.oneOf(Gen.letter, Gen.always("é"), Gen.always("ñ"), Gen.always("Ú"), Gen.always("ü"))
        let inner = Gen.oneOf(letter, Gen.always("-"), Gen.always("'"), Gen.always(","), Gen.always("\""))
        let name = zip(letter, inner.string(of: 0...10), letter).map { first, middle, last in "\(first)\(middle)\(last)" }
        // Birth dates from 1930 to 2026, written ISO or the US way.
        let born = zip(Gen.int(in: 704_963...740_000), Gen.bool).map { day, iso in (CalendarDate(dayNumber: day), iso) }
        let person = zip(name, name, born)
        forAll(person.array(of: 1...8), count: 40) { people in
            let header = ["person_id", "case_number", "first_name", "last_name", "dob"]
            let rows = people.enumerated().map { index, person in
                ["P\(index)", "C1", person.0, person.1, person.2.1 ? person.2.0.iso : person.2.0.usFormat]
            }
            let text = ([header] + rows).map(CSVWriter.row).joined()
            do {
                let (database, _) = try importing(text, .calworks)
                let read = try database.writer.read { db in
                    try Row.fetchAll(db, sql: "SELECT firstName, lastName, dateOfBirth FROM person ORDER BY sourcePersonId")
                        .map { row -> [String] in [row["firstName"], row["lastName"], row["dateOfBirth"]] }
                }
                #expect(read == people.map { [$0.0, $0.1, $0.2.0.iso] }, "\(text)")
            } catch {
                Issue.record("\(error) importing \(text)")
            }
        }
    }

    @Test("a newer extract updates people by their source id instead of adding them again")
    func reimport() throws {
        let (database, first) = try importing(Self.calworks, .calworks)
        #expect(first.peopleAdded == 3)
        let newer = Self.calworks
            .replacingOccurrences(of: "418 Magnolia Ave", with: "77 Olive Ave")
            .replacingOccurrences(of: "P1,CW-1,91111111A,900-11-1111,Emma", with: "P1,CW-1,91111111A,900-11-1111,Emmy")
        let (_, second) = try importing(newer, .calworks, into: database)
        #expect(second.peopleAdded == 0 && second.peopleUpdated == 1, "only Emma's name changed")
        #expect(second.householdsAdded == 0 && second.householdsUpdated == 1, "only CW-1 moved")
        #expect(second.changedValues == [.firstName: 1, .street: 1])
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 2)
        let hit = try #require(try database.searchFamilies("emmy", on: Fixtures.today).first)
        let record = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today)?.records.first)
        #expect(record.household.street == "77 Olive Ave")
        #expect(record.involvements.count == 2)
        // The old name left the lookup's index; the new one is in it.
        let indexed = try database.writer.read { db in
            try ["emma", "emmy"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM personLookup WHERE personLookup MATCH ?", arguments: [$0]) }
        }
        #expect(indexed == [0, 1])
        // The name indexes' triggers are back after each import.
        let triggers = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        #expect(triggers == ["__personFts_ad", "__personFts_ai", "__personFts_au", "auditEvent_no_delete", "auditEvent_no_update",
                             "personLookup_delete", "personLookup_insert", "personLookup_update"])
    }

    @Test("a person listed twice in one file is one person with the later row's values; a household's shared components are written once; a re-import renames the family after its head")
    func repeatedRows() throws {
        let twice = Self.calworks + "P1,CW-1,91111111A,900-11-1111,Emmy,,Mitchell,05/06/2016,F,418 Magnolia Ave,Fresno,93701,559-555-0187,child,active,cash_aid,2024-01-01,,\n"
        let (database, report) = try importing(twice, .calworks)
        #expect(report.rows == 4 && report.peopleAdded == 3 && report.peopleUpdated == 0 && report.householdsAdded == 2)
        #expect(report.changedValues.isEmpty, "a row of a person this file added changes nothing stored before")
        let hit = try #require(try database.searchFamilies("emmy mitchell", on: Fixtures.today).first)
        #expect(hit.displayName == "Mitchell, Sarah")
        let record = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today)?.records.first)
        #expect(record.people.map(\.firstName).sorted() == ["Emmy", "Sarah"])
        #expect(record.involvements.count == 2)  // cash aid for the case once, Welfare-to-Work for Sarah
        let indexed = try database.writer.read { db in
            try ["emma", "emmy"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM personLookup WHERE personLookup MATCH ?", arguments: [$0]) }
        }
        #expect(indexed == [0, 1])  // the name indexes hold the later row's name only

        let married = Self.calworks.replacingOccurrences(of: "Sarah,Ann,Mitchell", with: "Sarah,Ann,Okafor")
        let (_, again) = try importing(married, .calworks, into: database)
        #expect(again.householdsUpdated == 0 && again.peopleUpdated == 2 && again.changedValues == [.firstName: 1, .lastName: 1])
        let renamed = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today))
        #expect(renamed.family.displayName == "Okafor, Sarah")
    }

    /// The journal mode, whether foreign keys are enforced, and the page size, as a new connection sees them.
    func settings(_ database: AppDatabase) throws -> (journal: String?, foreignKeys: Bool?) {
        try database.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
    }

    @Test("an import alone with the database writes through the rollback journal, then puts the WAL and foreign keys back, after a failure too")
    func aloneThenShared() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        _ = try importing(Self.calworks, .calworks, into: database)
        #expect(try settings(database) == ("wal", true))
        let foreignKeysHold = try database.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty }
        #expect(foreignKeysHold, "every row the import wrote points at a row that exists")
        #expect(throws: ImportFailure.self) { try importing("person_id,first_name\n,Ana\n", .calworks, into: database) }
        #expect(try settings(database) == ("wal", true))
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16384, "a new database has 16 KiB pages")

        // A worker's terminal has the database open: the import shares it through the WAL, and
        // the terminal reads the old rows until the commit, then the new ones.
        let terminal = try AppDatabase.open(location)
        let before = try terminal.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") }
        try terminal.writer.read { db in
            _ = try importing(Self.cws, .childWelfare, into: database)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person") == before, "a read already begun sees no half-import")
        }
        #expect(try terminal.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") } == (before ?? 0) + 3)
        #expect(try settings(database) == ("wal", true))
    }
}
