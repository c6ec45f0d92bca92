/// The presenter's step list (F5): every step of the walkthrough, to jump to one.
enum StepListOverlay {
    static func render(_ state: WalkthroughState, selection: ListSelection, into grid: inout CellGrid) {
        let steps = state.walkthrough.steps
        let width = min(grid.size.width - 4, 72)
        let height = min(grid.size.height - 4, steps.count + 4)
        let rect = Rect(row: 2, column: (grid.size.width - width) / 2, width: width, height: height)
        Chrome.box(into: &grid, rect, title: "Steps of \(state.walkthrough.title)", style: WalkthroughPanel.border)
        let visible = rect.height - 4
        let first = selection.visibleOffset(rows: visible)
        let numberWidth = String(steps.count).count
        for (offset, step) in steps.enumerated().dropFirst(first).prefix(visible) {
            let row = rect.row + 1 + offset - first
            let number = String(repeating: " ", count: numberWidth - String(offset + 1).count) + String(offset + 1)
            let marker = offset == state.stepIndex ? "▸" : " "
            let text = "\(marker) \(number)  \(step.title)"
            let style: Style = offset == selection.index ? .selected : .plain
            grid.put(DisplayWidth.fit(text, to: rect.width - 4), row: row, column: rect.column + 2, style: style)
        }
        grid.put("↑↓ choose · Enter go to the step · Esc close", row: rect.bottom - 2, column: rect.column + 2, style: .muted,
                 maxWidth: rect.width - 4)
        grid.cursor = nil
    }
}
