import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

@Suite("The demo database")
struct DemoDatabaseTests {
    @Test("Sarah's Story is there as the workbook tells it")
    func sarahsStory() throws {
        let database = try Fixtures.demoDatabase()
        let hit = try #require(try database.searchFamilies("sarah mitchell", on: Fixtures.today).first)
        let detail = try #require(try database.familyDetail(id: hit.familyId, on: Fixtures.today))
        let calworks = try #require(detail.records(from: .calworks).first)
        #expect(calworks.people.map(\.firstName) == ["Sarah", "Emma", "Jack", "Lily"])
        #expect(calworks.people.map { $0.age(on: Fixtures.today) } == [32, 10, 8, 5])
        #expect(calworks.people[0].sex == .female && calworks.people[0].relationship == .head)
        #expect(calworks.involvements.allSatisfy { $0.status == .closed })
        let referral = try #require(detail.records(from: .childWelfare).first?.involvements.first)
        #expect(referral.component == .emergencyResponse && referral.status == .open)
        #expect(referral.startDate == Fixtures.today.adding(days: -2))
        #expect(detail.concerns.map(\.kind) == [.jobLoss, .substanceUse, .schoolAbsence, .childCareNeed, .homeSafetyHazard])
        #expect(detail.concerns.contains { $0.note?.contains("grocery store") == true })
        #expect(detail.concerns.contains { $0.note?.contains("exposed electrical outlets") == true || $0.note?.contains("Exposed electrical outlets") == true })
        #expect(detail.tier.tier == .earlyIntervention)
        let story = try SarahsStory.load()
        #expect(story.story.hasPrefix("Sarah, a 32-year-old single mother"))
    }

    @Test("about two hundred and thirty families over every tier, both programs, and accented names")
    func coverage() throws {
        let database = try Fixtures.demoDatabase()
        let summary = try database.homeSummary(on: Fixtures.today)
        #expect((220...250).contains(summary.familyCount))
        for tier in LinkagesTier.allCases {
            #expect(summary.familiesByTier[tier, default: 0] >= 30, "too few \(tier)")
        }
        #expect(summary.openEmergencyResponse >= 10)
        #expect(summary.openReferrals >= 30)
        #expect(summary.overdueTasks > 0)
        #expect(try database.searchFamilies("José Núñez-García", on: Fixtures.today).first?.displayName == "Núñez-García, José")
        let accented = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE lastName GLOB '*[áéíóúñÁÉÍÓÚÑ]*'")!
        }
        #expect(accented > 50)
        let compound = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM family WHERE displayName LIKE '%-%,%' OR displayName LIKE '% %,%'")!
        }
        #expect(compound > 10)
    }

    @Test("every demo plan's lead worker can open the plan they lead")
    func leadsSeeTheirPlans() throws {
        let database = try Fixtures.demoDatabase()
        let plans = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT familyId, leadWorkerId FROM casePlan WHERE leadWorkerId IS NOT NULL")
        }
        let workers = try database.writer.read { db in try Worker.fetchAll(db) }
        #expect(plans.count > 20)
        for plan in plans {
            let lead = try #require(workers.first { $0.id == plan["leadWorkerId"] })
            let policy = AccessPolicy(viewer: lead, isPracticeData: false, today: Fixtures.today)
            let detail = try database.familyDetail(id: plan["familyId"], for: policy, at: Fixtures.now)
            #expect(detail?.withheld.plan == false, "\(lead.name) leads the plan of family \(plan["familyId"] as Int64)")
        }
    }

    @Test("the same seed and day always give the same database")
    func deterministic() throws {
        func dump(_ database: AppDatabase) throws -> String {
            try database.writer.read { db in
                var text = ""
                for table in ["family", "household", "person", "involvement", "concern", "referral", "referralEvent", "casePlan", "planTask", "worker",
                              "teamMeeting", "meetingInvitee", "staffingReview", "mutualIdentification", "reunificationRecord"] {
                    let columns = try db.columns(in: table).map(\.name).filter { $0 != "createdAt" && $0 != "updatedAt" && $0 != "recordedAt" }
                    for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ",")) FROM \(table) ORDER BY rowid") {
                        text += "\(table) \(row.description)\n"
                    }
                }
                return text
            }
        }
        let first = try dump(try Fixtures.demoDatabase())
        let second = try dump(try Fixtures.demoDatabase())
        #expect(first == second)
        #expect(first.count > 10_000)
    }

    @Test("a demo never overwrites a database with real data")
    func neverOverwritesRealData() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        try database.addWorker(Worker(name: "Real Person", program: .calworks, office: "Central", role: .caseworker))
        try database.close()
        #expect(throws: StoreError.refusingToReplace(path: location.path)) {
            try DemoDatabase.build(at: location, on: Fixtures.today)
        }
        let reopened = try AppDatabase.open(location)
        #expect(try reopened.kind() == .production)
    }

    @Test("building the demo again replaces the earlier demo")
    func rebuildsDemo() throws {
        let location = DatabaseLocation(path: try Fixtures.temporaryFolder().path + "/demo.sqlite", isDefault: false)
        let first = try DemoDatabase.build(at: location, on: Fixtures.today)
        let count = try first.homeSummary(on: Fixtures.today).familyCount
        try first.close()
        let second = try DemoDatabase.build(at: location, on: Fixtures.today)
        #expect(try second.homeSummary(on: Fixtures.today).familyCount == count)
        #expect(try second.kind() == .demo)
        #expect(!FileManager.default.fileExists(atPath: location.path + ".building"))
    }
}
