import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The sharing rules applied to real family pages, and the audit trail they write.
@Suite("Access and audit")
struct AccessTests {
    let today = Fixtures.today
    let now = Fixtures.now

    func familyId(_ name: String, in database: AppDatabase) throws -> Int64 {
        try #require(try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE displayName = ?", arguments: [name])
        })
    }

    func policy(_ database: AppDatabase, as name: String, account: String) throws -> AccessPolicy {
        let worker = try database.actAs(workerNamed: name, account: account, at: now)
        // The demo is practice data; these tests check the rules as they apply to real data.
        return AccessPolicy(viewer: worker, isPracticeData: false, today: today)
    }

    func auditCount(_ database: AppDatabase) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEvent") ?? 0 }
    }

    @Test("a CalWORKs worker sees a Child Welfare record only in its identifying fields until a release is recorded")
    func releaseOpensTheOtherProgram() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")

        let before = try #require(try database.familyDetail(id: jose, for: ana, at: now))
        let cws = try #require(before.records.first { $0.household.source == .childWelfare })
        #expect(cws.access == .identifying(.noSharingBasis(.childWelfare)))
        #expect(cws.involvements.isEmpty && !cws.contactDates.isEmpty && !cws.assignedWorkerIds.isEmpty)
        #expect(cws.household.office == nil && cws.household.sourceKey != nil && cws.household.street != nil)
        #expect(cws.people.allSatisfy { $0.cin == nil && $0.ssn == nil && $0.caseRole == nil && $0.relationship == .unknown })
        #expect(cws.people.contains { $0.firstName.hasPrefix("Jos") && $0.dateOfBirth != nil })
        #expect(before.tier.tier == .mutualClient)
        #expect(before.tier.reasons.contains { $0.hasPrefix("Known to Child Welfare") })
        #expect(!before.tier.reasons.joined().contains("Family Reunification"))
        let calworks = try #require(before.records.first { $0.household.source == .calworks })
        #expect(calworks.access == .full(.ownProgram) && !calworks.involvements.isEmpty)

        let release = try database.recordSharingBasis(SharingBasis(
            familyId: jose, kind: .signedRelease, sharesCalWORKs: true, sharesChildWelfare: true,
            signedOn: today, expiresOn: today.adding(days: 365), recordedBy: "aruiz", recordedAt: now), at: now)
        // Recorded by Ana alone, it opens nothing: a Child Welfare supervisor must approve it.
        let pending = try #require(try database.familyDetail(id: jose, for: ana, at: now))
        #expect(pending.records.first { $0.household.source == .childWelfare }?.access == .identifying(.noSharingBasis(.childWelfare)))
        let patricia = try policy(database, as: "Patricia Owens", account: "powens")
        #expect(throws: SharingBasisError(description: "only a Child Welfare supervisor approves the showing of Child Welfare records")) {
            try database.decideSharingBasis(id: release.id!, for: .childWelfare, approve: true, reason: nil, by: patricia, at: now)
        }
        #expect(throws: SharingBasisError(description: "you recorded it: another supervisor approves it")) {
            try database.decideSharingBasis(id: release.id!, for: .childWelfare, approve: true, reason: nil, by: ana, at: now)
        }
        // A Child Welfare supervisor of another office, who cannot read the record, may not approve showing it.
        let gabriel = try database.actAs(workerNamed: "Gabriel Soto", account: "gsoto", at: now)
        try database.changeWorker(account: "gsoto", role: .supervisor, program: nil, office: nil, by: "root", at: now)
        var south = gabriel
        south.role = .supervisor
        let southPolicy = AccessPolicy(viewer: south, isPracticeData: false, today: today)
        #expect(try database.pendingSharingBases(for: southPolicy, at: now).isEmpty)
        #expect(throws: SharingBasisError.self) {
            try database.decideSharingBasis(id: release.id!, for: .childWelfare, approve: true, reason: nil, by: southPolicy, at: now)
        }
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        #expect(try database.pendingSharingBases(for: robert, at: Fixtures.now).map(\.basis.id) == [release.id])
        try database.decideSharingBasis(id: release.id!, for: .childWelfare, approve: true, reason: "Checked the signed paper", by: robert, at: now)
        #expect(try database.pendingSharingBases(for: robert, at: Fixtures.now).isEmpty)
        let after = try #require(try database.familyDetail(id: jose, for: ana, at: now))
        let shared = try #require(after.records.first { $0.household.source == .childWelfare })
        guard case .full(.sharingBasis) = shared.access else {
            Issue.record("expected the release to open the record, got \(shared.access)")
            return
        }
        #expect(shared.involvements.contains { $0.component == .familyReunification })
        #expect(after.tier.reasons.contains("Open Child Welfare case: Family Reunification."))
    }

    @Test("substance use: the ER worker who recorded it sees it; a release that does not name it keeps it from CalWORKs")
    func substanceUse() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let byMarcus = try #require(try database.familyDetail(id: sarah, for: marcus, at: now))
        #expect(byMarcus.concerns.contains { $0.kind == .substanceUse })
        #expect(!byMarcus.substanceUseShownUnderConsent)

        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        let byAna = try #require(try database.familyDetail(id: sarah, for: ana, at: now))
        #expect(byAna.records.allSatisfy { $0.access.isFull })
        #expect(!byAna.concerns.contains { $0.kind == .substanceUse })
        #expect(!byAna.tier.reasons.joined().contains("substance use"))

        // A consent that names substance use opens it, and the page must carry the notice.
        try database.recordSharingBasis(SharingBasis(
            familyId: sarah, kind: .signedRelease, sharesCalWORKs: true, sharesChildWelfare: true, includesSubstanceUse: true,
            signedOn: today, expiresOn: today.adding(days: 90), recordedBy: "mbell", recordedAt: now), at: now)
        let consent = try #require(try database.sharingBases(familyId: sarah, by: "test", at: Fixtures.now).first)
        #expect(try !database.familyDetail(id: sarah, for: ana, at: now)!.concerns.contains { $0.kind == .substanceUse },
                "a consent Marcus recorded alone opens nothing")
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        try database.decideSharingBasis(id: consent.id!, for: .childWelfare, approve: true, reason: nil, by: robert, at: now)
        let named = try #require(try database.familyDetail(id: sarah, for: ana, at: now))
        #expect(named.concerns.contains { $0.kind == .substanceUse })
        #expect(named.substanceUseShownUnderConsent)
    }

    @Test("an intake attached to a known family learns only what the worker may see on its page, audited")
    func intakeAttachFollowsThePage() throws {
        let database = try Fixtures.demoDatabase()
        let sarah = try familyId("Mitchell, Sarah", in: database)
        let marcus = try policy(database, as: "Marcus Bell", account: "mbell")
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        #expect(try database.knownFamily(id: sarah, for: marcus, at: now).concerns.contains(.substanceUse))
        let before = try auditCount(database)
        #expect(try !database.knownFamily(id: sarah, for: ana, at: now).concerns.contains(.substanceUse))
        #expect(try auditCount(database) == before + 1)
        // No basis to read the Child Welfare record: its involvement stays out of the intake.
        let jose = try familyId("Núñez-García, José", in: database)
        let known = try database.knownFamily(id: jose, for: ana, at: now)
        #expect(!known.involvements.contains { $0.program == .childWelfare })
        #expect(known.involvements.contains { $0.program == .calworks })
    }

    @Test("AB 429 and AB 135 show only to a worker who sees both programs' records; AB 429 services last the county's period")
    func reunification() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        #expect(try database.familyDetail(id: jose, for: ana, at: now)?.reunification == nil)
        let trainer = AccessPolicy(viewer: try policy(database, as: "Karen López", account: "klopez").viewer,
                                   isPracticeData: true, today: today)
        let status = try #require(try database.familyDetail(id: jose, for: trainer, at: now)?.reunification)
        #expect(status.ab429.eligible && status.ab135.eligible)
        #expect(status.ab429Services?.lastDay == status.facts.removedOn.adding(days: AB429.defaultServiceDays))
        // The county's own period for AB 429 services, audited as a settings change.
        try database.setAB429ServiceDays(270, by: "powens", at: now)
        #expect(try database.ab429ServiceDays() == 270)
        #expect(try database.familyDetail(id: jose, for: trainer, at: now)?.reunification?.ab429Services?.days == 270)
        #expect(throws: WorkRefusal("family \(jose) has no Family Reunification case you may see with both programs' records")) {
            try database.recordReunification(familyId: jose, ReunificationChanges(receivesSSI: true), for: ana, at: now)
        }
        try database.recordReunification(familyId: jose, ReunificationChanges(receivesSSI: true), for: trainer, at: now)
        let changed = try #require(try database.familyDetail(id: jose, for: trainer, at: now)?.reunification)
        #expect(!changed.ab429.eligible && changed.ab429.notMet == ["The parent receives SSI (excluded)."])
        // SSI excludes AB 429 only; AB 135 keeps its clock.
        #expect(changed.ab429Services == nil && changed.ab135.eligible && changed.ab135Clock == status.ab135Clock)
        // Findings not named stay: the earlier amendment date is still there.
        #expect(changed.facts.cashAidRecommendedOn == status.facts.cashAidRecommendedOn && changed.facts.servicesNeededForReunification)
        #expect(try database.auditEvents(familyId: jose).contains { $0.action == .recordReunification })
        // A wrongly recorded amendment date is corrected only on purpose, and the trail keeps the old one.
        let earlier = try #require(status.facts.cashAidRecommendedOn)
        let right = earlier.adding(days: 1)
        #expect(throws: WorkRefusal.self) {
            try database.recordReunification(familyId: jose, ReunificationChanges(cashAidRecommendedOn: right), for: trainer, at: now)
        }
        try database.recordReunification(familyId: jose, ReunificationChanges(cashAidRecommendedOn: right, correctingAmendment: true),
                                         for: trainer, at: now)
        #expect(try database.auditEvents(familyId: jose).contains { $0.detail == "corrected the amendment date from \(earlier.usFormat)" })
    }

    @Test("an administrator gets no family at all")
    func administrator() throws {
        let database = try Fixtures.demoDatabase()
        let admin = AccessPolicy(
            viewer: Worker(id: 1, account: "root", name: "Admin", program: .calworks, office: "County", role: .admin),
            isPracticeData: false, today: today)
        #expect(try database.familyDetail(id: try familyId("Mitchell, Sarah", in: database), for: admin, at: now) == nil)
        #expect(try auditCount(database) == 0)
    }

    @Test("every audited action writes exactly one row, in the same transaction as the change")
    func oneRowPerAction() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        var count = try auditCount(database)
        func expectOneMore(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let now = try auditCount(database)
            #expect(now == count + 1, "\(what) wrote \(now - count) rows", sourceLocation: sourceLocation)
            count = now
        }
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        try expectOneMore("acting as a demo worker")
        try database.addWorker(Worker(account: "new", name: "New Worker", program: .calworks, office: "West", role: .caseworker),
                               by: "root", at: now)
        try expectOneMore("adding a worker")
        try database.setWorkerActive(account: "new", false, by: "root", at: now)
        try expectOneMore("disabling a worker")
        _ = try database.familyDetail(id: jose, for: robert, at: now)
        try expectOneMore("viewing a family")
        _ = try database.familyDetail(id: jose, for: robert, emergencyReason: "court hearing in an hour", at: now)
        try expectOneMore("breaking the glass")
        _ = try database.familyDetail(id: jose, for: robert, emergencyReason: "court hearing in an hour",
                                      continuingEmergency: true, at: now)
        try expectOneMore("reading the page again after breaking the glass")
        let basis = try database.recordSharingBasis(SharingBasis(
            familyId: jose, kind: .courtOrder, sharesCalWORKs: true, sharesChildWelfare: false,
            signedOn: today, expiresOn: today.adding(days: 30), recordedBy: "rchen", recordedAt: now), at: now)
        try expectOneMore("recording a court order")
        try database.revokeSharingBasis(id: basis.id!, by: robert, at: now)
        try expectOneMore("revoking it")
        let draft = try database.createIntakeDraft(account: "rchen", draft: IntakeDraft(bankVersion: 1), at: now)
        try expectOneMore("starting an intake")
        try database.saveIntakeDraft(id: draft, draft: IntakeDraft(bankVersion: 1), at: now)
        #expect(try auditCount(database) == count, "a draft's autosave is not audited")
        try database.discardIntakeDraft(id: draft, by: "rchen", at: now)
        try expectOneMore("discarding an intake")
        let pair = try #require(try database.matchReviewQueue(by: "rchen", at: Fixtures.now).first)
        try expectOneMore("reading the match review, which names the families it shows")
        try database.decideMatch(id: pair.id, .reject, by: "rchen", at: now)
        try expectOneMore("deciding a match")
        _ = try database.runMatch(MatchRunOptions(account: "rchen"), at: now)
        try expectOneMore("running the batch match")

        let flagged = try database.auditEvents(flaggedOnly: true)
        #expect(flagged.count == 1 && flagged[0].action == .breakGlass && flagged[0].reason == "court hearing in an hour")
        #expect(try database.auditEvents(familyId: jose).count >= 4)
        #expect(try database.verifyAuditTrail() == .intact(rows: count, lastHash: try database.auditEvents(limit: 1)[0].hash))
    }

    @Test("an emergency opening waits for the supervisor of the worker's program and office until reviewed")
    func emergencyReview() throws {
        let database = try Fixtures.demoDatabase()
        let jose = try familyId("Núñez-García, José", in: database)
        let ana = try policy(database, as: "Ana Ruiz", account: "aruiz")
        _ = try database.familyDetail(id: jose, for: ana, emergencyReason: "child at the hospital", at: now)
        let patricia = try policy(database, as: "Patricia Owens", account: "powens").viewer
        let robert = try policy(database, as: "Robert Chen", account: "rchen").viewer
        let waiting = try database.emergencyOpenings(for: patricia, at: Fixtures.now)
        #expect(waiting.count == 1 && waiting[0].workerName == "Ana Ruiz" && waiting[0].familyName == "Núñez-García, José")
        #expect(waiting[0].event.reason == "child at the hospital")
        #expect(try database.emergencyOpenings(for: robert, at: Fixtures.now).isEmpty, "another program's supervisor is not told")
        let before = try auditCount(database)
        try database.reviewEmergency(eventId: waiting[0].event.id, by: "powens", at: now)
        try database.reviewEmergency(eventId: waiting[0].event.id, by: "powens", at: now)
        #expect(try auditCount(database) == before + 1, "a second review changes nothing")
        #expect(try database.emergencyOpenings(for: patricia, at: Fixtures.now).isEmpty)
        #expect(try database.emergencyOpenings(for: patricia, includeReviewed: true, at: Fixtures.now).first?.reviewedBy == "powens")
    }

    @Test("the staffing agenda weighs only the supervisor's office's families, with what the supervisor may see")
    func staffingAgenda() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try policy(database, as: "Robert Chen", account: "rchen")
        let agenda = try database.staffingAgenda(for: robert, weights: Fixtures.staffingWeights, at: now)
        #expect(!agenda.isEmpty && agenda == agenda.sorted { $0.score > $1.score || ($0.score == $1.score && $0.familyName < $1.familyName) })
        let sarah = try #require(agenda.first { $0.familyName == "Mitchell, Sarah" })
        #expect(sarah.reasons.map(\.text).contains("Emergency Response referral open"))
        #expect(!sarah.reasons.map(\.text).joined().contains("substance use"), "Marcus recorded it; Robert has no consent naming it")
        let south = try #require(try database.workers().first { $0.name == "Gabriel Soto" })
        #expect(try database.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM household WHERE source = 'childWelfare' AND office = 'South' AND familyId IN (\(agenda.map { String($0.familyId) }.joined(separator: ",")))
                  AND familyId NOT IN (SELECT familyId FROM household WHERE source = 'childWelfare' AND (office = 'Central' OR office IS NULL))
                """)
        } == 0, "no family held only by the South office (\(south.name)'s) is on the Central agenda")
        #expect(try database.auditEvents(limit: 1).first?.action == .viewAgenda)
    }

    @Test("a backup is a whole, owner-only copy taken through SQLite, audited, and never overwrites a file")
    func backup() throws {
        let database = try Fixtures.demoDatabase()
        let path = try Fixtures.temporaryFolder().appendingPathComponent("copy.sqlite").path
        try database.backup(to: path, by: "root", at: now)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let copy = try AppDatabase.open(DatabaseLocation(path: path, isDefault: false))
        let count = { (db: AppDatabase) in try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM family") } }
        #expect(try count(copy) == count(database))
        #expect(try copy.auditEvents(limit: 1).first?.action == .backup)
        #expect(throws: StoreError.self) { try database.backup(to: path, by: "root", at: now) }
    }

    /// A database whose trail has a few rows, with the guard triggers dropped as an intruder
    /// with the sqlite3 shell would.
    func tamperable() throws -> AppDatabase {
        let (database, _) = try Fixtures.emptyDatabase()
        for index in 1...5 {
            try database.audit(AuditEntry(account: "worker\(index)", action: .viewFamily, familyId: Int64(index)), at: now)
        }
        try database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER auditEvent_no_update; DROP TRIGGER auditEvent_no_delete")
        }
        return database
    }

    @Test("the trail refuses changes, and a hand edit, a deletion or a reordering is named by verify")
    func tampering() throws {
        let (guarded, _) = try Fixtures.emptyDatabase()
        try guarded.audit(AuditEntry(account: "a", action: .viewFamily), at: now)
        #expect(throws: DatabaseError.self) {
            try guarded.writer.write { try $0.execute(sql: "UPDATE auditEvent SET account = 'b'") }
        }
        #expect(throws: DatabaseError.self) {
            try guarded.writer.write { try $0.execute(sql: "DELETE FROM auditEvent") }
        }

        let edited = try tamperable()
        try edited.writer.write { try $0.execute(sql: "UPDATE auditEvent SET account = 'someone else' WHERE id = 3") }
        #expect(try edited.verifyAuditTrail() == .broken(atRow: 3, problem: "its contents or the row before it were changed"))

        let deleted = try tamperable()
        try deleted.writer.write { try $0.execute(sql: "DELETE FROM auditEvent WHERE id = 2") }
        #expect(try deleted.verifyAuditTrail() == .broken(atRow: 3, problem: "rows 2 to 2 are missing"))

        let reordered = try tamperable()
        try reordered.writer.write { db in
            try db.execute(sql: """
                UPDATE auditEvent SET id = 100 WHERE id = 2;
                UPDATE auditEvent SET id = 2 WHERE id = 4;
                UPDATE auditEvent SET id = 4 WHERE id = 100;
                """)
        }
        #expect(try reordered.verifyAuditTrail() == .broken(atRow: 2, problem: "its contents or the row before it were changed"))

        let intact = try tamperable()
        guard case .intact(let rows, _) = try intact.verifyAuditTrail() else {
            Issue.record("an untouched trail must verify")
            return
        }
        #expect(rows == 5)
    }
}
