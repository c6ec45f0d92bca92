import LinkagesDomain
import LinkagesStore

/// ER intake: the families with an Emergency Response referral open, and whether CalWORKs
/// already knows them ("check data systems from the beginning", seeds).
public struct IntakeScreen: ScreenModel {
    public private(set) var list = FilteredList<EmergencyResponseRow>()
    let newDraft: IntakeDraft
    /// Child Welfare's workers record the in-person contact from the list.
    let mayRecordContact: Bool

    public init(session: Session) {
        newDraft = IntakeDraft.new(bank: session.questionBank, today: session.today)
        mayRecordContact = session.policy.mayRecordResponseContact
    }

    /// Why the selected family's contact cannot be recorded from here, or nil.
    var contactRefusal: String? {
        guard mayRecordContact else { return "an ER contact is recorded by Child Welfare's workers" }
        guard let row = list.selected else { return list.reasonNothingSelected("there is no family in the list") ?? "select a family first" }
        guard row.responseIntakeId != nil, let clock = row.responseClock else { return "no intake of this family decided an in-person response" }
        if let seen = clock.firstCompletedContact { return "the family was seen on \(seen.label)" }
        return nil
    }

    public var title: String { "ER intake" }
    public var isTyping: Bool { list.isTyping }

    public var bindings: [KeyBinding] {
        list.bindings(
            open: KeyBinding([.enter], .open, label: "open family", help: "Open the selected family: both programs side by side.",
                             disabledReason: list.reasonNothingSelected("there is no family in the list")),
            filterSubject: "families whose name, referral number or tier",
            extra: [
                KeyBinding([.char("n")], .newIntake, label: "new intake", help: "Start an ER intake: the targeted questions, then the tier and what to do."),
                KeyBinding([.char("d")], .go(.intakeDrafts), label: "drafts", help: "Your unfinished intakes."),
                KeyBinding([.char("v")], .go(.recordContact(intakeId: list.selected?.responseIntakeId ?? 0, familyId: list.selected?.familyId ?? 0,
                                                            familyName: list.selected?.familyName ?? "")),
                           label: "record visit", help: "Record the in-person contact with the selected family: seen, or an attempt.",
                           disabledReason: contactRefusal),
                KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the list again.", inHintBar: false),
            ])
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadEmergencyResponseQueue)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: FilteredList<EmergencyResponseRow>.tableRows(viewport)) { return [] }
        switch action {
        case .open: return list.selected.map { [.open(.family($0.familyId))] } ?? []
        case .newIntake: return [.run(.createIntakeDraft(newDraft))]
        case .go(let route): return [.open(route)]
        case .refresh: return [.run(.loadEmergencyResponseQueue)]
        default: return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        list.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .emergencyResponseQueue(let rows): list.load(rows)
        case .intakeDraftCreated(let id): return [.open(.intakeForm(id))]
        case .intakeNotSaved(_, let message): return [.say(message)]
        case .failed(let message): list.fail(message)
        default: break
        }
        return []
    }

    static let columns = [
        TableColumn("Opened", .fixed(10)),
        TableColumn("Family", .flexible(minimum: 10)),
        TableColumn("Referral", .fixed(11)),
        TableColumn("CW", .fixed(4)),
        TableColumn("Tier", .fixed(18)),
        TableColumn("In person", .fixed(9)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        list.render(
            heading: "ER referrals open now", noun: ("family", "families"), columns: Self.columns,
            cells: { row in
                let days = row.referralDate.map { context.today.dayNumber - $0.dayNumber } ?? 0
                return [
                    TableCell(row.referralDate?.usFormat ?? "—", days <= 1 ? .bold : .plain),
                    TableCell(row.familyName),
                    TableCell(row.referralId ?? "—"),
                    row.knownToCalWORKs ? TableCell("[CW]", .calworks) : TableCell("—", .muted),
                    TableCell(row.tier.label),
                    Self.responseCell(row.responseClock, context: context),
                ]
            },
            empty: "No Emergency Response referral is open.", into: &grid, area: inner)
    }
}

extension IntakeScreen {
    /// Where the in-person response stands, from the family's finished intake ("—" without one).
    static func responseCell(_ clock: IntakeClock?, context: RenderContext) -> TableCell {
        guard let clock else { return TableCell("—", .muted) }
        let status = clock.shortStatus(now: context.now, today: context.today)
        return TableCell(status.text, status.overdue ? .danger : (status.text.hasPrefix("met") ? .muted : .plain))
    }
}

extension EmergencyResponseRow: FilterableRow {
    public var filterFields: [String] { [familyName, referralId ?? "", tier.label] }
}
