import LinkagesDomain
import LinkagesStore

/// A family's Child and Family Team meetings: the first meeting's deadline, each meeting with
/// who is invited and what it decided. Meetings are scheduled and decisions recorded from here.
public struct MeetingsScreen: ScreenModel {
    public let familyId: Int64
    /// Meetings set for a later day have not been held: their decisions wait for the day.
    let today: CalendarDate
    public private(set) var detail: FamilyDetail?
    public private(set) var selection = ListSelection()
    public private(set) var loadError: String?
    /// The status last asked for, for the message once it is saved.
    private var statusAsked: MeetingStatus?

    public init(familyId: Int64, today: CalendarDate) {
        self.familyId = familyId
        self.today = today
    }

    /// Why the selected meeting cannot be marked held or take decisions yet, if so.
    private func notHeldYet(_ doing: String) -> String? {
        guard let meeting = selected?.meeting, meeting.date > today else { return nil }
        return "the meeting is on \(meeting.date.usFormat): \(doing) on that day or after"
    }

    public var title: String { detail.map { "Team meetings: \($0.family.displayName)" } ?? "Team meetings" }

    var meetings: [MeetingRecord] { detail?.meetings ?? [] }

    public var selected: MeetingRecord? {
        meetings.indices.contains(selection.index) ? meetings[selection.index] : nil
    }

