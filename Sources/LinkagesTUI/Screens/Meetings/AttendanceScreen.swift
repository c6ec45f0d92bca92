import LinkagesDomain
import LinkagesStore

/// Recording who came to a team meeting: each invitee came or did not, and anyone who came
/// without being on the list. It answers "was CalWORKs at the CFT?" on the meetings screen and
/// in the outcomes report, and marks a scheduled meeting held.
public struct AttendanceScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    /// The meeting as the worker read it: a save over someone else's newer one is refused.
    let meeting: TeamMeeting
    let invitees: [MeetingInvitee]
    public private(set) var form: Form
    public private(set) var problems: [String] = []

    static let answers = [Choice(id: "came", label: "Came"), Choice(id: "absent", label: "Did not come")]
    static let guestsField = "guests"

    public init(familyId: Int64, familyName: String, meeting: TeamMeeting, invitees: [MeetingInvitee]) {
        self.familyId = familyId
        self.familyName = familyName
        self.meeting = meeting
        self.invitees = invitees
        form = Form(invitees.compactMap { invitee in
            invitee.id.map { id in
                .choice(Self.fieldId(id), Self.label(invitee), invitee.attended.map { $0 ? "came" : "absent" } ?? "", Self.answers,
                        allowsNone: true)
            }
        } + [.text(Self.guestsField, "Also came", placeholder: "name, role; name, role")])
    }

    static func fieldId(_ inviteeId: Int64) -> String { "invitee-\(inviteeId)" }

    /// The widest label the form shows whole at 80 columns.
    static let labelWidth = 36

    /// "Ana Ruiz (CalWORKs worker)", or the name alone when the role does not fit beside it.
    static func label(_ invitee: MeetingInvitee) -> String {
        let labelled = "\(invitee.name) (\(invitee.role.split(separator: ",").first.map(String.init) ?? invitee.role))"
        return DisplayWidth.of(labelled) < labelWidth ? labelled : invitee.name
    }

    public var title: String { "Who came: \(familyName), \(meeting.date.usFormat)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "record", help: "Record who came; a scheduled meeting is marked held. Audited.")
    }

    /// Each invitee's answer and the guests, or why they cannot be recorded yet.
    func entered() -> Result<(came: [Int64: Bool], guests: [MeetingInvitee]), FormRefusal> {
        var came: [Int64: Bool] = [:]
        var unanswered: [String] = []
        for invitee in invitees {
            guard let id = invitee.id else { continue }
            switch form.value(Self.fieldId(id)) {
            case "came": came[id] = true
            case "absent": came[id] = false
            default: unanswered.append(invitee.name)
            }
        }
        let guests = MeetingInvitee.others(form.value(Self.guestsField))
        guard unanswered.isEmpty else {
            return .failure(FormRefusal(sentences: ["Say whether each person came (c or d): " + unanswered.joined(separator: ", ") + "."]))
        }
        guard came.values.contains(true) || !guests.isEmpty else {
            return .failure(FormRefusal(sentences: ["No one came: cancel the meeting instead (x on the meetings screen)."]))
        }
        return .success((came, guests))
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        guard case .save = action else { return [] }
        switch entered() {
        case .success(let answer):
            problems = []
            return [.run(.recordAttendance(meetingId: meeting.id ?? 0, came: answer.came, alsoCame: answer.guests, seen: meeting))]
        case .failure(let refusal):
            problems = refusal.sentences
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .attendanceRecorded(let id) where id == meeting.id:
            return [.close, .say("Recorded who came.")]
        case .meetingStale(let id, let message) where id == meeting.id:
            problems = [message, "Esc goes back to the meetings to read them again."]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let left = area.column + 2
        var row = area.row + 1
        let intro = "For each person: c came, d did not come. Add anyone who came without an invitation, as name and role."
        for line in DisplayWidth.wrap(intro, to: area.width - 4) {
            grid.put(line, row: row, column: left, style: .muted)
            row += 1
        }
        row += 1
        // Room for the fields, with two lines kept for why a save was refused.
        let room = max(1, area.bottom - row - 3)
        let count = form.fields.count
        let first = min(max(0, form.focus - room + 1), max(0, count - room))
        let visible = first..<min(count, first + room)
        let labelWidth = min(Self.labelWidth, max(20, area.width / 2 - 4))
        let after = form.render(into: &grid, row: row, left: left, valueColumn: left + labelWidth, right: area.right - 1,
                                spaced: false, visible: visible)
        if visible.count < count {
            grid.put("lines \(visible.lowerBound + 1)–\(visible.upperBound) of \(count) · Tab for more", row: after, column: left, style: .muted)
        }
        FormProblems.render(problems, into: &grid, row: after + 1, left: left, area: area)
    }
}
