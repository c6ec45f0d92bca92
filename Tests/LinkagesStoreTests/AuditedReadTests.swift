import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// Every door that shows families' data leaves a row naming the families it showed, and a
/// worker who reads more families than the county allows in a while is flagged.
@Suite("Reads of families' data are audited")
struct AuditedReadTests {
    let now = Fixtures.now

    func rows(_ database: AppDatabase) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEvent") ?? 0 }
    }

    @Test("the lookup, the lists, the inbox and the approvals each write one row naming the families shown, in the same transaction")
    func listsAreAudited() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now)
        let policy = AccessPolicy(viewer: marcus, isPracticeData: true, today: Fixtures.today)
        // Marcus reads the whole county's lists here: no flag for reading many families.
        try database.setBulkViewingLimits(families: 10_000, minutes: 10, by: "root", at: now)
        var before = try rows(database)
        let answer = try database.lookUp("mitchell", by: "mbell", on: Fixtures.today, at: now)
        let event = try #require(try database.auditEvents(limit: 1).first)
        #expect(try rows(database) == before + 1 && event.action == .viewList && event.account == "mbell")
        let families = Set(answer.hits.map(\.familyId))
        #expect(!families.isEmpty && event.detail?.hasPrefix("lookup: \(families.count) famil") == true)
        #expect(!(event.detail ?? "").lowercased().contains("mitchell"), "the name typed is not written down")
        for family in families {
            #expect(try database.auditEvents(familyId: family, limit: 5).contains { $0.id == event.id }, "family \(family) is named")
        }
        let reads: [(String, () throws -> Void)] = [
            ("referral list", { _ = try database.referralRows(.all, for: policy, at: now) }),
            ("plan list", { _ = try database.planSummaries(for: policy, at: now) }),
            ("ER intake list", { _ = try database.emergencyResponseQueue(on: Fixtures.today, by: "mbell", at: now) }),
            ("change inbox", { _ = try database.changeInbox(for: marcus, at: now) }),
            ("sharing bases", { _ = try database.sharingBases(familyId: answer.hits[0].familyId, by: "mbell", at: now) }),
        ]
        for (name, read) in reads {
            before = try rows(database)
            try read()
            #expect(try rows(database) == before + 1, "\(name)")
            #expect(try database.auditEvents(limit: 1).first?.detail?.hasPrefix(name) == true, "\(name)")
        }
        guard case .intact = try database.verifyAuditTrail() else { Issue.record("the chain is broken"); return }
    }

    @Test("a worker who reads more families than the county's limit within its minutes is flagged once for the window")
    func bulkViewing() throws {
        let database = try Fixtures.demoDatabase()
        try database.setBulkViewingLimits(families: 20, minutes: 10, by: "root", at: now)
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        var seen = Set<Int64>()
        for (index, first) in letters.enumerated() {
            for second in ["a", "e", "o"] {
                let answer = try database.lookUp(first + second, by: "scraper", on: Fixtures.today, at: now.addingTimeInterval(Double(index)))
                seen.formUnion(answer.hits.map(\.familyId))
            }
        }
        #expect(seen.count > 20)
        let flags = try database.auditEvents(account: "scraper", flaggedOnly: true)
        #expect(flags.count == 1 && flags[0].action == .bulkViewing, "\(flags.map(\.detail))")
        #expect(flags[0].detail?.contains("(the county's limit is 20)") == true)
        // A colleague who reads a few families is not.
        _ = try database.lookUp("mitchell", by: "mbell", on: Fixtures.today, at: now)
        #expect(try database.auditEvents(account: "mbell", flaggedOnly: true).isEmpty)
        // After the window, the scraper is flagged again.
        _ = try database.lookUp("ma", by: "scraper", on: Fixtures.today, at: now.addingTimeInterval(3_600))
        _ = try database.lookUp("me", by: "scraper", on: Fixtures.today, at: now.addingTimeInterval(3_601))
        for (index, first) in letters.enumerated() {
            _ = try database.lookUp(first + "i", by: "scraper", on: Fixtures.today, at: now.addingTimeInterval(3_602 + Double(index)))
        }
        #expect(try database.auditEvents(account: "scraper", flaggedOnly: true).count == 2)
    }
}
