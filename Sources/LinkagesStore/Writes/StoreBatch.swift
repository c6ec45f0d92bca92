import Foundation
import GRDB
import LinkagesDomain

/// A unit of work: several writes that commit together or not at all.
///
/// Obtained from ``AppDatabase/batch(_:)``; every method is also available on `AppDatabase`
/// itself as its own transaction.
public struct StoreBatch {
    let db: Database

    @discardableResult
    public func addWorker(_ worker: Worker) throws -> Worker {
        var worker = worker
        try worker.insert(db)
        return worker
    }

    /// Records reunification findings as they stood when the data was built (demo and training data).
    public func addReunificationRecord(_ record: ReunificationRecord) throws {
        try record.insert(db)
    }

    /// Records a sharing basis as it stood when the data was built (demo and training data).
    @discardableResult
    public func addSharingBasis(_ basis: SharingBasis) throws -> SharingBasis {
        var basis = basis
        try basis.insert(db)
        return basis
    }

    @discardableResult
    public func addFamily(_ new: NewFamily, at time: Date) throws -> AddedFamily {
        var family = Family(displayName: new.displayName, createdAt: time)
        try family.insert(db)
        let familyId = family.id!
        var householdIds: [Int64] = []
        var personIds: [[Int64]] = []
        for newHousehold in new.households {
            let added = try addHousehold(newHousehold, toFamily: familyId, at: time)
            householdIds.append(added.householdId)
            personIds.append(added.personIds)
        }
        for newConcern in new.concerns {
            try addConcern(newConcern, toFamily: familyId, at: time)
        }
        return AddedFamily(familyId: familyId, householdIds: householdIds, personIds: personIds)
    }

    /// Adds one source's record of a family that Linkages already knows.
    @discardableResult
    public func addHousehold(_ new: NewHousehold, toFamily familyId: Int64, at time: Date) throws -> (householdId: Int64, personIds: [Int64]) {
        var household = Household(
            familyId: familyId, source: new.source, sourceKey: new.sourceKey, street: new.street, city: new.city,
            zip: new.zip, phone: new.phone, office: new.office, createdAt: time)
        try household.insert(db)
        let householdId = household.id!
        var ids: [Int64] = []
        for var person in new.people {
            person.id = nil
            person.householdId = householdId
            try person.insert(db)
            ids.append(person.id!)
        }
        for newInvolvement in new.involvements {
            var involvement = Involvement(
                householdId: householdId, personId: newInvolvement.personIndex.map { ids[$0] },
                component: newInvolvement.component, status: newInvolvement.status,
                startDate: newInvolvement.startDate, endDate: newInvolvement.endDate,
                sourceCaseId: newInvolvement.sourceCaseId, workerId: newInvolvement.workerId,
                welfareToWorkStatus: newInvolvement.welfareToWorkStatus)
            try involvement.insert(db)
        }
        return (householdId, ids)
    }

    public func addConcern(_ new: NewConcern, toFamily familyId: Int64, at time: Date) throws {
        var concern = Concern(familyId: familyId, kind: new.kind, note: new.note, recordedAt: new.recordedAt ?? time,
                              recordedById: new.recordedById)
        try concern.insert(db)
    }

    /// Adds a referral with its timeline; the referral's status is the last event's.
    @discardableResult
    public func addReferral(_ referral: Referral, timeline: [ReferralEvent]) throws -> Referral {
        var referral = referral
        if let last = timeline.last {
            referral.status = last.status
            referral.updatedAt = last.at
            referral.statusSince = last.at
            if last.status == .closed && referral.outcome == nil { referral.outcome = .servicesReceived }
        }
        if let program = referral.toProgram, referral.assignedLiaisonId == nil {
            let office = try referral.fromWorkerId.flatMap { try Worker.fetchOne(db, key: $0) }?.office
            referral.assignedLiaisonId = try AppDatabase.liaison(db, for: program, office: office)
        }
        try referral.insert(db)
        for var event in timeline {
            event.referralId = referral.id!
            try event.insert(db)
        }
        return referral
    }

    /// Records a team meeting and who was invited, as they stood (demo and training data).
    @discardableResult
    public func addMeeting(_ meeting: TeamMeeting, invitees: [MeetingInvitee]) throws -> TeamMeeting {
        var meeting = meeting
        try meeting.insert(db)
        for var invitee in invitees {
            invitee.meetingId = meeting.id!
            try invitee.insert(db)
        }
        return meeting
    }

    /// Records a finished ER intake and the in-person contacts made after it, as they stood
    /// (demo and training data): each contact is credited to its `recordedBy` account.
    @discardableResult
    public func addFinishedIntake(_ intake: IntakeRecord, contacts: [ResponseContact]) throws -> IntakeRecord {
        var intake = intake
        intake.id = nil
        intake.status = .finished
        try intake.insert(db)
        for contact in contacts {
            try ResponseContactRow(intakeId: intake.id!, day: contact.day, time: contact.time, outcome: contact.outcome,
                                   recordedBy: contact.recordedBy ?? intake.account,
                                   recordedAt: intake.finishedAt ?? intake.updatedAt).insert(db)
        }
        return intake
    }

    /// Records a joint staffing as it was held.
    public func addStaffing(familyId: Int64, reviewedAt: Date, reviewedBy: String, minutes: String) throws {
        try db.execute(sql: "INSERT INTO staffingReview(familyId, reviewedAt, reviewedBy, minutes) VALUES (?, ?, ?, ?)",
                       arguments: [familyId, reviewedAt, reviewedBy, minutes])
    }

    /// Records a change notice as it was sent (demo and training data).
    public func addChangeNotice(_ notice: ChangeNotice) throws {
        var notice = notice
        try notice.insert(db)
    }

    /// Notes when and how a family known to both programs was found (demo and training data);
    /// an earlier note stands.
    public func noteIdentified(familyId: Int64, by method: IdentificationMethod, account: String?, at time: Date) throws {
        try MutualFamilies.noteIdentified(familyId: familyId, by: method, account: account, at: time, db)
    }

    @discardableResult
    public func addPlan(_ plan: CasePlan, tasks: [PlanTask]) throws -> CasePlan {
        var plan = plan
        try plan.insert(db)
        for var task in tasks {
            task.planId = plan.id!
            try task.insert(db)
        }
        return plan
    }
}

extension AppDatabase {
    /// Runs several writes in one transaction.
    public func batch<T>(_ work: (StoreBatch) throws -> T) throws -> T {
        try write { db in try work(StoreBatch(db: db)) }
    }

    @discardableResult
    public func addWorker(_ worker: Worker) throws -> Worker {
        try batch { try $0.addWorker(worker) }
    }

    @discardableResult
    public func addFamily(_ new: NewFamily, at time: Date) throws -> AddedFamily {
        try batch { try $0.addFamily(new, at: time) }
    }

    @discardableResult
    public func addReferral(_ referral: Referral, timeline: [ReferralEvent]) throws -> Referral {
        try batch { try $0.addReferral(referral, timeline: timeline) }
    }

    @discardableResult
    public func addPlan(_ plan: CasePlan, tasks: [PlanTask]) throws -> CasePlan {
        try batch { try $0.addPlan(plan, tasks: tasks) }
    }
}