    public var bindings: [KeyBinding] {
        let noMeeting = selected == nil ? "no meeting is scheduled yet" : nil
        return CommonBindings.moveInList + [
            KeyBinding([.char("n")], .scheduleMeeting, label: "schedule", help: "Schedule a Child and Family Team meeting and invite both programs.",
                       disabledReason: detail == nil ? "still loading" : nil),
            KeyBinding([.char("d")], .recordDecision, label: "decision",
                       help: "Record what the selected meeting decided; it can become a task of the plan.",
                       disabledReason: noMeeting ?? (selected?.meeting.status == .cancelled ? "the meeting was cancelled" : notHeldYet("record what it decided"))),
            KeyBinding([.char("a")], .recordAttendance, label: "who came",
                       help: "Record who came to the selected meeting (was CalWORKs there?); a scheduled meeting is marked held.",
                       disabledReason: noMeeting ?? (selected?.meeting.status == .cancelled ? "the meeting was cancelled" : notHeldYet("record who came"))),
            KeyBinding([.char("h")], .markHeld, label: "held", help: "Mark the selected meeting as held.",
                       disabledReason: noMeeting ?? (selected?.meeting.status != .scheduled ? "only a scheduled meeting can be marked held" : notHeldYet("mark it held"))),
            KeyBinding([.char("x")], .cancelMeeting, label: "cancel",
                       help: "Cancel the selected meeting (asks first). It stays on the list as cancelled, and no longer meets the first meeting's deadline.",
                       disabledReason: noMeeting ?? (selected?.meeting.status != .scheduled ? "only a scheduled meeting can be cancelled" : nil)),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the meetings again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] { [.run(.loadFamily(id: familyId))] }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: meetings.count, visibleRows: 5) { return [] }
        guard let detail else { return [] }
        let name = detail.family.displayName
        switch action {
        case .refresh: return [.run(.loadFamily(id: familyId))]
        case .scheduleMeeting: return [.open(.scheduleMeeting(familyId: familyId, familyName: name))]
        case .recordDecision:
            guard let id = selected?.meeting.id, selected?.meeting.status != .cancelled else { return [] }
            return [.open(.meetingDecision(meetingId: id, familyId: familyId, familyName: name))]
        case .recordAttendance:
            guard let record = selected, record.meeting.status != .cancelled, record.meeting.date <= today else { return [] }
            return [.open(.meetingAttendance(familyId: familyId, familyName: name, meeting: record.meeting, invitees: record.invitees))]
        case .markHeld:
            guard let id = selected?.meeting.id, selected?.meeting.status == .scheduled else { return [] }
            statusAsked = .held
            return [.run(.setMeetingStatus(meetingId: id, .held, seen: selected?.meeting))]
        case .cancelMeeting:
            guard let meeting = selected?.meeting, meeting.status == .scheduled else { return [] }
            return [.confirm(Confirmation("Cancel the meeting of \(meeting.date.usFormat)? The invitees are not told by Linkages.",
                                          confirmLabel: "cancel it", action: .confirmCancelMeeting))]
        case .confirmCancelMeeting:
            guard let id = selected?.meeting.id, selected?.meeting.status == .scheduled else { return [] }
            statusAsked = .cancelled
            return [.run(.setMeetingStatus(meetingId: id, .cancelled, seen: selected?.meeting))]
        default: return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .family(let id, let detail) where id == familyId:
            self.detail = detail
            selection.clamp(count: detail?.meetings.count ?? 0)
        case .meetingChanged:
            let said = statusAsked == .cancelled ? "Meeting cancelled." : "Marked held."
            statusAsked = nil
            return [.run(.loadFamily(id: familyId)), .say(said)]
        case .meetingStale(_, let message):
            statusAsked = nil
            return [.run(.loadFamily(id: familyId)), .say(message)]
        case .failed(let message) where detail != nil && statusAsked != nil:
            statusAsked = nil
            return [.say(message)]
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    /// The first meeting's deadline, and whether a meeting meets it.
    static func deadlineLine(_ detail: FamilyDetail, today: CalendarDate) -> TableCell {
        guard let deadline = detail.teamMeetingDeadline else {
            return TableCell("No child is in placement, so no deadline runs; a meeting can still be called.", .muted)
        }
        if let meeting = deadline.metBy(detail.meetings.map(\.meeting)) {
            return TableCell("First meeting due \(deadline.due.usFormat) (\(deadline.rule)): met by the meeting on \(meeting.date.usFormat).", .good)
        }
        if let meeting = deadline.heldLate(detail.meetings.map(\.meeting)) {
            let days = deadline.due.days(until: meeting.date)
            return TableCell("First meeting due \(deadline.due.usFormat) (\(deadline.rule)): held late, on \(meeting.date.usFormat), "
                + "\(days) day\(days == 1 ? "" : "s") after.", .warning)
        }
        let late = deadline.due < today
        return TableCell("First meeting due \(deadline.due.usFormat) (\(deadline.rule))" + (late ? ": OVERDUE." : "."), late ? .danger : .warning)
    }

    static let columns = [
        TableColumn("When", .fixed(16)),
        TableColumn("Where", .flexible(minimum: 12)),
        TableColumn("Status", .fixed(9)),
        TableColumn("Invited", .fixed(7), alignment: .trailing),
        TableColumn("Decided", .fixed(7), alignment: .trailing),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        if let loadError {
            grid.put(loadError, row: inner.row, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        guard let detail else {
            grid.put("Loading…", row: inner.row, column: inner.column, style: .muted)
            return
        }
        if detail.withheld.plan {
            grid.put("Team meetings are shown only to workers who see either program's record in full.",
                     row: inner.row, column: inner.column, style: .muted, maxWidth: inner.width)
            return
        }
        var row = inner.row
        let deadline = Self.deadlineLine(detail, today: context.today)
        for line in DisplayWidth.wrap(deadline.text, to: inner.width) {
            grid.put(line, row: row, column: inner.column, style: deadline.style)
            row += 1
        }
        let tableHeight = min(max(meetings.count, 1) + 1, 6)
        Table.render(columns: Self.columns, rows: meetings.map { record in
            let meeting = record.meeting
            return [TableCell([meeting.date.usFormat, meeting.time?.description].compactMap { $0 }.joined(separator: " ")),
                    TableCell(meeting.place.isEmpty ? "—" : meeting.place),
                    TableCell(meeting.status.displayName, meeting.status == .cancelled ? .muted : .plain),
                    TableCell(String(record.invitees.count)), TableCell(String(record.decisions.count))]
        }, selection: selection, into: &grid, area: Rect(row: row + 1, column: inner.column, width: inner.width, height: tableHeight),
            emptyMessage: "No meeting yet. Press n to schedule one; both programs' workers are invited.")
        row += tableHeight + 2
        guard let record = selected else { return }
        var lines: [StyledLine] = [StyledLine("Invited", .heading)]
        lines += record.invitees.map { invitee in
            let came = invitee.attended.map { $0 ? " · came" : " · did not come" } ?? ""
            return StyledLine("  \(invitee.name): \(invitee.role)\(came)", invitee.attended == false ? .muted : .plain)
        }
        if record.meeting.status != .cancelled && record.meeting.date <= today {
            let presence = CalWORKsPresence.of(record.invitees)
            let style: Style = switch presence {
            case .present: .good
            case .absent, .notInvited: .warning
            case .notRecorded: .muted
            }
            lines.append(StyledLine("  " + presence.sentence + (presence == .notRecorded ? " Press a." : ""), style))
        }
        lines.append(StyledLine("Decided", .heading))
        if record.decisions.isEmpty { lines.append(StyledLine("  Nothing recorded yet: press d.", .muted)) }
        for decision in record.decisions {
            let task = decision.taskId.flatMap { id in detail.tasks.first { $0.id == id } }
            lines += StyledLine.wrapped("• " + decision.text + (task.map { " → plan task, \($0.owner.displayName)" } ?? ""),
                                        width: inner.width, indent: "    ", firstIndent: "  ")
        }
        for line in lines where row < inner.bottom {
            line.render(into: &grid, row: row, column: inner.column, maxWidth: inner.width)
            row += 1
        }
    }
}
