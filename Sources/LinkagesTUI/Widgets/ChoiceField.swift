import LinkagesDomain

/// Picking one of a few answers with the keyboard: ←/→ or Space move through them, a letter
/// picks the first answer starting with it, Backspace clears.
public enum ChoiceField {
    /// The answer after `key`, or nil when the key does not change it.
    public static func answer(after key: Key, current: String, choices: [Choice]) -> String? {
        guard !choices.isEmpty else { return nil }
        let index = choices.firstIndex { $0.id == current }
        switch key {
        case .right, .char(" "):
            return choices[index.map { ($0 + 1) % choices.count } ?? 0].id
        case .left:
            return choices[index.map { ($0 + choices.count - 1) % choices.count } ?? choices.count - 1].id
        case .backspace, .delete:
            return current.isEmpty ? nil : ""
        case .char(let character):
            let letter = String(character).lowercased()
            let starting = choices.filter { $0.label.lowercased().hasPrefix(letter) }
            guard !starting.isEmpty else { return nil }
            // Pressing the same letter again moves to the next answer with that letter.
            if let index, starting.count > 1, let position = starting.firstIndex(where: { $0.id == choices[index].id }) {
                return starting[(position + 1) % starting.count].id
            }
            return starting[0].id
        default:
            return nil
        }
    }

    /// "(•) Yes  ( ) No  ( ) Unknown" on one line, or the picked answer alone when too narrow.
    public static func render(
        into grid: inout CellGrid, row: Int, column: Int, width: Int, current: String, choices: [Choice], focused: Bool
    ) {
        let full = choices.map { ($0.id == current ? "(•) " : "( ) ") + $0.label }.joined(separator: "  ")
        if DisplayWidth.of(full) <= width {
            var col = column
            for choice in choices {
                let picked = choice.id == current
                let text = (picked ? "(•) " : "( ) ") + choice.label
                let style: Style = focused && picked ? .focusedField : (picked ? .bold : (focused ? .plain : .muted))
                col = grid.put(text, row: row, column: col, style: style)
                col += 2
            }
            if focused && current.isEmpty {
                grid.put("( )", row: row, column: column, style: .focusedField)
            }
        } else {
            let label = choices.first { $0.id == current }?.label ?? "—"
            let text = focused ? "◂ \(label) ▸" : label
            grid.put(text, row: row, column: column, style: focused ? .focusedField : .bold, maxWidth: width)
        }
    }
}
