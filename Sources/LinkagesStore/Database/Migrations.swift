import GRDB

/// Every schema change, in order. A migration is frozen once it has landed on main: change the
/// schema by adding a new one, never by editing an old one, and never erase a database because
/// its schema changed.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        migrator.registerMigration("v2-intake", migrate: intake)
        migrator.registerMigration("v3-matching", migrate: matching)
        migrator.registerMigration("v4-lookup", migrate: lookup)
        migrator.registerMigration("v5-access", migrate: access)
        migrator.registerMigration("v6-emergency-review", migrate: emergencyReview)
        migrator.registerMigration("v7-referral-desk", migrate: referralDesk)
        migrator.registerMigration("v8-directory", migrate: directory)
        migrator.registerMigration("v9-reunification", migrate: reunification)
        migrator.registerMigration("v10-plan-editor", migrate: planEditor)
        migrator.registerMigration("v11-team-meetings", migrate: teamMeetings)
        migrator.registerMigration("v12-staffing-and-changes", migrate: staffingAndChanges)
        migrator.registerMigration("v13-welfare-to-work-status", migrate: welfareToWorkStatus)
        migrator.registerMigration("v14-mutual-identification", migrate: mutualIdentification)
        migrator.registerMigration("v15-compact-name-indexes", migrate: compactNameIndexes)
        migrator.registerMigration("v16-placement-hearing", migrate: placementHearing)
        migrator.registerMigration("v17-edit-versions", migrate: editVersions)
        migrator.registerMigration("v18-basis-approval", migrate: basisApproval)
        migrator.registerMigration("v19-audit-families", migrate: auditFamilies)
        migrator.registerMigration("v20-response-contacts", migrate: responseContacts)
        migrator.registerMigration("v21-meeting-attendance", migrate: meetingAttendance)
        return migrator
    }

    /// Every family each audit row names (a list names many), for counting how many distinct
    /// families a worker read in a while. Derived from the rows: the hashed detail lists them too.
    /// The in-person contacts an ER worker records after finishing the intake: attempts, and the
    /// one visit that saw the family (at most one per intake, so that two workers recording it at
    /// once cannot both succeed).
    /// Who came to each team meeting, and which program each invited worker is of, so that
    /// "was CalWORKs at the CFT?" has an answer. Invitees from before carry their program in
    /// the role the default list gave them; who came to those meetings was never recorded.
    private static func meetingAttendance(_ db: Database) throws {
        try db.alter(table: "meetingInvitee") { t in
            t.add(column: "program", .text)
            t.add(column: "attended", .boolean)
        }
        try db.execute(sql: """
            UPDATE meetingInvitee SET program = CASE
                WHEN role LIKE 'CalWORKs worker%' THEN 'calworks'
                WHEN role = 'Child Welfare worker' THEN 'childWelfare' END
            WHERE workerId IS NOT NULL
            """)
    }

    private static func responseContacts(_ db: Database) throws {
        try db.create(table: "responseContact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("intake", onDelete: .cascade).notNull()
            t.column("day", .text).notNull()
            t.column("time", .text)
            t.column("outcome", .text).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.execute(sql: "CREATE UNIQUE INDEX responseContactSeenOnce ON responseContact(intakeId) WHERE outcome = 'completed'")
    }

    private static func auditFamilies(_ db: Database) throws {
        try db.create(table: "auditEventFamily") { t in
            t.column("eventId", .integer).notNull()
            t.column("familyId", .integer).notNull()
            t.primaryKey(["eventId", "familyId"])
        }
        try db.execute(sql: "INSERT INTO auditEventFamily(eventId, familyId) SELECT id, familyId FROM auditEvent WHERE familyId IS NOT NULL")
    }

    /// A sharing basis opens a program's records only once a supervisor of that program approved
    /// it: each program's decision (JSON), nil while pending. Bases recorded before this wait for
    /// a decision like new ones: each was one worker's word alone.
    private static func basisApproval(_ db: Database) throws {
        try db.alter(table: "sharingBasis") { t in
            t.add(column: "calworksDecision", .text)
            t.add(column: "childWelfareDecision", .text)
            t.add(column: "recordedByWorkerId", .integer).references("worker", onDelete: .setNull)
        }
    }

    /// The records two workers may edit at once carry a version, so that a save over a newer
    /// one is caught; audit rows keep the values each change changed, before and after.
    private static func editVersions(_ db: Database) throws {
        for table in ["casePlan", "planTask", "referral", "teamMeeting"] {
            try db.alter(table: table) { t in
                t.add(column: "version", .integer).notNull().defaults(to: 1)
            }
        }
        try db.alter(table: "auditEvent") { t in
            t.add(column: "changes", .text)
        }
    }

    /// Both name indexes keep only what their searches read, which makes them a fifth of their
    /// size and three times quicker to fill on a large import (docs/benchmarks.md):
    /// - the lookup's index is only asked which people have a term, so it keeps no copy of the
    ///   terms (`content=''`) and no word positions (`detail=none`); a person's old terms, needed
    ///   to take them out again, are computed from the old names by the same function;
    /// - the intake's index is asked for words in a given name column, so it keeps columns but
    ///   not positions (`detail=column`);
    /// - neither ranks its results, so neither keeps column sizes (`columnsize=0`);
    /// - a bulk import may gather up to 64 MiB of new index entries in memory before writing them
    ///   (`hashsize`), instead of writing and merging many small pieces.
    private static func compactNameIndexes(_ db: Database) throws {
        for trigger in ["__personFts_ai", "__personFts_ad", "__personFts_au",
                        "personLookup_insert", "personLookup_delete", "personLookup_update"] {
            try db.execute(sql: "DROP TRIGGER \(trigger)")
        }
        try db.drop(table: "personFts")
        try db.drop(table: "personLookup")
        try db.create(virtualTable: "personFts", using: FTS5()) { t in
            t.synchronize(withTable: "person")
            t.tokenizer = .unicode61(diacritics: .remove)
            t.detail = "column"
            t.columnSize = 0
            t.column("firstName")
            t.column("middleName")
            t.column("lastName")
        }
        let old = LookupIndex.terms("old"), new = LookupIndex.terms("new")
        try db.execute(sql: """
            CREATE VIRTUAL TABLE personLookup USING fts5(
                terms, tokenize = 'ascii', prefix = '1 2 3', content = '', detail = none, columnsize = 0);
            CREATE TRIGGER personLookup_insert AFTER INSERT ON person BEGIN
                INSERT INTO personLookup(rowid, terms) VALUES (new.id, \(new));
            END;
            CREATE TRIGGER personLookup_delete AFTER DELETE ON person BEGIN
                INSERT INTO personLookup(personLookup, rowid, terms) VALUES ('delete', old.id, \(old));
            END;
            CREATE TRIGGER personLookup_update AFTER UPDATE OF firstName, middleName, lastName ON person BEGIN
                INSERT INTO personLookup(personLookup, rowid, terms) VALUES ('delete', old.id, \(old));
                INSERT INTO personLookup(rowid, terms) VALUES (new.id, \(new));
            END;
            """)
        for table in ["personFts", "personLookup"] {
            try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('hashsize', \(64 << 20))")
        }
        try db.execute(sql: "INSERT INTO personFts(personFts) VALUES ('rebuild')")
        try LookupIndex.add(db, peopleFrom: 0)
    }

    /// When and how each family was first found to be known to both programs (for the outcomes report).
    private static func mutualIdentification(_ db: Database) throws {
        try db.create(table: "mutualIdentification") { t in
            t.primaryKey("familyId", .integer).references("family", onDelete: .cascade)
            t.column("identifiedAt", .datetime).notNull()
            t.column("method", .text).notNull()
            t.column("account", .text)
        }
    }

    /// A parent's Welfare-to-Work standing (sanction, non-compliance …), read from the CalWORKs extract.
    /// The dispositional hearing's date and whether there is reason to know a child is an
    /// Indian child: both move the first Child and Family Team meeting's deadline. The amendment
    /// date of the removal before the current one keeps a later removal from reusing its clock.
    private static func placementHearing(_ db: Database) throws {
        try db.alter(table: "reunificationRecord") { t in
            t.add(column: "dispositionalHearingOn", .text)
            t.add(column: "icwa", .boolean).notNull().defaults(to: false)
            t.add(column: "priorCashAidRecommendedOn", .text)
        }
    }

    private static func welfareToWorkStatus(_ db: Database) throws {
        try db.alter(table: "involvement") { t in
            t.add(column: "welfareToWorkStatus", .text)
        }
    }

    /// What workers record about a Family Reunification case for AB 429 and AB 135.
    /// Joint staffings held (with their minutes) and the changes one program tells the other.
    private static func staffingAndChanges(_ db: Database) throws {
        try db.create(table: "staffingReview") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.column("reviewedAt", .datetime).notNull()
            t.column("reviewedBy", .text).notNull()
            t.column("minutes", .text).notNull()
        }
        try db.create(table: "changeNotice") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("text", .text).notNull()
            t.belongsTo("fromWorker", inTable: "worker", onDelete: .setNull)
            t.column("fromProgram", .text).notNull()
            t.belongsTo("toWorker", inTable: "worker", onDelete: .cascade).notNull()
            t.column("sentAt", .datetime).notNull()
            t.column("readAt", .datetime)
        }
        try db.create(index: "changeNoticeInbox", on: "changeNotice", columns: ["toWorkerId", "readAt"])
    }

    /// Child and Family Team meetings: when and where, who is invited, what was decided (and
    /// the plan task each decision became).
    private static func teamMeetings(_ db: Database) throws {
        try db.create(table: "teamMeeting") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.column("date", .text).notNull()
            t.column("time", .text)
            t.column("place", .text).notNull()
            t.column("status", .text).notNull()
            t.column("scheduledBy", .text).notNull()
            t.column("scheduledAt", .datetime).notNull()
        }
        try db.create(table: "meetingInvitee") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", inTable: "teamMeeting", onDelete: .cascade).notNull()
            t.belongsTo("worker", onDelete: .setNull)
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
        }
        try db.create(table: "meetingDecision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("meeting", inTable: "teamMeeting", onDelete: .cascade).notNull()
            t.column("text", .text).notNull()
            t.belongsTo("task", inTable: "planTask", onDelete: .setNull)
        }
    }

    /// Plan tasks say what they are (a Welfare-to-Work activity, a visit …), when they take the
    /// family's time, and which task they wait for, so the plan can show its conflicts.
    private static func planEditor(_ db: Database) throws {
        try db.alter(table: "planTask") { t in
            t.add(column: "kind", .text).notNull().defaults(to: "other")
            t.add(column: "time", .text)
            t.add(column: "afterTaskId", .integer).references("planTask", onDelete: .setNull)
        }
    }

    private static func reunification(_ db: Database) throws {
        try db.create(table: "reunificationRecord") { t in
            t.primaryKey("familyId", .integer).references("family", onDelete: .cascade)
            t.column("removedOn", .text)
            t.column("servicesNeeded", .boolean).notNull()
            t.column("cashAidRecommendedOn", .text)
            t.column("allEligibleChildrenRemoved", .boolean).notNull()
            t.column("receivesSSI", .boolean).notNull()
            t.column("undocumentedNoncitizen", .boolean).notNull()
            t.column("fleeingFelon", .boolean).notNull()
            t.column("atTimeOnAidLimit", .boolean).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
    }

    /// The community service directory, as imported from Open Referral HSDS files: each import
    /// replaces the whole directory. Ids are the publisher's.
    private static func directory(_ db: Database) throws {
        try db.create(table: "directoryOrganization") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("description", .text)
            t.column("email", .text)
            t.column("website", .text)
        }
        try db.create(table: "directoryService") { t in
            t.primaryKey("id", .text)
            t.belongsTo("organization", inTable: "directoryOrganization", onDelete: .cascade).notNull()
            t.column("name", .text).notNull()
            t.column("description", .text)
            t.column("status", .text)
        }
        try db.create(table: "directoryLocation") { t in
            t.primaryKey("id", .text)
            t.belongsTo("organization", inTable: "directoryOrganization", onDelete: .cascade)
            t.column("name", .text)
            t.column("street", .text)
            t.column("city", .text)
            t.column("postalCode", .text)
        }
        try db.create(table: "directoryPhone") { t in
            t.primaryKey("id", .text)
            t.belongsTo("organization", inTable: "directoryOrganization", onDelete: .cascade)
            t.belongsTo("service", inTable: "directoryService", onDelete: .cascade)
            t.belongsTo("location", inTable: "directoryLocation", onDelete: .cascade)
            t.column("number", .text).notNull()
        }
    }

    /// The referral desk: when each referral entered its status (the service-level clock), the
    /// liaison whose queue it is in, and the notes thread between the two sides.
    private static func referralDesk(_ db: Database) throws {
        try db.alter(table: "referral") { t in
            t.add(column: "statusSince", .datetime)
            t.add(column: "assignedLiaisonId", .integer).references("worker", onDelete: .setNull)
        }
        try db.execute(sql: """
            UPDATE referral SET statusSince = coalesce(
                (SELECT max(at) FROM referralEvent WHERE referralEvent.referralId = referral.id), updatedAt)
            """)
        try db.create(table: "referralNote") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("referral", onDelete: .cascade).notNull()
            t.belongsTo("worker", onDelete: .setNull)
            t.column("at", .datetime).notNull()
            t.column("text", .text).notNull()
            t.column("sensitive", .boolean).notNull()
        }
    }

    /// A supervisor's review of an emergency (break-the-glass) opening; the review itself is
    /// also an audit row.
    private static func emergencyReview(_ db: Database) throws {
        try db.create(table: "emergencyReview") { t in
            t.primaryKey("eventId", .integer)
            t.column("reviewedBy", .text).notNull()
            t.column("reviewedAt", .datetime).notNull()
        }
    }

    /// Sharing bases (releases, authorisations, court orders) and the hash-chained audit trail.
    /// The audit table refuses updates and deletes; `linkages audit verify` catches what gets
    /// past that (a hand edit with the triggers dropped).
    private static func access(_ db: Database) throws {
        try db.create(table: "sharingBasis") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("sharesCalWORKs", .boolean).notNull()
            t.column("sharesChildWelfare", .boolean).notNull()
            t.column("includesSubstanceUse", .boolean).notNull()
            t.column("signedOn", .text).notNull()
            t.column("expiresOn", .text).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
            t.column("revokedBy", .text)
            t.column("note", .text)
        }
        // No foreign keys: the trail outlives the families and workers it names.
        try db.create(table: "auditEvent") { t in
            t.primaryKey("id", .integer)
            t.column("at", .text).notNull()
            t.column("account", .text).notNull().indexed()
            t.column("action", .text).notNull()
            t.column("familyId", .integer).indexed()
            t.column("detail", .text)
            t.column("reason", .text)
            t.column("flagged", .boolean).notNull()
            t.column("hash", .text).notNull()
        }
        try db.execute(sql: """
            CREATE TRIGGER auditEvent_no_update BEFORE UPDATE ON auditEvent BEGIN
                SELECT RAISE(ABORT, 'the audit trail cannot be changed');
            END;
            CREATE TRIGGER auditEvent_no_delete BEFORE DELETE ON auditEvent BEGIN
                SELECT RAISE(ABORT, 'the audit trail cannot be changed');
            END;
            """)
    }

    /// The household lookup's name index: each person's name words and their sound-alike codes
    /// (``LookupTerms``), kept in step with the person table by triggers that call the
    /// `linkages_lookup_terms` function every connection registers.
    private static func lookup(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE personLookup USING fts5(terms, tokenize = 'ascii', prefix = '1 2 3');
            CREATE TRIGGER personLookup_insert AFTER INSERT ON person BEGIN
                INSERT INTO personLookup(rowid, terms) VALUES (new.id, \(LookupIndex.terms("new")));
            END;
            CREATE TRIGGER personLookup_delete AFTER DELETE ON person BEGIN
                DELETE FROM personLookup WHERE rowid = old.id;
            END;
            CREATE TRIGGER personLookup_update AFTER UPDATE OF firstName, middleName, lastName ON person BEGIN
                DELETE FROM personLookup WHERE rowid = old.id;
                INSERT INTO personLookup(rowid, terms) VALUES (new.id, \(LookupIndex.terms("new")));
            END;
            """)
        try LookupIndex.add(db, peopleFrom: 0)
        // A case number typed into the lookup finds its involvement at once.
        try db.create(index: "involvement_on_sourceCaseId", on: "involvement", columns: ["sourceCaseId"])
    }

    /// Cross-program person matches: the batch match's links and suggestions, supervisors'
    /// decisions, and the evidence for each.
    private static func matching(_ db: Database) throws {
        try db.create(table: "personMatch") { t in
            t.primaryKey("id", .integer)
            t.belongsTo("calworksPerson", inTable: "person", onDelete: .cascade).notNull()
            t.belongsTo("cwsPerson", inTable: "person", onDelete: .cascade).notNull()
            t.column("probability", .double).notNull()
            // JSON: [{"field": "...", "text": "...", "weight": 1.2}]
            t.column("evidence", .text).notNull()
            t.column("status", .text).notNull().indexed()
            t.column("matchedAt", .datetime).notNull()
            t.column("decidedBy", .text)
            t.column("decidedAt", .datetime)
            t.uniqueKey(["calworksPersonId", "cwsPersonId"])
        }
    }

    /// ER intakes: drafts saved at every key, and finished intakes with their answers.
    private static func intake(_ db: Database) throws {
        try db.create(table: "intake") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("account", .text).notNull().indexed()
            t.belongsTo("family", onDelete: .setNull)
            t.column("status", .text).notNull()
            t.column("bankVersion", .integer).notNull()
            t.column("draft", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
        }
    }

    private static func foundation(_ db: Database) throws {
        try db.create(table: "meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }

        try db.create(table: "worker") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("account", .text).unique()
            t.column("name", .text).notNull()
            t.column("program", .text).notNull()
            t.column("office", .text).notNull()
            t.column("role", .text).notNull()
            t.column("phone", .text)
            t.column("email", .text)
            t.column("active", .boolean).notNull().defaults(to: true)
        }

        try db.create(table: "family") { t in
            // A plain rowid key: AUTOINCREMENT costs 2 µs a row on a million-row import.
            t.primaryKey("id", .integer)
            t.column("displayName", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }

        try db.create(table: "household") { t in
            // A plain rowid key: AUTOINCREMENT costs 2 µs a row on a million-row import.
            t.primaryKey("id", .integer)
            t.belongsTo("family", onDelete: .restrict).notNull()
            t.column("source", .text).notNull()
            t.column("sourceKey", .text)
            t.column("street", .text)
            t.column("city", .text)
            t.column("zip", .text)
            t.column("phone", .text)
            t.column("office", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["source", "sourceKey"])
        }

        try db.create(table: "person") { t in
            // A plain rowid key: AUTOINCREMENT costs 2 µs a row on a million-row import.
            t.primaryKey("id", .integer)
            t.belongsTo("household", onDelete: .cascade).notNull()
            t.column("sourcePersonId", .text).indexed()
            t.column("firstName", .text).notNull()
            t.column("middleName", .text)
            t.column("lastName", .text).notNull()
            t.column("dateOfBirth", .text).indexed()
            t.column("sex", .text).notNull()
            t.column("relationship", .text).notNull()
            t.column("caseRole", .text)
            t.column("cin", .text).indexed()
            t.column("ssn", .text)
            t.column("phone", .text)
            t.column("raceEthnicity", .text).notNull()
        }

        // Names searchable without accents: "nunez" finds Núñez.
        try db.create(virtualTable: "personFts", using: FTS5()) { t in
            t.synchronize(withTable: "person")
            t.tokenizer = .unicode61(diacritics: .remove)
            t.column("firstName")
            t.column("middleName")
            t.column("lastName")
        }

        try db.create(table: "involvement") { t in
            // A plain rowid key: AUTOINCREMENT costs 2 µs a row on a million-row import.
            t.primaryKey("id", .integer)
            t.belongsTo("household", onDelete: .cascade).notNull()
            t.belongsTo("person", onDelete: .cascade)
            t.column("component", .text).notNull()
            t.column("status", .text).notNull()
            t.column("startDate", .text)
            t.column("endDate", .text)
            t.column("sourceCaseId", .text)
            t.belongsTo("worker", onDelete: .setNull)
        }

        try db.create(table: "concern") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("note", .text)
            t.column("recordedAt", .datetime).notNull()
            t.belongsTo("recordedBy", inTable: "worker", onDelete: .setNull)
        }

        try db.create(table: "referral") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull()
            t.belongsTo("person", onDelete: .setNull)
            t.column("fromProgram", .text).notNull()
            t.belongsTo("fromWorker", inTable: "worker", onDelete: .setNull)
            t.column("toProgram", .text)
            t.column("toProviderName", .text)
            t.column("type", .text).notNull()
            t.column("urgency", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("status", .text).notNull().indexed()
            t.column("outcome", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }

        try db.create(table: "referralEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("referral", onDelete: .cascade).notNull()
            t.column("status", .text).notNull()
            t.column("at", .datetime).notNull()
            t.belongsTo("worker", onDelete: .setNull)
            t.column("note", .text)
        }

        try db.create(table: "casePlan") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("family", onDelete: .cascade).notNull().unique()
            t.belongsTo("leadWorker", inTable: "worker", onDelete: .setNull)
            t.column("goals", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }

        try db.create(table: "planTask") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("plan", inTable: "casePlan", onDelete: .cascade).notNull()
            t.column("title", .text).notNull()
            t.column("owner", .text).notNull()
            t.belongsTo("ownerWorker", inTable: "worker", onDelete: .setNull)
            t.column("dueDate", .text)
            t.column("status", .text).notNull()
            t.column("note", .text)
        }
    }
}
