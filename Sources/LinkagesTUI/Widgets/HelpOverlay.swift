/// The `?` overlay: every key of the current screen, with what it does or why it does
/// nothing right now. Built from the same key table that drives the dispatch.
enum HelpOverlay {
    static func lines(title: String, bindings: [KeyBinding]) -> [(key: String, text: String, enabled: Bool)] {
        bindings.map { binding in
            let text = binding.disabledReason.map { "\(binding.help) (Not now: \($0))" } ?? binding.help
            return (binding.keyLabel, text, binding.isEnabled)
        }
    }

    /// - Parameter extra: keys that belong to no screen, listed after the screen's own (a trainer's presenter keys).
    static func render(into grid: inout CellGrid, title: String, bindings: [KeyBinding], extra: [(key: String, text: String)] = [],
                       scroll: Int) {
        let width = min(grid.size.width - 4, 76)
        let height = grid.size.height - 4
        let rect = Rect(row: 2, column: (grid.size.width - width) / 2, width: width, height: height)
        grid.fill(Rect(row: 1, column: 0, width: grid.size.width, height: grid.size.height - 3))
        Chrome.box(into: &grid, rect, title: "Keys for \(title)")
        let entries = lines(title: title, bindings: bindings) + extra.map { ($0.key, $0.text, true) }
        let keyWidth = min(18, entries.map { DisplayWidth.of($0.key) }.max() ?? 8)
        let textWidth = rect.width - 4 - keyWidth - 2
        var rendered: [(String, String, Bool)] = []
        for entry in entries {
            for (index, line) in DisplayWidth.wrap(entry.text, to: textWidth).enumerated() {
                rendered.append((index == 0 ? entry.key : "", line, entry.enabled))
            }
        }
        let visible = rect.height - 3
        let first = max(0, min(scroll, rendered.count - visible))
        for (offset, line) in rendered.dropFirst(first).prefix(visible).enumerated() {
            let row = rect.row + 1 + offset
            grid.put(line.0, row: row, column: rect.column + 2, style: line.2 ? .hintKey : .muted, maxWidth: keyWidth)
            grid.put(line.1, row: row, column: rect.column + 2 + keyWidth + 2, style: line.2 ? .plain : .muted, maxWidth: textWidth)
        }
        let footer = rendered.count > visible ? "↑↓ scroll · any other key closes" : "Any key closes this help"
        grid.put(footer, row: rect.bottom - 2, column: rect.column + 2, style: .muted, maxWidth: rect.width - 4)
    }
}
