import Foundation

/// A Child and Family Team meeting: the family, its supports and the workers of both programs
/// around one table (ACL 22-35). For a family open in CalWORKs the CalWORKs worker is invited
/// by default.
public struct TeamMeeting: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var date: CalendarDate
    public var time: ClockTime?
    public var place: String
    public var status: MeetingStatus
    /// The account that scheduled it.
    public var scheduledBy: String
    public var scheduledAt: Date
    /// How many times the record was saved: an edit carries the version its worker read, so
    /// that a save over someone else's newer one is noticed instead of overwriting it.
    public var version: Int

    public init(
        id: Int64? = nil, familyId: Int64, date: CalendarDate, time: ClockTime? = nil, place: String,
        status: MeetingStatus = .scheduled, scheduledBy: String, scheduledAt: Date, version: Int = 1
    ) {
        self.version = version
        self.id = id
        self.familyId = familyId
        self.date = date
        self.time = time
        self.place = place
        self.status = status
        self.scheduledBy = scheduledBy
        self.scheduledAt = scheduledAt
    }

    /// "12/03/2026 10:00 at the Central office".
    public var when: String {
        [date.usFormat, time?.description].compactMap { $0 }.joined(separator: " ") + (place.isEmpty ? "" : " at \(place)")
    }
}

public enum MeetingStatus: String, Codable, CaseIterable, Sendable {
    case scheduled, held, cancelled

    public var displayName: String { rawValue }
}

/// Someone invited to a team meeting: a worker of either program, or the family and its supports.
public struct MeetingInvitee: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var meetingId: Int64
    public var workerId: Int64?
    public var name: String
    /// Why they are invited, in a few words ("CalWORKs worker, invited by default").
    public var role: String
    /// The program whose worker this is; nil for the family and its supports.
    public var program: Program?
    /// Whether they came, once someone recorded who was at the meeting; nil until then.
    public var attended: Bool?

    public init(id: Int64? = nil, meetingId: Int64 = 0, workerId: Int64? = nil, name: String, role: String,
                program: Program? = nil, attended: Bool? = nil) {
        self.id = id
        self.meetingId = meetingId
        self.workerId = workerId
        self.name = name
        self.role = role
        self.program = program
        self.attended = attended
    }

    /// The family first, then each program's assigned workers; the CalWORKs worker of a family
    /// open in CalWORKs is on the list by default (the seeds: invite the CalWORKs worker to the
    /// CFT meeting).
    ///
    /// With the family's `members` known, each is invited by name in the role ACL 22-35 names
    /// (the child or youth, the parents, the caregiver [C15]), and then the formal and informal
    /// supports the family chooses; without them, the family as one line. The placing agency's
    /// worker is the Child Welfare worker; a foster family agency or a mental-health provider,
    /// when placement calls for one, is added under "Also invite".
    public static func defaults(familyName: String, members: [(name: String, role: CaseRole?)] = [],
                                assigned: [(worker: Worker, program: Program)]) -> [MeetingInvitee] {
        var seenNames = Set<String>()
        var invitees = members.compactMap { member -> MeetingInvitee? in
            guard seenNames.insert(member.name.lowercased()).inserted else { return nil }
            let role = switch member.role {
            case .child: "child or youth"
            case .parent: "parent"
            case .caretaker: "caregiver"
            case nil: "family member"
            }
            return MeetingInvitee(name: member.name, role: role)
        }
        invitees.append(invitees.isEmpty ? MeetingInvitee(name: familyName, role: "the family and the supports it chooses")
                                         : MeetingInvitee(name: "Supports the family chooses", role: "formal and informal supports"))
        var seen = Set<Int64>()
        for (worker, program) in assigned.sorted(by: { $0.program.rawValue > $1.program.rawValue }) {
            guard let id = worker.id, seen.insert(id).inserted else { continue }
            let role = program == .calworks ? "CalWORKs worker, invited by default" : "\(program.displayName) worker"
            invitees.append(MeetingInvitee(workerId: id, name: worker.name, role: role, program: program))
        }
        return invitees
    }

    /// Other people the worker invites, as typed: "name, role" entries separated by semicolons
    /// ("Rosa Vang, aunt; Pastor Lee, family support"). An entry without a role is "invited".
    public static func others(_ text: String) -> [MeetingInvitee] {
        text.split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            let role = parts.count > 1 && !parts[1].isEmpty ? parts[1] : "invited"
            return MeetingInvitee(name: name, role: role)
        }
    }
}

/// What a team meeting decided, and the plan task it became, if it did.
public struct MeetingDecision: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var meetingId: Int64
    public var text: String
    public var taskId: Int64?

    public init(id: Int64? = nil, meetingId: Int64, text: String, taskId: Int64? = nil) {
        self.id = id
        self.meetingId = meetingId
        self.text = text
        self.taskId = taskId
    }
}

/// Whether CalWORKs was at a team meeting: the seeds ask that CalWORKs caseworkers be included
/// in the meetings where children's safety is discussed, and bring CalWORKs expertise to them.
public enum CalWORKsPresence: Equatable, Sendable {
    /// A CalWORKs worker came (their names).
    case present([String])
    /// CalWORKs was invited (these workers) and did not come.
    case absent([String])
    /// No CalWORKs worker was on the list.
    case notInvited
    /// CalWORKs was invited and no one has recorded yet who came.
    case notRecorded

    /// What the attendance of `invitees` says of CalWORKs.
    public static func of(_ invitees: [MeetingInvitee]) -> CalWORKsPresence {
        let calworks = invitees.filter { $0.program == .calworks }
        guard !calworks.isEmpty else { return .notInvited }
        let came = calworks.filter { $0.attended == true }
        if !came.isEmpty { return .present(came.map(\.name)) }
        return calworks.contains { $0.attended == nil } ? .notRecorded : .absent(calworks.map(\.name))
    }

    /// "CalWORKs at the meeting: Ana Ruiz came."
    public var sentence: String {
        switch self {
        case .present(let names): "CalWORKs at the meeting: \(names.joined(separator: ", ")) came."
        case .absent(let names): "CalWORKs invited (\(names.joined(separator: ", "))) but not at the meeting."
        case .notInvited: "No CalWORKs worker was invited."
        case .notRecorded: "Who came is not recorded yet."
        }
    }
}
