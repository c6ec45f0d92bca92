import Foundation
import LinkagesDomain
import LinkagesStore

/// A supervisor's list of what the audit trail flagged for their office's workers: records
/// opened in an emergency (with the reason typed), a worker who read many families in a short
/// while, records opened by a release the reader recorded or approved. Each is marked reviewed
/// once looked at.
public struct EmergenciesScreen: ScreenModel {
    public private(set) var list = LoadedRows<EmergencyOpening>()

    public init() {}

    public var title: String { "Flagged for review" }

    var selected: EmergencyOpening? { list.selected }

    public var bindings: [KeyBinding] {
        let nothing = selected == nil ? "nothing is waiting for review" : nil
        return CommonBindings.moveInList + [
            KeyBinding([.char("v")], .markReviewed, label: "reviewed",
                       help: "Mark the selected row reviewed: you have looked at it with the worker.",
                       disabledReason: nothing),
            KeyBinding([.enter], .open, label: "open family", help: "Open the family the row names (your view is audited too).",
                       disabledReason: selected?.event.familyId == nil ? nothing ?? "this row names no one family" : nil),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the list again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadEmergencyOpenings)]
    }

    static func listHeight(_ viewport: Size) -> Int { viewport.height - 6 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if list.move(action, visibleRows: Self.listHeight(viewport)) { return [] }
        switch action {
        case .markReviewed:
            return selected.map { [.run(.reviewEmergency(eventId: $0.event.id))] } ?? []
        case .open:
            return selected?.event.familyId.map { [.open(.family($0))] } ?? []
        case .refresh:
            return [.run(.loadEmergencyOpenings)]
        default:
            return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .emergencyOpenings(let openings):
            list.load(openings)
        case .emergencyReviewed:
            return [.run(.loadEmergencyOpenings), .say("Marked reviewed; it stays in the audit trail.")]
        case .failed(let message):
            list.fail(message)
        default:
            break
        }
        return []
    }

    /// What a flagged row is about, in words.
    static func what(_ event: AuditEvent) -> String {
        if let reason = event.reason { return "\(event.action.displayName): “\(reason)”" }
        return event.action.displayName + (event.detail.map { ": \($0)" } ?? "")
    }

    static let columns = [
        TableColumn("When (UTC)", .fixed(16)),
        TableColumn("Worker", .fixed(16)),
        TableColumn("Family", .fixed(22)),
        TableColumn("What", .flexible(minimum: 16)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        guard let openings = list.ready(into: &grid, area: inner) else { return }
        let intro = "Flagged for your office's workers: emergency openings, many families read at once, "
            + "records opened by a release the reader recorded or approved."
        for (offset, line) in DisplayWidth.wrap(intro, to: inner.width).prefix(2).enumerated() {
            grid.put(line, row: inner.row + offset, column: inner.column, style: .muted)
        }
        let rows = openings.map { opening in
            [
                TableCell(String(opening.event.at.prefix(16))),
                TableCell(opening.workerName),
                TableCell(opening.familyName ?? "—"),
                TableCell(Self.what(opening.event)),
            ]
        }
        Table.render(columns: Self.columns, rows: rows, selection: list.selection, into: &grid,
                     area: Rect(row: inner.row + 3, column: inner.column, width: inner.width, height: inner.height - 6),
                     emptyMessage: "Nothing is waiting for review.")
        // The selected row in full: the table cuts it.
        if let selected {
            let lines = DisplayWidth.wrap(Self.what(selected.event), to: inner.width).prefix(2)
            for (offset, line) in lines.enumerated() {
                grid.put(line, row: inner.bottom - 2 + offset, column: inner.column)
            }
        }
    }
}
