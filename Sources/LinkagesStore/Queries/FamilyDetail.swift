import Foundation
import GRDB
import LinkagesDomain

/// Everything Linkages knows about one family, each program's records side by side.
public struct FamilyDetail: Sendable, Equatable {
    public var family: Family
    public var records: [HouseholdRecord]
    public var workers: [Int64: Worker]
    public var concerns: [Concern]
    public var referrals: [Referral]
    public var plan: CasePlan?
    public var tasks: [PlanTask]
    /// Finished ER intakes of the family, newest first.
    public var intakes: [IntakeRecord]
    /// The in-person contacts recorded after each intake (by intake id), earliest first.
    public var responseContacts: [Int64: [ResponseContact]] = [:]
    public var tier: TierAssessment
    /// Releases, authorisations and court orders recorded for the family, newest first.
    public var sharingBases: [SharingBasis] = []
    /// What the worker may not see, counted.
    public var withheld = WithheldFromView()
    /// Substance-use information is on the page under a consent: the redisclosure notice must show.
    public var substanceUseShownUnderConsent = false
    /// The reason the worker typed to break the glass, when they did.
    public var emergencyReason: String?
    /// AB 429 and AB 135 for a family in Family Reunification.
    public var reunification: ReunificationStatus?
    /// Child and Family Team meetings, newest first.
    public var meetings: [MeetingRecord] = []
    /// When the first team meeting is due, for a family with a child in placement.
    public var teamMeetingDeadline: TeamMeetingDeadline?
    /// Joint staffings of the family, newest first, with their minutes.
    public var staffings: [StaffingMinutes] = []

    /// The records one source holds for this family.
    public func records(from source: RecordSource) -> [HouseholdRecord] {
        records.filter { $0.household.source == source }
    }
}

/// A joint staffing as a supervisor recorded it: when, who, and what was agreed.
public struct StaffingMinutes: Equatable, Sendable {
    public var reviewedAt: Date
    /// The supervisor's name, or their account when it no longer names a worker.
    public var reviewedBy: String
    public var minutes: String
}

/// One team meeting with who is invited and what it decided.
public struct MeetingRecord: Equatable, Sendable {
    public var meeting: TeamMeeting
    public var invitees: [MeetingInvitee]
    public var decisions: [MeetingDecision]
}

/// One household record with its people and its program involvement.
public struct HouseholdRecord: Sendable, Equatable {
    public var household: Household
    public var people: [Person]
    public var involvements: [Involvement]
    /// What the worker may see of this record.
    public var access: RecordAccess = .full(.ownProgram)
    /// The workers assigned to the record, kept when its involvement is withheld.
    public var assignedWorkerIds: [Int64] = []
    /// The dates of contact, kept when its involvement is withheld.
    public var contactDates: [CalendarDate] = []
}

extension AppDatabase {
    /// The family as `policy`'s worker may see it. Writes the view to the audit trail in the
    /// same transaction (and the emergency, flagged, when the worker broke the glass).
    ///
    /// - Parameter continuingEmergency: the page is read again after the glass was broken on it
    ///   (a refresh, a return from another screen): audited as a view with the reason, not
    ///   flagged again.
    public func familyDetail(
        id familyId: Int64, for policy: AccessPolicy, emergencyReason: String? = nil, continuingEmergency: Bool = false,
        sensitiveQuestions: Set<String> = [], at time: Date
    ) throws -> FamilyDetail? {
        guard policy.mayOpenFamilies else { return nil }
        return try write { db in
            guard let detail = try Self.familyDetail(db, id: familyId, on: policy.today) else { return nil }
            let visible = detail.visible(under: policy, emergencyReason: emergencyReason, sensitiveQuestions: sensitiveQuestions)
            let account = policy.viewer.account ?? ""
            if let emergencyReason, continuingEmergency {
                try AuditTrail.append(AuditEntry(account: account, action: .viewFamily, familyId: familyId,
                                                 detail: "emergency access, continued", reason: emergencyReason), at: time, in: db)
            } else if let emergencyReason {
                try AuditTrail.append(AuditEntry(account: account, action: .breakGlass, familyId: familyId,
                                                 reason: emergencyReason, flagged: true), at: time, in: db)
            } else if let basis = Self.ownBasisOpening(visible, for: policy.viewer, since: time.addingTimeInterval(-86_400)) {
                // Records opened less than a day ago by a basis this worker recorded or approved:
                // a supervisor checks that it was not a worker giving herself access.
                try AuditTrail.append(AuditEntry(account: account, action: .viewFamily, familyId: familyId,
                                                 detail: "viewed records opened by sharing basis \(basis.id ?? 0), which this worker "
                                                     + (basis.isRecorded(by: policy.viewer) ? "recorded" : "approved"),
                                                 flagged: true), at: time, in: db)
            } else {
                try AuditTrail.append(AuditEntry(account: account, action: .viewFamily, familyId: familyId), at: time, in: db)
            }
            return visible
        }
    }

    /// A basis that opens a record shown here, recorded or approved by `worker`, whose
    /// approval (what made it open the record) came after `since`.
    static func ownBasisOpening(_ visible: FamilyDetail, for worker: Worker, since: Date) -> SharingBasis? {
        for record in visible.records {
            guard case .full(.sharingBasis(let basis)) = record.access,
                  let program = record.household.source.program, let opened = basis.decision(for: program),
                  opened.at >= since else { continue }
            // Its recorder, or any approver of it: two supervisors approving each other's
            // program's records for themselves are flagged as one recorder would be.
            let decided = Program.allCases.contains { basis.decision(for: $0)?.isMade(by: worker) == true }
            if basis.isRecorded(by: worker) || decided { return basis }
        }
        return nil
    }

