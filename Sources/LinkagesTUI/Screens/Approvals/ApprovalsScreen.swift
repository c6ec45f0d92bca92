import Foundation
import LinkagesDomain
import LinkagesStore

/// A supervisor's list of releases, authorisations and court orders recorded by others that
/// wait for their program's approval: until approved, a basis opens nothing. Approving asks
/// first; refusing asks why (the recorder reads it).
public struct ApprovalsScreen: ScreenModel {
    public private(set) var list = LoadedRows<PendingSharingBasis>()
    /// The reason being typed for a refusal, while that prompt is open. It owns the keyboard
    /// until the refusal is saved or cancelled.
    public private(set) var refusalReason: TextField?
    /// Why the last decision was refused, shown under the prompt (or the list).
    public private(set) var problem: String?
    let program: Program
    let today: CalendarDate

    public init(session: Session) {
        program = session.worker.program
        today = session.today
    }

    public var title: String { "Releases to approve" }
    public var isTyping: Bool { refusalReason != nil }

    var selected: PendingSharingBasis? { list.selected }

    public var bindings: [KeyBinding] {
        if refusalReason != nil {
            return [
                KeyBinding([.enter], .save, label: "refuse", help: "Refuse the basis with this reason; audited, and the recorder reads it."),
                KeyBinding([.escape], .cancel, label: "cancel", help: "Close the question without deciding."),
            ]
        }
        let nothing = selected == nil ? "no release is waiting for your approval" : nil
        return CommonBindings.moveInList + [
            KeyBinding([.char("a")], .approveBasis, label: "approve",
                       help: "Approve the selected basis (asks first): it then shows \(program.displayName) records to the other program.",
                       disabledReason: nothing),
            KeyBinding([.char("x")], .refuseBasis, label: "refuse", help: "Refuse the selected basis, saying why.", disabledReason: nothing),
            KeyBinding([.enter], .open, label: "open family", help: "Open the family (your view is audited).", disabledReason: nothing),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the list again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadPendingBases)]
    }

    static func listHeight(_ viewport: Size) -> Int { viewport.height - 8 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if refusalReason == nil, list.move(action, visibleRows: Self.listHeight(viewport)) { return [] }
        switch action {
        case .approveBasis:
            guard let selected else { return [] }
            return [.confirm(Confirmation(
                "Approve the \(selected.basis.summary) for \(selected.familyName)? \(program.displayName) records will be shown to the other program"
                    + (selected.basis.includesSubstanceUse ? ", substance use included." : "."),
                confirmLabel: "approve", action: .confirmApproveBasis))]
        case .confirmApproveBasis:
            guard let id = selected?.basis.id else { return [] }
            problem = nil
            return [.run(.decideBasis(id: id, approve: true, reason: nil))]
        case .refuseBasis:
            refusalReason = TextField()
            problem = nil
        case .cancel:
            refusalReason = nil
            problem = nil
        case .save:
            guard let id = selected?.basis.id, let reason = refusalReason?.text.trimmingCharacters(in: .whitespaces) else { return [] }
            guard !reason.isEmpty else {
                problem = "Say why the basis is refused: the worker who recorded it reads it."
                return []
            }
            return [.run(.decideBasis(id: id, approve: false, reason: reason))]
        case .open:
            return selected.map { [.open(.family($0.basis.familyId))] } ?? []
        case .refresh:
            return [.run(.loadPendingBases)]
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        problem = nil
        refusalReason?.edit(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .pendingBases(let bases):
            list.load(bases)
        case .basisDecided(let basis):
            refusalReason = nil
            let approved = basis.decision(for: program)?.approved == true
            return [.run(.loadPendingBases), .say(approved ? "Approved: \(program.displayName) records are now shared under it."
                                                           : "Refused; the reason shows on the family's page.")]
        case .failed(let message):
            if list.rows == nil { list.fail(message) } else { problem = message }
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("Recorded", .fixed(10)),
        TableColumn("Family", .fixed(22)),
        TableColumn("Basis", .fixed(16)),
        TableColumn("Recorded by", .flexible(minimum: 14)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        guard let pending = list.ready(into: &grid, area: inner) else { return }
        let intro = "Recorded by other workers; each opens \(program.displayName) records to the other program only once you approve it. "
            + "Check the signed paper first."
        for (offset, line) in DisplayWidth.wrap(intro, to: inner.width).prefix(2).enumerated() {
            grid.put(line, row: inner.row + offset, column: inner.column, style: .muted)
        }
        let rows = pending.map { item in
            [
                TableCell(CalendarDate.today(now: item.basis.recordedAt).usFormat),
                TableCell(item.familyName),
                TableCell(item.basis.kind.displayName),
                TableCell(item.recordedByName + (item.recordedByProgram.map { " \($0.badge)" } ?? "")),
            ]
        }
        let tableHeight = inner.height - 7
        Table.render(columns: Self.columns, rows: rows, selection: list.selection, into: &grid,
                     area: Rect(row: inner.row + 3, column: inner.column, width: inner.width, height: tableHeight),
                     emptyMessage: "No release is waiting for a \(program.displayName) supervisor's approval.")
        var row = inner.row + 3 + tableHeight
        if let selected {
            let basis = selected.basis
            let detail = "\(basis.summary); \(basis.scopeDescription)." + (basis.note.map { " Note: \($0)" } ?? "")
            for line in DisplayWidth.wrap(detail, to: inner.width).prefix(2) {
                grid.put(line, row: row, column: inner.column)
                row += 1
            }
        }
        if let refusalReason {
            grid.put("Why refused:", row: row, column: inner.column, style: .bold)
            refusalReason.render(into: &grid, row: row, column: inner.column + 13, width: max(10, inner.width - 13), focused: true,
                                 placeholder: "e.g. the release names another child")
            row += 1
        }
        if let problem, row < inner.bottom {
            grid.put("! " + problem, row: row, column: inner.column, style: .danger, maxWidth: inner.width)
        }
    }
}
