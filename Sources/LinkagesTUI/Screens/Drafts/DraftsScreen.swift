import Foundation
import LinkagesDomain
import LinkagesStore

/// The worker's unfinished intakes: resume one, discard one (after a confirmation), or start
/// a new one.
public struct DraftsScreen: ScreenModel {
    public private(set) var list = FilteredList<IntakeDraftSummary>()
    let newDraft: IntakeDraft

    public init(session: Session) {
        newDraft = IntakeDraft.new(bank: session.questionBank, today: session.today)
    }

    public var title: String { "Intake drafts" }
    public var isTyping: Bool { list.isTyping }

    public var bindings: [KeyBinding] {
        let nothing = list.reasonNothingSelected("there is no draft")
        return list.bindings(
            open: KeyBinding([.enter], .open, label: "resume", help: "Go back to the selected intake where you left it.", disabledReason: nothing),
            filterSubject: "drafts whose name",
            extra: [
                KeyBinding([.char("n")], .newIntake, label: "new intake", help: "Start a new ER intake."),
                KeyBinding([.char("x"), .delete], .discardDraft, label: "discard", help: "Discard the selected draft (asks first).",
                           disabledReason: nothing),
            ])
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadIntakeDrafts)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.handle(action, visibleRows: FilteredList<IntakeDraftSummary>.tableRows(viewport)) { return [] }
        switch action {
        case .open:
            return list.selected.map { [.open(.intakeForm($0.id))] } ?? []
        case .newIntake:
            return [.run(.createIntakeDraft(newDraft))]
        case .discardDraft:
            guard let draft = list.selected else { return [] }
            return [.confirm(Confirmation("Discard the intake draft “\(draft.label)”? What was typed in it will be gone.",
                                          confirmLabel: "discard it", action: .confirmDiscardDraft))]
        case .confirmDiscardDraft:
            return list.selected.map { [.run(.discardIntakeDraft(id: $0.id))] } ?? []
        default:
            return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        list.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .intakeDrafts(let drafts): list.load(drafts)
        case .intakeDraftDiscarded: return [.run(.loadIntakeDrafts), .say("Draft discarded.")]
        case .intakeDraftCreated(let id): return [.open(.intakeForm(id))]
        case .intakeNotSaved(_, let message): return [.say(message)]
        case .failed(let message): list.fail(message)
        default: break
        }
        return []
    }

    static let columns = [
        TableColumn("Family", .flexible(minimum: 20)),
        TableColumn("Started", .fixed(16)),
        TableColumn("Last saved", .fixed(16)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        list.render(
            heading: "Your unfinished intakes", noun: ("draft", "drafts"), columns: Self.columns,
            cells: { draft in
                [TableCell(draft.label, .bold), TableCell(draft.createdAt.stamp), TableCell(draft.updatedAt.stamp)]
            },
            empty: "No unfinished intake. Press n to start one.", into: &grid, area: inner)
    }

    /// "11/23/2026 10:02" in the local time zone.
}

extension IntakeDraftSummary: FilterableRow {
    public var filterFields: [String] { [label] }
}

extension IntakeDraft {
    /// A blank intake: one empty member, the referral received today.
    static func new(bank: QuestionBank, today: CalendarDate) -> IntakeDraft {
        IntakeDraft(bankVersion: bank.version, answers: [IntakeQuestion.referralReceivedDate.rawValue: today.usFormat],
                    fieldKey: FormField.question(IntakeQuestion.referralNumber.rawValue).key)
    }
}
