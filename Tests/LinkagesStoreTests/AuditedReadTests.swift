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

extension AuditedReadTests {
    @Test("the staffing agenda names every family it lists, and counts toward the limit on reading many families")
    func agendaNamesFamilies() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: now)
        try database.setBulkViewingLimits(families: 10, minutes: 10, by: "root", at: now)
        let agenda = try database.staffingAgenda(for: AccessPolicy(viewer: robert, isPracticeData: true, today: Fixtures.today),
                                                 weights: Fixtures.staffingWeights, at: now)
        #expect(agenda.count > 10)
        let top = try #require(agenda.first?.familyId)
        #expect(try database.auditEvents(familyId: top, limit: 5).contains { $0.action == .viewAgenda })
        #expect(try database.auditEvents(account: "rchen", flaggedOnly: true).contains { $0.action == .bulkViewing })
    }
}

extension AuditedReadTests {
    @Test("an approver who reads the other program's records the same basis opened to them is flagged, as its recorder is; their own flags are not theirs to review")
    func approversFlagged() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try #require(try database.searchFamilies("jose nunez", on: Fixtures.today).first?.familyId)
        func policy(_ name: String, _ account: String) throws -> AccessPolicy {
            AccessPolicy(viewer: try database.actAs(workerNamed: name, account: account, at: now), isPracticeData: false,
                         today: Fixtures.today)
        }
        let linh = try policy("Linh Tran", "ltran")
        let patricia = try policy("Patricia Owens", "powens")
        let robert = try policy("Robert Chen", "rchen")
        let basis = try database.recordSharingBasis(SharingBasis(
            familyId: jose, kind: .signedRelease, sharesCalWORKs: true, sharesChildWelfare: true, signedOn: Fixtures.today,
            expiresOn: Fixtures.today.adding(days: 90), recordedBy: "ltran", recordedAt: now, recordedByWorkerId: linh.viewer.id), at: now)
        try database.decideSharingBasis(id: basis.id!, for: .calworks, approve: true, reason: nil, by: patricia, at: now)
        try database.decideSharingBasis(id: basis.id!, for: .childWelfare, approve: true, reason: nil, by: robert, at: now)
        _ = try database.familyDetail(id: jose, for: patricia, at: now)
        _ = try database.familyDetail(id: jose, for: robert, at: now)
        let flags = try database.auditEvents(flaggedOnly: true).filter { $0.action == .viewFamily }
        #expect(Set(flags.map(\.account)) == ["powens", "rchen"], "\(flags.map(\.account))")
        // Robert's flag is not his to clear.
        let own = try #require(flags.first { $0.account == "rchen" })
        #expect(try !database.emergencyOpenings(for: robert.viewer, at: now).contains { $0.event.id == own.id })
        #expect(throws: WorkRefusal.self) { try database.reviewEmergency(eventId: own.id, by: "rchen", at: now) }
    }
}

extension AuditedReadTests {
    @Test("an open session's stamp ends it once the worker is disabled or their role, program or office changes")
    func accessStampEnds() throws {
        let database = try Fixtures.demoDatabase()
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: now)
        #expect(try database.accessStamp(workerId: marcus.id!).ending(for: marcus) == nil)
        try database.changeWorker(account: "mbell", role: nil, program: nil, office: "South", by: "root", at: now)
        #expect(try database.accessStamp(workerId: marcus.id!).ending(for: marcus)?.contains("role, program or office changed") == true)
        let changed = try #require(try database.auditEvents(limit: 1).first)
        #expect(changed.fieldChanges == [FieldChange(field: "office", old: "Central", new: "South")])
        try database.setWorkerActive(account: "mbell", false, by: "root", at: now)
        #expect(try database.accessStamp(workerId: marcus.id!).ending(for: marcus) == "your Linkages account was disabled; ask your administrator")
        let before = try database.accessStamp(workerId: marcus.id!).bases
        try database.recordSharingBasis(SharingBasis(
            familyId: 1, kind: .courtOrder, sharesCalWORKs: true, sharesChildWelfare: false, signedOn: Fixtures.today,
            expiresOn: Fixtures.today.adding(days: 30), recordedBy: "root", recordedAt: now), at: now)
        #expect(try database.accessStamp(workerId: marcus.id!).bases != before, "a new basis changes the stamp")
    }
}
