import LinkagesDomain
import LinkagesStore

/// Scheduling a Child and Family Team meeting: when and where, and who is invited. The family
/// and each program's assigned worker are on the list, the CalWORKs worker by default; anyone
/// else (relatives, supports, a tribal representative, providers) is typed in.
public struct ScheduleMeetingScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    let today: CalendarDate
    public private(set) var form: Form
    public private(set) var invitees: [MeetingInvitee] = []
    public private(set) var problems: [String] = []

    static let yesNo = [Choice(id: "yes", label: "Invite"), Choice(id: "no", label: "Leave out")]

    /// - Parameter holidays: the county's, skipped when suggesting a date a week of working days ahead.
    public init(familyId: Int64, familyName: String, today: CalendarDate, holidays: Set<CalendarDate> = []) {
        self.familyId = familyId
        self.familyName = familyName
        self.today = today
        form = Form([
            .text("date", "Date (MM/DD/YYYY)", today.adding(workingDays: 5, holidays: holidays).usFormat),
            .text("time", "Time", "10:00"),
            .text("place", "Where", placeholder: "e.g. an office and room, or the family's home"),
            .text("others", "Also invite", placeholder: "name, role; name, role"),
        ])
    }

    public var title: String { "CFT meeting: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "schedule", help: "Schedule the meeting with the people marked Invite; audited.")
    }

    public func onAppear() -> [ScreenCommand] { invitees.isEmpty ? [.run(.loadInvitees(familyId: familyId))] : [] }

    func entered() -> Result<(TeamMeeting, [MeetingInvitee]), FormRefusal> {
        var problems: [String] = []
        let date = CalendarDate(form.value("date"))
        if date == nil { problems.append("Write the date as MM/DD/YYYY.") } else if date! < today { problems.append("Pick today or a later day.") }
        let time = form.value("time").isEmpty ? nil : ClockTime(form.value("time"))
        if !form.value("time").isEmpty && time == nil { problems.append("Write the time like 10:00 or 2pm.") }
        let invited = invitees.enumerated().filter { form.value("invitee\($0.offset)") == "yes" }.map(\.element)
            + MeetingInvitee.others(form.value("others"))
        if invited.isEmpty { problems.append("Invite at least the family.") }
        guard problems.isEmpty, let date else { return .failure(FormRefusal(sentences: problems)) }
        return .success((TeamMeeting(familyId: familyId, date: date, time: time, place: form.value("place"), scheduledBy: "",
                                     scheduledAt: today.instant()), invited))
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            switch entered() {
            case .success(let (meeting, invited)):
                problems = []
                return [.run(.scheduleMeeting(meeting, invitees: invited))]
            case .failure(let refusal):
                problems = refusal.sentences
            }
        default: break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .invitees(let id, let list) where id == familyId && invitees.isEmpty:
            invitees = list
            form.append(list.enumerated().map { index, invitee in
                .choice("invitee\(index)", invitee.name, "yes", Self.yesNo)
            })
        case .meetingScheduled(let meeting) where meeting.familyId == familyId:
            return [.close, .say("Scheduled the meeting for \(meeting.when).")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        // Labels as wide as the longest (an invitee's name), within reason.
        let labelWidth = min(34, max(20, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2))
        let fieldsTop = form.renderScreen(
            intro: "Invite the people who support the family; the CalWORKs worker is invited by default.",
            problems: [], into: &grid, area: area, labelWidth: labelWidth, spaced: false)
        // Each invitee's role goes after the answer, dimmed, so the name stays the label; a role
        // too long for the room left there is listed below the form instead.
        let roleColumn = area.column + 2 + labelWidth + DisplayWidth.of("(•) Invite  ( ) Leave out") + 2
        let roleWidth = area.right - 1 - roleColumn
        let firstInvitee = form.fields.firstIndex { $0.id == "invitee0" } ?? form.fields.count
        var row = fieldsTop + form.fields.count + 1
        var below: [MeetingInvitee] = []
        for (index, invitee) in invitees.enumerated() {
            if DisplayWidth.of(invitee.role) <= roleWidth && fieldsTop + firstInvitee + index < area.bottom {
                grid.put(invitee.role, row: fieldsTop + firstInvitee + index, column: roleColumn, style: .muted, maxWidth: roleWidth)
            } else {
                below.append(invitee)
            }
        }
        for invitee in below {
            for line in DisplayWidth.wrap("\(invitee.name): \(invitee.role)", to: area.width - 4) where row < area.bottom {
                grid.put(line, row: row, column: area.column + 2, style: .muted)
                row += 1
            }
        }
        if !below.isEmpty { row += 1 }
        FormProblems.render(problems, into: &grid, row: row, left: area.column + 2, area: area)
    }
}
