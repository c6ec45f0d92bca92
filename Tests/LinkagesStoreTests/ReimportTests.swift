import Foundation
import GRDB
import LinkagesCSV
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// A later extract changes only what it says: a column it does not have, a blank cell, a
/// person it does not list, never changes what is stored.
@Suite("Importing again over stored records")
struct ReimportTests {
    static let fullCalWORKs = """
        person_id,case_number,cin,ssn,first_name,middle_name,last_name,dob,sex,street,city,zip,phone,relationship,program_status,components,aid_begin,aid_end,wtw_status
        P1,CW-1,91111111A,900-11-1111,Emma,,Mitchell,05/06/2016,F,418 Magnolia Ave,Fresno,93701,559-555-0187,child,active,cash_aid,2024-01-01,,
        P2,CW-1,92222222B,900111112,Sarah,Ann,Mitchell,1994-09-10,F,418 Magnolia Ave,Fresno,93701,559-555-0187,head,active,cash_aid;wtw,2024-01-01,,Sanction
        P3,CW-2,93333333C,900-33-3333,José,,Núñez-García,1988-10-14,M,"2210 Calle Nogal, Apt 3",Sanger,93657,559-555-0100,self,closed,cash_aid,2020-02-01,2023-06-30,

        """

    static let fullChildWelfare = """
        person_id,referral_id,case_number,cin,ssn,first_name,last_name,dob,sex,street,city,zip,relationship,role,service_component,referral_date
        C1,R-9,,94444444D,900-44-4444,Jose,Nunez Garcia,10/14/1988,M,12 Elm St,Fresno,93701,head,parent,ER,2026-09-09
        C2,R-9,,95555555E,,Sofia,Nunez Garcia,09/23/2017,F,12 Elm St,Fresno,93701,child,child,ER,2026-09-09
        C3,R-10,K-77,,,Ana,Cruz,2015-01-02,F,9 Oak St,Fresno,93702,child,child,FR,2026-11-20

        """

    func importing(_ text: String, _ program: Program, into database: AppDatabase, snapshot: Bool = false,
                   dryRun: Bool = false) throws -> ImportReport {
        try database.importExtract(
            Data(text.utf8), options: ImportOptions(program: program, file: "extract.csv", snapshot: snapshot, dryRun: dryRun),
            at: Fixtures.now)
    }

    /// Every stored value an extract can change, row by row: people, households, involvement.
    func everything(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { db in
            let people = try Row.fetchAll(db, sql: """
                SELECT sourcePersonId, householdId, firstName, middleName, lastName, dateOfBirth, sex, relationship, caseRole, cin, ssn,
                       phone FROM person ORDER BY id
                """)
            let households = try Row.fetchAll(db, sql: "SELECT id, source, sourceKey, street, city, zip, phone FROM household ORDER BY id")
            let involvements = try Row.fetchAll(db, sql: """
                SELECT householdId, personId, component, status, startDate, endDate, sourceCaseId, workerId, welfareToWorkStatus
                FROM involvement ORDER BY id
                """)
            return (people + households + involvements).map(\.description)
        }
    }

