import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Saves a finished intake to the family's records, all in one transaction: the family (the
    /// attached one, or a new one), the intake's household record with its people, the ER
    /// referral as an involvement, and the concerns the answers raised that the family did not
    /// have yet. Returns the family's id.
    ///
    /// Checks the draft again first: a draft with a problem or a missing answer is not saved.
    public func finishIntake(id: Int64, bank: QuestionBank, account: String, at time: Date, today: CalendarDate) throws -> Int64 {
        try write { db in
            guard var record = try IntakeRecord.fetchOne(db, key: id) else { throw IntakeError.notFound }
            guard record.status == .draft else { throw IntakeError.alreadyFinished }
            let draft = record.draft
            let problems = IntakeValidation.problems(in: draft, bank: bank, today: today).map(\.message)
            let missing = IntakeValidation.missingToFinish(draft)
            guard problems.isEmpty && missing.isEmpty else { throw IntakeError.notReady(missing + problems) }

            let findings = IntakeFindings(draft: draft, bank: bank, today: today)
            let worker = try Worker.filter(Column("account") == account).fetchOne(db)
            let members = draft.members.filter { !$0.isEmpty }
            let referralNumber = draft.answer(.referralNumber).nilIfEmpty
            let keyTaken = try referralNumber.map {
                try Household.filter(Column("source") == RecordSource.intake.rawValue && Column("sourceKey") == $0).fetchCount(db) > 0
            } ?? false
            let household = NewHousehold(
                source: .intake, sourceKey: keyTaken ? nil : referralNumber,
                street: draft.answer(.street).nilIfEmpty, city: draft.answer(.city).nilIfEmpty,
                zip: draft.answer(.zip).nilIfEmpty, phone: draft.answer(.phone).nilIfEmpty,
                // The office that took the referral: its supervisor staffs the family.
                office: worker?.office,
                people: members.map(Self.person),
                involvements: [NewInvolvement(
                    component: .emergencyResponse, status: .open, startDate: findings.referralReceived ?? today,
                    sourceCaseId: referralNumber, workerId: worker?.id)])
            let note = "From the ER intake of \(today.usFormat)."
            let batch = StoreBatch(db: db)
            let familyId: Int64
            if let attached = draft.attachedFamilyId, try Family.exists(db, key: attached) {
                familyId = attached
                try batch.addHousehold(household, toFamily: attached, at: time)
                let existing = try String.fetchSet(db, sql: "SELECT kind FROM concern WHERE familyId = ?", arguments: [attached])
                for kind in findings.concerns where !existing.contains(kind.rawValue) {
                    try batch.addConcern(NewConcern(kind, note: note, recordedById: worker?.id), toFamily: attached, at: time)
                }
                try MutualFamilies.noteIdentified(familyId: attached, by: .intake, account: account, at: time, db)
            } else {
                let head = members.first { $0.parsedRelationship == .head } ?? members[0]
                let name = "\(head.lastName.trimmingCharacters(in: .whitespaces)), \(head.firstName.trimmingCharacters(in: .whitespaces))"
                familyId = try batch.addFamily(NewFamily(
                    displayName: name, households: [household],
                    concerns: findings.concerns.map { NewConcern($0, note: note, recordedById: worker?.id) }), at: time).familyId
            }
            try AuditTrail.append(AuditEntry(account: account, action: .finishIntake, familyId: familyId,
                                             detail: "intake \(id)"), at: time, in: db)
            record.status = .finished
            record.familyId = familyId
            record.finishedAt = time
            record.updatedAt = time
            try record.update(db)
            return familyId
        }
    }

    static func person(_ member: MemberEntry) -> Person {
        let relationship = member.parsedRelationship ?? .unknown
        let role: CaseRole = switch relationship {
        case .child, .stepchild, .grandchild: .child
        case .head, .spouse, .partner: .parent
        default: .caretaker
        }
        return Person(
            householdId: 0, firstName: member.firstName.trimmingCharacters(in: .whitespaces),
            lastName: member.lastName.trimmingCharacters(in: .whitespaces), dateOfBirth: member.parsedDateOfBirth,
            sex: Sex(rawValue: member.sex) ?? .unknown, relationship: relationship, caseRole: role,
            cin: member.normalizedCIN, ssn: member.normalizedSSN)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