    /// Everything about the family, unfiltered: for the store's own use and its tests.
    public func familyDetail(id familyId: Int64, on date: CalendarDate) throws -> FamilyDetail? {
        try writer.read { db in try Self.familyDetail(db, id: familyId, on: date) }
    }

    static func familyDetail(_ db: Database, id familyId: Int64, on date: CalendarDate) throws -> FamilyDetail? {
        guard let family = try Family.fetchOne(db, key: familyId) else { return nil }
        let households = try Household.filter(Column("familyId") == familyId)
            .order(Column("source"), Column("id")).fetchAll(db)
        let householdIds = households.compactMap(\.id)
        let people = try Person.filter(householdIds.contains(Column("householdId"))).order(Column("id")).fetchAll(db)
        let involvements = try Involvement.filter(householdIds.contains(Column("householdId")))
            .order(Column("startDate")).fetchAll(db)
        let records = households.map { household in
            HouseholdRecord(
                household: household,
                people: people.filter { $0.householdId == household.id },
                involvements: involvements.filter { $0.householdId == household.id })
        }
        let concerns = try Concern.filter(Column("familyId") == familyId).order(Column("recordedAt")).fetchAll(db)
        let referrals = try Referral.filter(Column("familyId") == familyId)
            .order(Column("createdAt").desc).fetchAll(db)
        let plan = try CasePlan.filter(Column("familyId") == familyId).fetchOne(db)
        let tasks = try plan.map { try PlanTask.filter(Column("planId") == $0.id).order(Column("dueDate")).fetchAll(db) } ?? []
        var workerIds = Set(involvements.compactMap(\.workerId))
        workerIds.formUnion(referrals.compactMap(\.fromWorkerId))
        workerIds.formUnion(tasks.compactMap(\.ownerWorkerId))
        if let lead = plan?.leadWorkerId { workerIds.insert(lead) }
        workerIds.formUnion(concerns.compactMap(\.recordedById))
        let intakes = try IntakeRecord
            .filter(Column("familyId") == familyId && Column("status") == IntakeRecord.Status.finished.rawValue)
            .order(Column("finishedAt").desc).fetchAll(db)
        // Each intake is credited to the worker who wrote it, by name.
        let authors = try Worker.filter(Set(intakes.map(\.account)).contains(Column("account"))).fetchAll(db)
        let workers = try Worker.fetchAll(db, keys: Array(workerIds)) + authors.filter { !workerIds.contains($0.id ?? -1) }
        let tier = try TierQueries.assessments(db, familyIds: [familyId], on: date)[familyId]!
        let bases = try SharingBasis.filter(Column("familyId") == familyId).order(Column("recordedAt").desc).fetchAll(db)
        let record = try ReunificationRecord.fetchOne(db, key: familyId)
        var detail = FamilyDetail(
            family: family, records: records,
            workers: Dictionary(uniqueKeysWithValues: workers.map { ($0.id!, $0) }),
            concerns: concerns, referrals: referrals, plan: plan, tasks: tasks, intakes: intakes, tier: tier,
            sharingBases: bases, reunification: ReunificationStatus.of(
                involvements: involvements, record: record, ab429ServiceDays: try ab429ServiceDays(db)))
        detail.responseContacts = try responseContacts(db, intakeIds: intakes.compactMap(\.id))
        detail.meetings = try meetings(db, familyId: familyId)
        detail.staffings = try Row.fetchAll(db, sql: """
            SELECT staffingReview.reviewedAt, coalesce(worker.name, staffingReview.reviewedBy) AS reviewedBy, staffingReview.minutes
            FROM staffingReview LEFT JOIN worker ON worker.account = staffingReview.reviewedBy
            WHERE staffingReview.familyId = ? ORDER BY staffingReview.reviewedAt DESC
            """, arguments: [familyId]).map { row in
            StaffingMinutes(reviewedAt: row["reviewedAt"], reviewedBy: row["reviewedBy"], minutes: row["minutes"])
        }
        // ACL 22-35's 30 days are for ICWA cases: reason to know a child is an Indian child, not
        // possible ancestry (which continues the inquiry).
        let icwa = record?.icwa == true || intakes.contains { $0.draft.answers[IntakeQuestion.icwaReasonToKnow.rawValue] == "yes" }
        detail.teamMeetingDeadline = TeamMeetingDeadline.of(involvements: involvements, removedOn: record?.removedOn,
                                                            dispositionalHearing: record?.dispositionalHearingOn, icwa: icwa, on: date)
        return detail
    }

    static func meetings(_ db: Database, familyId: Int64) throws -> [MeetingRecord] {
        let meetings = try TeamMeeting.filter(Column("familyId") == familyId).order(Column("date").desc, Column("id").desc).fetchAll(db)
        let ids = meetings.compactMap(\.id)
        let invitees = try MeetingInvitee.filter(ids.contains(Column("meetingId"))).order(Column("id")).fetchAll(db)
        let decisions = try MeetingDecision.filter(ids.contains(Column("meetingId"))).order(Column("id")).fetchAll(db)
        return meetings.map { meeting in
            MeetingRecord(meeting: meeting, invitees: invitees.filter { $0.meetingId == meeting.id },
                          decisions: decisions.filter { $0.meetingId == meeting.id })
        }
    }
}

extension AppDatabase {
    /// The name workers call the family by.
    public func familyName(id familyId: Int64) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT displayName FROM family WHERE id = ?", arguments: [familyId]) }
    }
}
