import LinkagesStore

/// The furniture every screen shares: the title line, the message line and the key-hint bar.
enum Chrome {
    /// " Linkages ▸ Household lookup        DEMO  Ana Ruiz · demo.sqlite · Mon 11/23/2026 ".
    static func renderTitle(into grid: inout CellGrid, title: String, session: Session) {
        let width = grid.size.width
        let training = session.databaseKind == .training
        let barStyle = training ? Style(bold: true, reverse: true, color: .training) : Style.titleBar
        grid.fill(Rect(row: 0, column: 0, width: width, height: 1), style: barStyle)
        let left = " Linkages ▸ " + title
        // A long title keeps its words: the database name goes first, then the date.
        let candidates = [[session.workerLabel, session.databaseName, session.dateLabel],
                          [session.workerLabel, session.dateLabel], [session.workerLabel]]
        var right = ""
        for pieces in candidates {
            right = pieces.joined(separator: " · ") + " "
            if let badge = session.databaseKind.badge { right = " \(badge) │ " + right }
            if DisplayWidth.of(left) <= width - DisplayWidth.of(right) - 1 { break }
        }
        let rightWidth = DisplayWidth.of(right)
        grid.put(left, row: 0, column: 0, style: barStyle, maxWidth: max(0, width - rightWidth - 1))
        grid.put(right, row: 0, column: max(0, width - rightWidth), style: barStyle)
    }

    /// The hint bar: the keys that work now, most useful first. The keys every screen has
    /// (help, back or quit) are always shown; the screen's own hints are cut to make room.
    static func renderHints(into grid: inout CellGrid, bindings: [KeyBinding]) {
        let row = grid.size.height - 1
        let all = hints(from: bindings)
        let common: Set<Action?> = [.help, .back, .quit]
        let kept = all.filter { common.contains($0.action) }
        var budget = grid.size.width - 1 - kept.reduce(0) { $0 + $1.width }
        var shown: [Hint] = []
        for hint in all {
            if common.contains(hint.action) {
                shown.append(hint)
            } else if hint.width <= budget {
                shown.append(hint)
                budget -= hint.width
            } else {
                budget = -1  // keep the order: once one does not fit, later ones are dropped too
            }
        }
        var column = 1
        for hint in shown {
            column = grid.put(hint.key, row: row, column: column, style: .hintKey)
            column = grid.put(" " + hint.label, row: row, column: column, style: .plain)
            column += 2
        }
    }

    /// One entry of the hint bar.
    struct Hint {
        var key: String
        var label: String
        var action: Action?

        /// Columns taken, with the two spaces after it.
        var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2 }
    }

    static func hints(from bindings: [KeyBinding]) -> [Hint] {
        var result: [Hint] = []
        if bindings.contains(where: { $0.action == .moveDown && $0.isEnabled }) {
            result.append(Hint(key: CommonBindings.moveHint, label: "move", action: nil))
        }
        for binding in bindings where binding.inHintBar && binding.isEnabled {
            result.append(Hint(key: binding.hintKey ?? binding.keys.first!.label, label: binding.label, action: binding.action))
        }
        return result
    }

    /// A screen's heading line, with the list position ("3 of 25") at its right end.
    static func heading(into grid: inout CellGrid, _ text: String, row: Int, area: Rect, selection: ListSelection? = nil, count: Int = 0) {
        var position = ""
        if let selection, count > 0 {
            position = "\(selection.index + 1) of \(count)"
        }
        let positionWidth = DisplayWidth.of(position)
        grid.put(text, row: row, column: area.column, style: .heading, maxWidth: area.width - positionWidth - 1)
        grid.put(position, row: row, column: area.right - positionWidth, style: .muted)
    }

    static func renderMessage(into grid: inout CellGrid, message: String) {
        grid.put(" " + message, row: grid.size.height - 2, column: 0, style: .warning, maxWidth: grid.size.width)
    }

    /// Draws a box with a title in its top border and clears its inside.
    static func box(into grid: inout CellGrid, _ rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        grid.fill(rect)
        let inner = rect.width - 2
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", row: rect.row, column: rect.column, style: style)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            grid.put("│", row: row, column: rect.column, style: style)
            grid.put("│", row: row, column: rect.right - 1, style: style)
        }
        grid.put("└" + String(repeating: "─", count: inner) + "┘", row: rect.bottom - 1, column: rect.column, style: style)
        if let title {
            grid.put(" \(title) ", row: rect.row, column: rect.column + 2, style: .heading, maxWidth: inner - 2)
        }
    }
}

import LinkagesDomain