    @Test("a six-column Child Welfare extract over a full one keeps every value it does not give, and the open referral")
    func thinnerExtract() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullChildWelfare, .childWelfare, into: database)
        let before = try everything(database)
        let thin = """
            person_id,referral_id,first_name,last_name,role,referral_date
            C1,R-9,Jose,Nunez Garcia,parent,
            C2,R-9,Sofia,Nunez Garcia,child,
            C3,R-10,Ana,Cruz,child,

            """
        let report = try importing(thin, .childWelfare, into: database)
        #expect(try everything(database) == before, "nothing the file said differs from what is stored")
        #expect(report.peopleUpdated == 0 && report.householdsUpdated == 0 && report.involvementsChanged == 0)
        #expect(report.changedValues.isEmpty)
        #expect(report.absentColumns.contains(.dob) && report.absentColumns.contains(.serviceComponent))

        // Two rows, one value changed: only that value moves.
        let two = "person_id,referral_id,first_name,last_name,dob\nC2,R-9,Sofía,Nunez Garcia,\nC1,R-9,Jose,Nunez Garcia,10/15/1988\n"
        let second = try importing(two, .childWelfare, into: database)
        #expect(second.changedValues == [.firstName: 1, .dob: 1] && second.peopleUpdated == 2)
        let after = try everything(database)
        #expect(after.filter { !before.contains($0) }.count == 2, "\(after)")
        #expect(after.contains { $0.contains("\"Sofía\"") && $0.contains("2017-09-23") && $0.contains("95555555E") })
    }

    @Test("a thinner CalWORKs extract keeps CIN, SSN, date of birth, sex, address, relationship and aid")
    func thinnerCalWORKs() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let before = try everything(database)
        let thin = "PERSON_ID,Case_Number,first_name,last_name\nP1,CW-1,Emma,Mitchell\nP2,CW-1,Sarah,Mitchell\nP3,CW-2,José,Núñez-García\n"
        let report = try importing(thin, .calworks, into: database)
        // No components column: the case is cash aid, restated without a status or dates: nothing changes.
        #expect(try everything(database) == before)
        #expect(report.changedValues.isEmpty && report.involvementsAdded == 0)
    }

    @Test("a snapshot clears the blank cells of the columns it has, and keeps the columns it has not")
    func snapshot() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let blanks = "person_id,case_number,first_name,last_name,cin,phone\nP1,CW-1,Emma,Mitchell,,\n"
        let kept = try importing(blanks, .calworks, into: database, dryRun: true)
        #expect(kept.changedValues.isEmpty)
        let cleared = try importing(blanks, .calworks, into: database, snapshot: true)
        #expect(cleared.changedValues == [.cin: 1, .phone: 2], "Emma's CIN and phone, and her household's phone")
        let emma = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT cin, phone, ssn, dateOfBirth FROM person WHERE sourcePersonId = 'P1'")
        }
        #expect(emma?["cin"] as String? == nil && emma?["phone"] as String? == nil)
        #expect(emma?["ssn"] == "900111111" && emma?["dateOfBirth"] == "2016-05-06", "columns the file has not are kept")
    }

    @Test("an involvement ends only when the extract says so: a closed status or an end date, never a missing row or column")
    func involvementsEndWhenSaid() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullChildWelfare, .childWelfare, into: database)
        func referral(_ id: String) throws -> [String?] {
            try database.writer.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT status, startDate, endDate FROM involvement WHERE sourceCaseId = ?",
                                           arguments: [id])
                return [row?["status"], row?["startDate"], row?["endDate"]]
            }
        }
        // R-10's row is missing and R-9's service component column too: both stay as they were.
        _ = try importing("person_id,referral_id,first_name,last_name\nC1,R-9,Jose,Nunez Garcia\n", .childWelfare, into: database)
        #expect(try referral("R-9") == ["open", "2026-09-09", nil] && referral("R-10") == ["open", "2026-11-20", nil])
        // The extract says R-9 ended.
        let ended = """
            person_id,referral_id,first_name,last_name,service_component,referral_date,service_status,service_end
            C1,R-9,Jose,Nunez Garcia,ER,2026-09-09,closed,2026-10-01

            """
        let report = try importing(ended, .childWelfare, into: database)
        #expect(report.involvementsChanged == 1 && report.involvementsAdded == 0)
        #expect(report.changedValues == [.serviceStatus: 1, .serviceEnd: 1])
        #expect(try referral("R-9") == ["closed", "2026-09-09", "2026-10-01"])
        // Restated again without a status: it stays closed.
        _ = try importing("person_id,referral_id,last_name,service_component\nC1,R-9,Nunez Garcia,ER\n", .childWelfare, into: database)
        #expect(try referral("R-9") == ["closed", "2026-09-09", "2026-10-01"])
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM involvement") } == 2)
    }

    @Test("a case reopened with a new start after its aid ended is a new spell; the ended one stays as history")
    func newSpell() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let reopened = "person_id,case_number,last_name,program_status,aid_begin\nP3,CW-2,Núñez-García,active,2026-10-01\n"
        let report = try importing(reopened, .calworks, into: database)
        #expect(report.involvementsAdded == 1 && report.involvementsChanged == 0)
        let spells = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT status || ' ' || startDate FROM involvement WHERE sourceCaseId = 'CW-2' ORDER BY id")
        }
        #expect(spells == ["closed 2020-02-01", "open 2026-10-01"])
        // An open spell restated with another start has its start corrected, not a second spell.
        _ = try importing("person_id,case_number,last_name,aid_begin\nP3,CW-2,Núñez-García,2026-10-02\n", .calworks, into: database)
        let corrected = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT status || ' ' || startDate FROM involvement WHERE sourceCaseId = 'CW-2' ORDER BY id")
        }
        #expect(corrected == ["closed 2020-02-01", "open 2026-10-02"])
    }

    @Test("the worker assigned to an involvement stays assigned when the extract is imported again")
    func assignmentSurvives() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullChildWelfare, .childWelfare, into: database)
        let worker = try database.addWorker(.init(name: "Marcus Bell", program: .childWelfare, office: "Central", role: .caseworker))
        try database.writer.write { db in
            try db.execute(sql: "UPDATE involvement SET workerId = ? WHERE sourceCaseId = 'R-9'", arguments: [worker.id])
        }
        _ = try importing(Self.fullChildWelfare, .childWelfare, into: database)
        let assigned = try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT workerId FROM involvement WHERE sourceCaseId = 'R-9'")
        }
        #expect(assigned == worker.id)
    }

    @Test("a dry run reports what the import would change and leaves every byte of the data as it was")
    func dryRun() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let before = try everything(database)
        let audit = try database.auditEvents(limit: 100).count
        let changed = Self.fullCalWORKs.replacingOccurrences(of: "418 Magnolia Ave", with: "77 Olive Ave")
            + "P4,CW-3,,,Luz,,Ortiz,2001-02-03,F,,,,,head,active,cash_aid,2026-11-01,,\n"
        let dry = try importing(changed, .calworks, into: database, dryRun: true)
        #expect(try everything(database) == before)
        #expect(try database.auditEvents(limit: 100).count == audit)
        let real = try importing(changed, .calworks, into: database)
        #expect(dry == real, "the dry run says exactly what the import then does")
        #expect(real.peopleAdded == 1 && real.householdsUpdated == 1 && real.changedValues == [.street: 1])
    }

    @Test("renamed people move in both name indexes: found by the new name, not the old, and the intake's index checks out")
    func renamesReindexed() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let renamed = "person_id,case_number,first_name,middle_name,last_name\nP2,CW-1,Sarah,,Okafor\nP3,CW-2,Joseph,,Núñez-García\n"
        _ = try importing(renamed, .calworks, into: database)
        let counts = try database.writer.read { db in
            try ["okafor", "joseph", "jose", "mitchell"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM personLookup WHERE personLookup MATCH ?", arguments: [$0]) ?? -1
            }
        }
        #expect(counts == [1, 1, 0, 1], "Emma is still a Mitchell; Sarah is not")
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO personFts(personFts) VALUES ('integrity-check')")
        }
        let fts = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM personFts WHERE personFts MATCH 'lastName:okafor'")
        }
        #expect(fts == 1)
    }

    @Test("a person the new extract puts in another case moves there, counted under case_number")
    func movedHousehold() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let moved = try importing("person_id,case_number,first_name,last_name\nP1,CW-2,Emma,Mitchell\n", .calworks, into: database)
        #expect(moved.changedValues == [.caseNumber: 1] && moved.householdsAdded == 0)
        let household = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT household.sourceKey FROM person JOIN household ON household.id = person.householdId WHERE sourcePersonId = 'P1'")
        }
        #expect(household == "CW-2")
    }

    @Test("a referral that becomes a case keeps its household and family; later rows naming only the referral, or a blank case number, stay in the case")
    func referralPromotedToCase() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let referral = "person_id,referral_id,case_number,first_name,last_name,service_component,referral_date\nK1,REF-1,,Ana,Cruz,ER,2026-10-01\nK2,REF-1,,Luis,Cruz,ER,2026-10-01\n"
        _ = try importing(referral, .childWelfare, into: database)
        func placement() throws -> [String] {
            try database.writer.read { db in
                try String.fetchAll(db, sql: """
                    SELECT person.sourcePersonId || ' ' || household.sourceKey || ' ' || household.familyId FROM person
                    JOIN household ON household.id = person.householdId ORDER BY person.sourcePersonId
                    """)
            }
        }
        let before = try placement()
        #expect(before == ["K1 REF-1 1", "K2 REF-1 1"])
        let promoted = "person_id,referral_id,case_number,first_name,last_name,service_component,referral_date\nK1,REF-1,CASE-1,Ana,Cruz,FM,2026-11-01\nK2,REF-1,CASE-1,Luis,Cruz,FM,2026-11-01\n"
        let report = try importing(promoted, .childWelfare, into: database)
        #expect(try placement() == ["K1 CASE-1 1", "K2 CASE-1 1"], "the same household, renamed after its case")
        #expect(report.householdsAdded == 0 && report.changedValues[.caseNumber] == 1 && report.involvementsAdded == 1)
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM household") } == 1)
        for later in ["person_id,referral_id,case_number,last_name\nK1,REF-1,,Cruz\nK2,REF-1,,Cruz\n",
                      "person_id,referral_id,last_name\nK1,REF-1,Cruz\n"] {
            let again = try importing(later, .childWelfare, into: database)
            #expect(try placement() == ["K1 CASE-1 1", "K2 CASE-1 1"], "\(later)")
            #expect(again.changedValues.isEmpty, "\(later)")
        }
    }

    @Test("a closed status or end date without the component it closes is refused, naming the column to fill")
    func closingNeedsComponent() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullChildWelfare, .childWelfare, into: database)
        do {
            _ = try importing("person_id,referral_id,last_name,service_status,service_end\nC1,R-9,Nunez Garcia,closed,2026-11-01\n",
                              .childWelfare, into: database)
            Issue.record("a closure that names no component was taken")
        } catch {
            #expect("\(error)".contains("line 2, column service_component: the status 'closed' needs the service component it applies to (ER, FM, FR or PP): fill service_component"),
                    "\(error)")
        }
    }

    @Test("an older extract that says a closed case is open reopens it without its old end date, and says so")
    func reopening() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let open = "person_id,case_number,last_name,program_status,aid_begin\nP3,CW-2,Núñez-García,active,2020-02-01\n"
        let report = try importing(open, .calworks, into: database)
        #expect(report.involvementsReopened == 1 && report.changedValues == [.programStatus: 1, .aidEnd: 1])
        let spell = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT status, endDate FROM involvement WHERE sourceCaseId = 'CW-2'")
        }
        #expect(spell?["status"] == "open" && spell?["endDate"] as String? == nil)
    }

    @Test("a person listed twice counts each changed value once, and the summary names the repeated rows")
    func repeatedPersonCountedOnce() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Self.fullCalWORKs, .calworks, into: database)
        let twice = "person_id,case_number,last_name,dob\nP1,CW-1,Mitchell,05/07/2016\nP2,CW-1,Mitchell,\nP1,CW-1,Mitchell,05/08/2016\n"
        let report = try importing(twice, .calworks, into: database)
        #expect(report.changedValues == [.dob: 1] && report.peopleUpdated == 1)
        #expect(report.repeatedPeople == 1 && report.repeatedPeopleLines == [4])
        let back = "person_id,case_number,last_name,dob\nP1,CW-1,Mitchell,05/09/2016\nP1,CW-1,Mitchell,05/08/2016\n"
        #expect(try importing(back, .calworks, into: database).changedValues.isEmpty, "changed and changed back: nothing changed")
    }

    @Test("placeholder SSNs are kept as not known and counted; an SSN with letters or slashes is refused")
    func placeholderSSNs() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let text = "person_id,case_number,last_name,ssn\nP1,C1,Cruz,000-00-0000\nP2,C1,Cruz,999999999\nP3,C1,Cruz,123-45-6789\nP4,C1,Cruz,666-12-3456\nP5,C1,Cruz,901-23-4567\n"
        let report = try importing(text, .calworks, into: database)
        #expect(report.placeholderSSNs == 4)
        let kept = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT ssn FROM person WHERE ssn IS NOT NULL") }
        #expect(kept == ["901234567"])
        for junk in ["927464541x", "927/46/4541", "927.46.4541"] {
            do {
                _ = try importing("person_id,case_number,last_name,ssn\nP9,C9,Cruz,\(junk)\n", .calworks, into: database)
                Issue.record("\(junk) was taken as an SSN")
            } catch {
                #expect("\(error)".contains("'\(junk)' is not an SSN"), "\(error)")
            }
        }
    }
}
