import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The in-person contact recorded after an ER intake is finished: who may record it, what is
/// refused, two workers recording it at once, and the timeliness measure it feeds.
@Suite("In-person contacts after an ER intake")
struct ResponseContactTests {
    let now = Fixtures.now  // 10:00 on Fixtures.today

    func policy(_ database: AppDatabase, as name: String, account: String) throws -> AccessPolicy {
        AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: false, today: Fixtures.today)
    }

    /// Marcus Bell's intake of a family no one typed before: an immediate response, received
    /// today at 08:15, so due tomorrow at 08:15.
    func finishedIntake(_ database: AppDatabase, receivedOn: CalendarDate = Fixtures.today, response: String = "immediate") throws -> (intake: Int64, family: Int64) {
        _ = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now)
        var draft = IntakeDraft(bankVersion: 1, members: [
            MemberEntry(firstName: "José", lastName: "Quintanilla-Ibáñez", dateOfBirth: "04/02/1991", relationship: "head", sex: "male"),
            MemberEntry(firstName: "Lucía", lastName: "Quintanilla-Ibáñez", dateOfBirth: "08/19/2019", relationship: "child", sex: "female"),
        ])
        draft.answers = ["referral.receivedDate": receivedOn.usFormat, "referral.responseType": response,
                         "referral.receivedTime": "08:15", "icwa.ancestry": "no"]
        let id = try database.createIntakeDraft(account: "mbell", draft: draft, at: now)
        let family = try database.finishIntake(id: id, bank: Fixtures.questionBank, account: "mbell", at: now, today: Fixtures.today)
        return (id, family)
    }

    @Test("only Child Welfare's workers who see the family record its contact; a day before the referral or still to come is refused")
    func whoAndWhen() throws {
        let database = try Fixtures.demoDatabase()
        let (intake, _) = try finishedIntake(database)
        let seen = ResponseContact(day: Fixtures.today, time: ClockTime("09:30"), outcome: .completed)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        #expect(throws: WorkRefusal("an ER contact is recorded by Child Welfare's workers")) {
            try database.recordResponseContact(seen, intakeId: intake, for: ana, at: now)
        }
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        #expect(throws: WorkRefusal("the contact (\(Fixtures.today.adding(days: -1).usFormat)) cannot come before the referral (\(Fixtures.today.usFormat))")) {
            try database.recordResponseContact(ResponseContact(day: Fixtures.today.adding(days: -1), outcome: .completed),
                                               intakeId: intake, for: marcus, at: now)
        }
        #expect(throws: WorkRefusal("\(Fixtures.today.usFormat) 11:00 is still to come: record a contact once it is made")) {
            try database.recordResponseContact(ResponseContact(day: Fixtures.today, time: ClockTime("11:00"), outcome: .completed),
                                               intakeId: intake, for: marcus, at: now)
        }
        // A disabled worker's policy opens nothing, this included.
        _ = try database.setWorkerActive(account: "mbell", false, by: "admin", at: now)
        let disabled = try policy(database, as: "Marcus Bell", account: "mbell")
        #expect(throws: WorkRefusal.self) { try database.recordResponseContact(seen, intakeId: intake, for: disabled, at: now) }
        _ = try database.setWorkerActive(account: "mbell", true, by: "admin", at: now)
        #expect(try database.auditEvents(familyId: nil).filter { $0.action == .recordContact }.isEmpty)
    }

    @Test("an attempt answers the deadline; the visit that sees the family is recorded once; each is audited without names")
    func attemptThenSeen() throws {
        let database = try Fixtures.demoDatabase()
        let (intake, family) = try finishedIntake(database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        try database.recordResponseContact(ResponseContact(day: Fixtures.today, time: ClockTime("09:00"), outcome: .attempted),
                                           intakeId: intake, for: marcus, at: now)
        var queue = try database.emergencyResponseQueue(on: Fixtures.today, by: "mbell", at: now)
        var clock = try #require(queue.first { $0.familyId == family }?.responseClock)
        #expect(clock.shortStatus(now: now, today: Fixtures.today).text == "attempted")
        #expect(queue.first { $0.familyId == family }?.responseIntakeId == intake)
        try database.recordResponseContact(ResponseContact(day: Fixtures.today, time: ClockTime("09:45"), outcome: .completed),
                                           intakeId: intake, for: marcus, at: now)
        #expect(throws: WorkRefusal("the family was already seen on \(Fixtures.today.usFormat) 09:45, recorded by Marcus Bell: "
                                    + "the response is met, and a later visit is a case note, not a first contact")) {
            try database.recordResponseContact(ResponseContact(day: Fixtures.today, outcome: .completed), intakeId: intake, for: marcus, at: now)
        }
        queue = try database.emergencyResponseQueue(on: Fixtures.today, by: "mbell", at: now)
        clock = try #require(queue.first { $0.familyId == family }?.responseClock)
        #expect(clock.status(now: now, today: Fixtures.today).text
            == "met: first contact \(Fixtures.today.usFormat) 09:00, attempted, family not seen; seen \(Fixtures.today.usFormat) 09:45")
        let detail = try #require(try database.familyDetail(id: family, for: marcus, at: now))
        #expect(detail.responseContacts[intake]?.map(\.outcome) == [.attempted, .completed])
        let audited = try database.auditEvents(familyId: family).filter { $0.action == .recordContact }
        #expect(audited.count == 2 && audited.allSatisfy { !($0.detail ?? "").contains("Quintanilla") })
        // A CalWORKs worker with no release sees neither the intake nor its contacts.
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        let hers = try #require(try database.familyDetail(id: family, for: ana, at: now))
        #expect(hers.intakes.isEmpty && hers.responseContacts.isEmpty)
    }

    @Test("two workers recording the visit at once, each from their own connection: one is recorded, the other told who was first")
    func twoWorkersAtOnce() throws {
        let location = DatabaseLocation(path: try Fixtures.temporaryFolder().appendingPathComponent("demo.sqlite").path, isDefault: false)
        let database = try DemoDatabase.build(at: location, on: Fixtures.today)
        let (intake, _) = try finishedIntake(database)
        let other = try AppDatabase.open(location)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let robert = try policy(other, as: "Robert Chen", account: "rchen")
        for round in 0..<10 {
            if round > 0 {
                try database.writer.write { db in try db.execute(sql: "DELETE FROM responseContact WHERE intakeId = ?", arguments: [intake]) }
            }
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let contact = ResponseContact(day: Fixtures.today, time: ClockTime(index == 0 ? "09:10" : "09:20"), outcome: .completed)
                do {
                    _ = try (index == 0 ? database : other).recordResponseContact(
                        contact, intakeId: intake, for: index == 0 ? marcus : robert, at: now)
                    outcomes.add("recorded")
                } catch let refusal as WorkRefusal {
                    outcomes.add(refusal.description.contains("already seen") || refusal.description.contains("a moment ago") ? "told" : "\(refusal)")
                } catch {
                    outcomes.add("\(error)")
                }
            }
            #expect(outcomes.all.sorted() == ["recorded", "told"], "round \(round)")
            let stored = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM responseContact WHERE intakeId = ?", arguments: [intake]) }
            #expect(stored == 1)
        }
    }

    @Test("the timeliness measure counts attempts in time as 2B does, the family seen as the completed measure does")
    func timelinessMeasure() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let owens = AccessPolicy(viewer: try database.actAs(workerNamed: "Patricia Owens", account: "powens", at: now),
                                 isPracticeData: true, today: Fixtures.today)
        let period = ReportPeriod(from: Fixtures.today.adding(days: -7), to: Fixtures.today)!
        /// Overall, immediate, 10-day and seen-in-time, as (numerator, denominator).
        func figures() throws -> [String: [Int]] {
            let result = try #require(try database.outcomeReport(period: period, breakdown: nil, for: owens, at: now).result(.responseInTime))
            var figures: [String: [Int]] = [:]
            for (label, figure) in [("overall", result.overall)] + result.categories.map({ ($0.label, $0.figure) }) {
                if case .rate(let numerator, let denominator) = figure { figures[label] = [numerator, denominator] }
            }
            return figures
        }
        let before = try figures()
        // Received three days ago at 08:15, due two days ago at 08:15: attempted in time, seen a day late.
        let (early, _) = try finishedIntake(database, receivedOn: Fixtures.today.adding(days: -3))
        try database.recordResponseContact(ResponseContact(day: Fixtures.today.adding(days: -3), time: ClockTime("20:00"), outcome: .attempted),
                                           intakeId: early, for: marcus, at: now)
        try database.recordResponseContact(ResponseContact(day: Fixtures.today.adding(days: -1), outcome: .completed),
                                           intakeId: early, for: marcus, at: now)
        // Received three days ago at 08:15, seen the next day at 08:30: a quarter of an hour late.
        let (late, _) = try finishedIntake(database, receivedOn: Fixtures.today.adding(days: -3))
        try database.recordResponseContact(ResponseContact(day: Fixtures.today.adding(days: -2), time: ClockTime("08:30"), outcome: .completed),
                                           intakeId: late, for: marcus, at: now)
        // A 10-day response received today, not yet due and not yet contacted: not counted.
        _ = try finishedIntake(database, response: "tenDay")
        let after = try figures()
        func added(_ label: String) -> [Int] { zip(after[label] ?? [0, 0], before[label] ?? [0, 0]).map { $0 - $1 } }
        #expect(added("overall") == [1, 2])
        #expect(added("Immediate (24 hours)") == [1, 2])
        #expect(added("Within 10 days") == [0, 0])
        #expect(added("Family seen in time") == [0, 2])
    }
}
