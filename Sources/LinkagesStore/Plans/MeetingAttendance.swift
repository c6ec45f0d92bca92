import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// Records who came to a team meeting: for each invitee (by id) whether they came, and the
    /// people who came without being on the list. A meeting someone came to has been held, so
    /// a scheduled one is marked held; one set for a later day, or cancelled, is refused.
    /// Audited.
    ///
    /// With `seen`, the meeting as the worker read it, a meeting someone changed since (marked
    /// held or cancelled, or its attendance recorded) is refused (``StaleRecord``): of two
    /// workers recording attendance at once, the second reads the first one's list before
    /// saving over it.
    public func recordAttendance(
        meetingId: Int64, came: [Int64: Bool], alsoCame: [MeetingInvitee], seen: TeamMeeting?, for policy: AccessPolicy,
        at time: Date
    ) throws {
        try write { db in
            guard var meeting = try TeamMeeting.fetchOne(db, key: meetingId) else { throw WorkRefusal("there is no such meeting") }
            try Self.requirePlanAccess(db, familyId: meeting.familyId, policy: policy)
            guard meeting.status != .cancelled else { throw WorkRefusal("the meeting was cancelled: no one came to it") }
            try Self.requireHeld(meeting, by: policy.today, to: "record who came")
            try VersionedSave.requireUnchanged(meeting, seenVersion: seen?.version, seen: seen, subject: "this meeting", in: db) { db in
                try VersionedSave.lastSaved(db, action: .recordMeeting, .scheduleMeeting, familyId: meeting.familyId,
                                            detailPrefix: "meeting \(meetingId)")
            }
            var invitees = try MeetingInvitee.filter(Column("meetingId") == meetingId).fetchAll(db)
            for index in invitees.indices {
                guard let id = invitees[index].id, let answer = came[id] else { continue }
                invitees[index].attended = answer
                try invitees[index].update(db)
            }
            for var guest in alsoCame {
                guest.id = nil
                guest.meetingId = meetingId
                guest.attended = true
                try guest.insert(db)
                invitees.append(guest)
            }
            meeting.status = .held
            meeting.version += 1
            try meeting.update(db)
            let present = invitees.filter { $0.attended == true }.count
            try AuditTrail.append(AuditEntry(account: policy.viewer.account ?? "", action: .recordMeeting, familyId: meeting.familyId,
                                             detail: "meeting \(meetingId) attendance: \(present) of \(invitees.count) came"),
                                  at: time, in: db)
        }
    }
}
