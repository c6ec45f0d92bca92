import LinkagesDomain

/// A plan's tasks side by side: CalWORKs on the left, Child Welfare on the right, the family's
/// and providers' tasks below across the width. Each task is one line: a clash mark, the due
/// date and the title; overdue in the warning colour, finished tasks dimmed.
struct PlanSidesView {
    let tasks: [PlanTask]
    let selected: Int64?
    let flagged: Set<Int64>
    let today: CalendarDate

    func render(into grid: inout CellGrid, area: Rect) {
        guard area.height > 1 else { return }
        let gap = 2
        let half = (area.width - gap) / 2
        let left = tasks.filter { $0.side == .calworks }
        let right = tasks.filter { $0.side == .childWelfare }
        let shared = tasks.filter { $0.side == nil }
        grid.put("CalWORKs \(Program.calworks.badge)", row: area.row, column: area.column, style: .calworks, maxWidth: half)
        grid.put("Child Welfare \(Program.childWelfare.badge)", row: area.row, column: area.column + half + gap,
                 style: .childWelfare, maxWidth: half)
        let columnRows = max(left.count, right.count, 1)
        let sharedRows = shared.isEmpty ? 0 : shared.count + 1
        // When everything does not fit, the two sides give up rows first; the footer names the selection anyway.
        let sideHeight = min(columnRows, max(1, area.height - 1 - min(sharedRows, area.height / 3)))
        render(left, empty: "Nothing for CalWORKs yet.", into: &grid, row: area.row + 1, column: area.column, width: half, rows: sideHeight)
        render(right, empty: "Nothing for Child Welfare yet.", into: &grid, row: area.row + 1, column: area.column + half + gap,
               width: area.width - half - gap, rows: sideHeight)
        let sharedTop = area.row + 1 + sideHeight + 1
        guard !shared.isEmpty, sharedTop < area.bottom else { return }
        grid.put("Family and providers", row: sharedTop, column: area.column, style: .heading, maxWidth: area.width)
        render(shared, empty: "", into: &grid, row: sharedTop + 1, column: area.column, width: area.width,
               rows: area.bottom - sharedTop - 1)
    }

    private func render(_ list: [PlanTask], empty: String, into grid: inout CellGrid, row: Int, column: Int, width: Int, rows: Int) {
        guard rows > 0 else { return }
        if list.isEmpty {
            grid.put(empty, row: row, column: column, style: .muted, maxWidth: width)
            return
        }
        // Keep the selected task in view when the list is longer than its rows.
        let selectedIndex = list.firstIndex { $0.id != nil && $0.id == selected } ?? 0
        let start = max(0, min(selectedIndex - rows + 1, list.count - rows))
        for (offset, task) in list[start...].prefix(rows).enumerated() {
            let line = (task.id.map(flagged.contains) == true ? "⚠ " : "  ")
                + (task.dueDate.map { String($0.usFormat.prefix(5)) } ?? "  —  ") + " "
                + (task.owner == .provider ? "Provider: " : "") + task.title
            let style: Style = task.isOverdue(on: today) ? .warning : (task.status.isOpen ? .plain : .muted)
            grid.put(line, row: row + offset, column: column, style: style, maxWidth: width)
            if task.id != nil && task.id == selected {
                grid.restyle(row: row + offset, from: column, width: width) { $0.reverse = true }
            }
        }
    }
}

/// The clashes a plan holds, one explanation each, under a warning heading. Returns the rows used.
enum PlanConflictsView {
    static func render(_ conflicts: [PlanConflict], into grid: inout CellGrid, row top: Int, column: Int, width: Int, maxRows: Int) -> Int {
        guard !conflicts.isEmpty, maxRows >= 2 else { return 0 }
        let count = conflicts.count
        grid.put("⚠ \(count) clash\(count == 1 ? "" : "es") in this plan", row: top, column: column, style: .warning, maxWidth: width)
        var row = top + 1
        for (index, conflict) in conflicts.enumerated() {
            let lines = DisplayWidth.wrap("\(conflict.heading): \(conflict.explanation)", to: width - 2)
            let remaining = count - index
            guard row + lines.count <= top + maxRows - (remaining > 1 ? 1 : 0) else {
                if index == 0 {
                    // Too little room for the whole first clash: as much of it as fits, and a
                    // line for the others when there is room for it.
                    let others = count - 1
                    let shown = max(1, top + maxRows - row - (others > 0 ? 1 : 0))
                    for (offset, line) in lines.prefix(shown).enumerated() {
                        let cut = offset == shown - 1 && lines.count > shown ? DisplayWidth.truncate(line + " …", to: width - 2) : line
                        grid.put(cut, row: row + offset, column: column + 2, maxWidth: width - 2)
                    }
                    if others > 0 && row + shown < top + maxRows {
                        grid.put("  … and \(others) more; ⚠ marks the tasks.", row: row + shown, column: column, style: .muted, maxWidth: width)
                    }
                    return maxRows
                }
                grid.put("  … and \(remaining) more; ⚠ marks the tasks.", row: row, column: column, style: .muted, maxWidth: width)
                return row - top + 1
            }
            for line in lines {
                grid.put(line, row: row, column: column + 2, maxWidth: width - 2)
                row += 1
            }
        }
        return row - top
    }
}
