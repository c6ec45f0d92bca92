import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// The outcomes report for `period`: every measure over every family and referral in the
    /// county, split by `breakdown`, small counts suppressed in what is shown. Refused to
    /// caseworkers; the reading is audited.
    public func outcomeReport(
        period: ReportPeriod, breakdown: Breakdown?, for policy: AccessPolicy, at time: Date
    ) throws -> OutcomeReport {
        guard policy.mayReadOutcomes else {
            throw WorkRefusal("the outcomes report is for supervisors, liaisons and administrators")
        }
        return try write { db in
            let families = try Self.familyFacts(db)
            let referrals = try Self.referralFacts(db)
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .viewOutcomes,
                                             detail: "\(period.description)" + (breakdown.map { " by \($0.rawValue)" } ?? "")),
                                  at: time, in: db)
            return OutcomeReport.compute(families: families, referrals: referrals, period: period, breakdown: breakdown,
                                         serviceLevels: try Self.serviceLevels(db), holidays: try Self.holidays(db))
        }
    }

    /// What the report reads about each family, in a handful of whole-table queries.
    static func familyFacts(_ db: Database) throws -> [FamilyFacts] {
        var facts: [Int64: FamilyFacts] = [:]
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM family ORDER BY id") {
            facts[id] = FamilyFacts(familyId: id)
        }
        // The office of the Child Welfare record wins over CalWORKs'; an intake record has none.
        for row in try Row.fetchAll(db, sql: """
            SELECT familyId, office FROM household WHERE office IS NOT NULL
            ORDER BY familyId, source = 'childWelfare', id
            """) {
            facts[row["familyId"]]?.office = row["office"]
        }
        // The case head's race, else the family's first person's.
        for row in try Row.fetchAll(db, sql: """
            SELECT household.familyId, person.raceEthnicity FROM person JOIN household ON household.id = person.householdId
            ORDER BY household.familyId, person.relationship = 'head', person.raceEthnicity != 'unknown', person.id DESC
            """) {
            facts[row["familyId"]]?.race = RaceEthnicity(rawValue: row["raceEthnicity"]) ?? .unknown
        }
        let involvements = try Row.fetchCursor(db, sql: """
            SELECT involvement.*, household.familyId AS familyId, household.source AS recordSource
            FROM involvement JOIN household ON household.id = involvement.householdId
            ORDER BY involvement.id
            """)
        while let row = try involvements.next() {
            let involvement = try Involvement(row: row)
            facts[row["familyId"]]?.involvements.append(involvement)
            if (row["recordSource"] as String?) == RecordSource.intake.rawValue, let id = involvement.id {
                facts[row["familyId"]]?.intakeInvolvementIds.insert(id)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT familyId, kind, recordedAt FROM concern ORDER BY id") {
            guard let kind = ConcernKind(rawValue: row["kind"]) else { continue }
            facts[row["familyId"]]?.concerns.append(DatedConcern(kind, recordedOn: CalendarDate.today(now: row["recordedAt"])))
        }
        let intakes = try IntakeRecord
            .filter(Column("status") == IntakeRecord.Status.finished.rawValue && Column("familyId") != nil && Column("finishedAt") != nil)
            .order(Column("id")).fetchAll(db)
        let contacts = try responseContacts(db, intakeIds: intakes.compactMap(\.id))
        let settings = IntakeSettings(holidays: try holidays(db))
        for intake in intakes {
            guard let familyId = intake.familyId, let finishedAt = intake.finishedAt else { continue }
            let said = ReportedFact.facts(in: intake.draft)
            if !said.isEmpty {
                facts[familyId]?.reported.append(DatedReport(said, on: CalendarDate.today(now: finishedAt)))
            }
            if let received = CalendarDate(intake.draft.answer(.referralReceivedDate)),
               let clock = IntakeClocks.clocks(for: intake.draft, settings: settings, recorded: contacts[intake.id ?? 0] ?? [])
                   .first(where: \.isInPersonResponse) {
                facts[familyId]?.responses.append(ResponseFacts(receivedOn: received, clock: clock))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT familyId, identifiedAt, method FROM mutualIdentification") {
            let at: Date = row["identifiedAt"]
            facts[row["familyId"]]?.identifiedOn = CalendarDate.today(now: at)
            facts[row["familyId"]]?.identifiedBy = IdentificationMethod(rawValue: row["method"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT familyId, createdAt FROM casePlan") {
            facts[row["familyId"]]?.planStartedOn = CalendarDate.today(now: row["createdAt"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT familyId, date FROM teamMeeting WHERE status = 'held' ORDER BY date") {
            if let date = CalendarDate(row["date"] as String) { facts[row["familyId"]]?.meetingsHeldOn.append(date) }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT familyId, date FROM teamMeeting m WHERE status = 'held' AND EXISTS (
                SELECT 1 FROM meetingInvitee i WHERE i.meetingId = m.id AND i.program = 'calworks' AND i.attended = 1)
            ORDER BY date
            """) {
            if let date = CalendarDate(row["date"] as String) { facts[row["familyId"]]?.meetingsWithCalWORKsOn.append(date) }
        }
        for row in try Row.fetchAll(db, sql: "SELECT familyId, reviewedAt FROM staffingReview ORDER BY reviewedAt") {
            facts[row["familyId"]]?.staffedOn.append(CalendarDate.today(now: row["reviewedAt"]))
        }
        for record in try ReunificationRecord.fetchAll(db) {
            facts[record.familyId]?.reunification = record
        }
        return facts.keys.sorted().map { facts[$0]! }
    }

    /// Each referral with the days it reached each status.
    static func referralFacts(_ db: Database) throws -> [ReferralFacts] {
        var milestones: [Int64: [ReferralMilestone]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT referralId, status, at FROM referralEvent ORDER BY at, id") {
            guard let status = ReferralStatus(rawValue: row["status"]) else { continue }
            milestones[row["referralId"], default: []].append(ReferralMilestone(status, on: CalendarDate.today(now: row["at"])))
        }
        return try Row.fetchAll(db, sql: "SELECT id, familyId, type, fromProgram, outcome FROM referral ORDER BY id").compactMap { row in
            guard let type = ReferralType(rawValue: row["type"]), let program = Program(rawValue: row["fromProgram"]) else { return nil }
            let id: Int64 = row["id"]
            return ReferralFacts(referralId: id, familyId: row["familyId"], type: type, fromProgram: program,
                                 steps: milestones[id] ?? [], outcome: (row["outcome"] as String?).flatMap(ReferralOutcome.init(rawValue:)))
        }
    }
}
