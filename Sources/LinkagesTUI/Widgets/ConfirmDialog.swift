/// A question before anything destructive or final: Enter or y goes ahead, Esc or n does not.
public struct Confirmation: Equatable, Sendable {
    public var question: String
    /// What y/Enter does, in two or three words ("discard the draft").
    public var confirmLabel: String
    /// The action the screen performs when the worker confirms.
    public var action: Action

    public init(_ question: String, confirmLabel: String, action: Action) {
        self.question = question
        self.confirmLabel = confirmLabel
        self.action = action
    }

    func render(into grid: inout CellGrid) {
        let width = min(64, grid.size.width - 8)
        let lines = DisplayWidth.wrap(question, to: width - 4)
        let height = lines.count + 4
        let rect = Rect(row: max(1, (grid.size.height - height) / 2), column: (grid.size.width - width) / 2, width: width, height: height)
        Chrome.box(into: &grid, rect, title: "Please confirm", style: .warning)
        for (offset, line) in lines.enumerated() {
            grid.put(line, row: rect.row + 1 + offset, column: rect.column + 2, maxWidth: width - 4)
        }
        var column = rect.column + 2
        let row = rect.bottom - 2
        column = grid.put("y", row: row, column: column, style: .hintKey)
        column = grid.put("/", row: row, column: column)
        column = grid.put("Enter", row: row, column: column, style: .hintKey)
        column = grid.put(" \(confirmLabel)   ", row: row, column: column)
        column = grid.put("n", row: row, column: column, style: .hintKey)
        column = grid.put("/", row: row, column: column)
        column = grid.put("Esc", row: row, column: column, style: .hintKey)
        grid.put(" cancel", row: row, column: column)
        grid.cursor = nil
    }
}
