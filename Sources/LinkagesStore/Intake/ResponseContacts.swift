import Foundation
import GRDB
import LinkagesDomain

/// A contact as stored: one row of `responseContact`.
struct ResponseContactRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "responseContact"

    var id: Int64?
    var intakeId: Int64
    var day: CalendarDate
    var time: ClockTime?
    var outcome: ResponseContact.Outcome
    var recordedBy: String
    var recordedAt: Date

    var contact: ResponseContact {
        ResponseContact(day: day, time: time, outcome: outcome, recordedBy: recordedBy)
    }
}

extension AppDatabase {
    /// Records an in-person contact with the family of a finished intake: the visit that saw
    /// them, or an attempt. It closes the in-person response clock (an attempt in time answers
    /// measure 2B [C8]; the family seen answers the "completed" measure [C10]). Audited.
    ///
    /// Refused, in one sentence, to a worker who is not Child Welfare's or does not see the
    /// family's Child Welfare record, for a day before the referral or after now, and when the
    /// family was already seen: of two workers recording the visit at once, the second is told
    /// who recorded it first.
    public func recordResponseContact(_ contact: ResponseContact, intakeId: Int64, for policy: AccessPolicy,
                                      at time: Date) throws -> ResponseContact {
        guard policy.mayRecordResponseContact else {
            throw WorkRefusal("an ER contact is recorded by Child Welfare's workers")
        }
        return try write { db in
            guard let intake = try IntakeRecord.fetchOne(db, key: intakeId), intake.status == .finished,
                  let familyId = intake.familyId else { throw WorkRefusal("there is no finished intake \(intakeId)") }
            guard let detail = try Self.familyDetail(db, id: familyId, on: policy.today)?
                    .visible(under: policy, emergencyReason: nil, sensitiveQuestions: []),
                  detail.intakes.contains(where: { $0.id == intakeId })
            else { throw WorkRefusal("you do not see this family's Child Welfare record, so you may not record its contact") }
            try Self.requirePlausible(contact, intake: intake, now: time, today: policy.today)
            let earlier = try Self.responseContacts(db, intakeIds: [intakeId])[intakeId] ?? []
            let typed = ResponseContact.typedAtIntake(intake.draft)
            if let seen = (earlier + [typed].compactMap { $0 }).first(where: { $0.outcome == .completed }) {
                let by = try seen.recordedBy.flatMap { try Worker.filter(Column("account") == $0).fetchOne(db)?.name ?? $0 }
                throw WorkRefusal("the family was already seen on \(seen.label)" + (by.map { ", recorded by \($0)" } ?? " (on the intake)")
                                  + ": the response is met, and a later visit is a case note, not a first contact")
            }
            let row = ResponseContactRow(intakeId: intakeId, day: contact.day, time: contact.time, outcome: contact.outcome,
                                         recordedBy: policy.viewer.account ?? "", recordedAt: time)
            do {
                try row.insert(db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw WorkRefusal("another worker recorded this family's visit a moment ago: read the family again")
            }
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordContact, familyId: familyId,
                                             detail: "intake \(intakeId): \(contact.outcome.rawValue) \(contact.label)"), at: time, in: db)
            return row.contact
        }
    }

    /// A contact on or after the day the referral came in, and not later than now.
    private static func requirePlausible(_ contact: ResponseContact, intake: IntakeRecord, now: Date, today: CalendarDate) throws {
        if let received = CalendarDate(intake.draft.answer(.referralReceivedDate)), contact.day < received {
            throw WorkRefusal("the contact (\(contact.day.usFormat)) cannot come before the referral (\(received.usFormat))")
        }
        if contact.day > today || (contact.day == today && (contact.instant().map { $0 > now } ?? false)) {
            throw WorkRefusal("\(contact.label) is still to come: record a contact once it is made")
        }
    }

    /// The contacts recorded for each of `intakeIds`, earliest first.
    static func responseContacts(_ db: Database, intakeIds: [Int64]) throws -> [Int64: [ResponseContact]] {
        guard !intakeIds.isEmpty else { return [:] }
        let rows = try ResponseContactRow.filter(intakeIds.contains(Column("intakeId"))).order(Column("id")).fetchAll(db)
        return Dictionary(grouping: rows, by: \.intakeId).mapValues { ResponseContact.chronological($0.map(\.contact)) }
    }

    /// The family's latest finished intake that decided an in-person response: the one a
    /// contact recorded from the ER list or the command line is for.
    public func latestResponseIntake(familyId: Int64) throws -> Int64? {
        try writer.read { db in
            try IntakeRecord
                .filter(Column("familyId") == familyId && Column("status") == IntakeRecord.Status.finished.rawValue)
                .order(Column("finishedAt").desc, Column("id").desc)
                .fetchAll(db)
                .first { !$0.draft.answer(.responseType).isEmpty }?.id
        }
    }
}
