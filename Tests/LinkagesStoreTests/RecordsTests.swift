import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("Families, households and people")
struct RecordsTests {
    static let created = Fixtures.today.instant(hour: 9)

    static func family() -> NewFamily {
        NewFamily(
            displayName: "Núñez-García, José",
            households: [
                NewHousehold(
                    source: .calworks, sourceKey: "CW-1", street: "1 Main St", city: "Fresno", zip: "93701", office: "Central",
                    people: [
                        Person(householdId: 0, firstName: "José", lastName: "Núñez-García", dateOfBirth: CalendarDate("1988-10-14"),
                               sex: .male, relationship: .head, cin: "91234567A", ssn: "900112222"),
                        Person(householdId: 0, firstName: "Sofía", lastName: "Núñez-García", dateOfBirth: CalendarDate("2017-09-23"),
                               sex: .female, relationship: .child),
                    ],
                    involvements: [NewInvolvement(component: .cashAid, status: .open, startDate: CalendarDate("2025-01-01"), sourceCaseId: "CW-1")]),
                NewHousehold(
                    source: .childWelfare, sourceKey: "R-1",
                    people: [Person(householdId: 0, firstName: "Sofia", lastName: "Nunez Garcia", dateOfBirth: CalendarDate("2017-09-23"),
                                    sex: .female, relationship: .child, caseRole: .child)],
                    involvements: [NewInvolvement(personIndex: 0, component: .familyReunification, status: .open,
                                                  startDate: CalendarDate("2026-09-01"), sourceCaseId: "R-1")]),
            ],
            concerns: [NewConcern(.housingInstability, note: "Three-day notice")])
    }

    @Test("a family reads back exactly as it was written, each program's record apart")
    func roundTrip() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let added = try database.addFamily(Self.family(), at: Self.created)
        let detail = try #require(try database.familyDetail(id: added.familyId, on: Fixtures.today))
        #expect(detail.family.displayName == "Núñez-García, José")
        #expect(detail.records.map(\.household.source) == [.calworks, .childWelfare])
        let calworks = detail.records(from: .calworks)[0]
        #expect(calworks.people.map(\.fullName) == ["José Núñez-García", "Sofía Núñez-García"])
        #expect(calworks.people[0].dateOfBirth == CalendarDate("1988-10-14"))
        #expect(calworks.people[0].ssn == "900112222")
        #expect(calworks.household.addressLine == "1 Main St, Fresno 93701")
        let childWelfare = detail.records(from: .childWelfare)[0]
        #expect(childWelfare.involvements[0].personId == childWelfare.people[0].id)
        #expect(childWelfare.involvements[0].component == .familyReunification)
        #expect(detail.concerns.map(\.kind) == [.housingInstability])
        #expect(detail.tier.tier == .mutualClient)
        #expect(added.personIds.map(\.count) == [2, 1])
    }

    @Test("a batch that fails part-way writes nothing")
    func batchIsAtomic() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        #expect(throws: (any Error).self) {
            try database.batch { batch in
                try batch.addFamily(Self.family(), at: Self.created)
                // A task for a plan that does not exist breaks a foreign key.
                try batch.addPlan(CasePlan(familyId: 9_999, goals: "x", createdAt: Self.created), tasks: [])
            }
        }
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == 0)
    }

    @Test("calendar dates are stored as YYYY-MM-DD text")
    func datesAsText() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        try database.addFamily(Self.family(), at: Self.created)
        let stored = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT dateOfBirth FROM person ORDER BY id")
        }
        #expect(stored == ["1988-10-14", "2017-09-23", "2017-09-23"])
    }
}
