import LinkagesDomain

/// Labelled fields moved through with Tab: each is a line of text or one of a few answers.
/// The screens that record something (a release, a plan task) keep their fields here and say
/// only what the fields are and what saving does.
public struct Form: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case text(TextField, placeholder: String)
        /// The picked answer's id ("" for none) and the answers; `allowsNone` lets Backspace clear it.
        case choice(String, [Choice], allowsNone: Bool)
    }

    public struct Field: Equatable, Sendable {
        public let id: String
        public var label: String
        public var input: Input

        public static func text(_ id: String, _ label: String, _ text: String = "", placeholder: String = "") -> Field {
            Field(id: id, label: label, input: .text(TextField(text), placeholder: placeholder))
        }

        public static func choice(_ id: String, _ label: String, _ current: String, _ choices: [Choice], allowsNone: Bool = false) -> Field {
            Field(id: id, label: label, input: .choice(current, choices, allowsNone: allowsNone))
        }
    }

    public private(set) var fields: [Field]
    public private(set) var focus = 0

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    public var focusedId: String { fields[focus].id }

    /// Adds fields at the end (answers that arrive after the form opens).
    public mutating func append(_ more: [Field]) {
        fields += more
    }

    public mutating func focusNext() { focus = (focus + 1) % fields.count }
    public mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count }

    public mutating func focus(on id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    /// The keys every form has: Tab and Shift-Tab (or ↓/↑) move between fields, Enter saves.
    public static func bindings(save label: String, help: String) -> [KeyBinding] {
        [
            KeyBinding([.tab, .down], .nextFocus, label: "next", help: "Go to the next field."),
            KeyBinding([.backTab, .up], .previousFocus, label: "previous", help: "Go to the previous field.", inHintBar: false),
            KeyBinding([.enter], .save, label: label, help: help),
        ]
    }

    /// Moves the focus for `.nextFocus` and `.previousFocus`; returns false for any other action.
    public mutating func moveFocus(_ action: Action) -> Bool {
        switch action {
        case .nextFocus: focusNext()
        case .previousFocus: focusPrevious()
        default: return false
        }
        return true
    }

    /// Applies a key to the focused field. Returns true when its value changed.
    @discardableResult
    public mutating func type(_ key: Key) -> Bool {
        switch fields[focus].input {
        case .text(var field, let placeholder):
            let changed = field.edit(key)
            fields[focus].input = .text(field, placeholder: placeholder)
            return changed
        case .choice(let current, let choices, let allowsNone):
            guard let next = ChoiceField.answer(after: key, current: current, choices: choices),
                  allowsNone || !next.isEmpty, next != current
            else { return false }
            fields[focus].input = .choice(next, choices, allowsNone: allowsNone)
            return true
        }
    }

    /// The text of a text field, trimmed, or the id of a choice's answer.
    public func value(_ id: String) -> String {
        guard let field = fields.first(where: { $0.id == id }) else { return "" }
        switch field.input {
        case .text(let text, _): return text.text.trimmingCharacters(in: .whitespaces)
        case .choice(let current, _, _): return current
        }
    }

    /// Sets a field's text or picked answer.
    public mutating func set(_ id: String, to value: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        switch fields[index].input {
        case .text(_, let placeholder): fields[index].input = .text(TextField(value), placeholder: placeholder)
        case .choice(_, let choices, let allowsNone): fields[index].input = .choice(value, choices, allowsNone: allowsNone)
        }
    }

    /// Brings the form from the record it was filled from (`old`, field id to value) to a newer
    /// one (`new`): a field the worker left as it was takes the newer value; a field they
    /// changed keeps what they typed. After another worker's save, this keeps the worker's own
    /// changes to apply again over theirs.
    public mutating func rebase(from old: [String: String], to new: [String: String]) {
        for field in fields where value(field.id) == (old[field.id] ?? "") {
            set(field.id, to: new[field.id] ?? "")
        }
    }

    /// Replaces a choice's answers, keeping the picked one when it is still among them.
    public mutating func set(_ id: String, choices: [Choice]) {
        guard let index = fields.firstIndex(where: { $0.id == id }),
              case .choice(let current, _, let allowsNone) = fields[index].input else { return }
        let kept = choices.contains { $0.id == current } ? current : (allowsNone ? "" : choices.first?.id ?? "")
        fields[index].input = .choice(kept, choices, allowsNone: allowsNone)
    }

    /// Draws a whole form screen: the introduction wrapped to the width (muted), the fields with
    /// their values `labelWidth` columns in, then why the last save was refused. Returns the row
    /// of the first field.
    @discardableResult
    public func renderScreen(
        intro: String, problems: [String], into grid: inout CellGrid, area: Rect, labelWidth: Int, spaced: Bool = true,
        dimmed: Set<String> = []
    ) -> Int {
        let left = area.column + 2
        var row = area.row + 1
        for line in DisplayWidth.wrap(intro, to: area.width - 4) {
            grid.put(line, row: row, column: left, style: .muted)
            row += 1
        }
        let fieldsTop = row + (spaced ? 1 : 0)
        let after = render(into: &grid, row: fieldsTop, left: left, valueColumn: left + labelWidth, right: area.right - 1,
                           spaced: spaced, dimmed: dimmed)
        FormProblems.render(problems, into: &grid, row: after, left: left, area: area)
        return fieldsTop
    }

    /// Draws each field on its own line (a blank line between when `spaced`) from `row`, labels
    /// at `left`, values at `valueColumn`; only the fields in `visible` when given (a form longer
    /// than the screen). Returns the row after the last field.
    @discardableResult
    public func render(
        into grid: inout CellGrid, row top: Int, left: Int, valueColumn: Int, right: Int, spaced: Bool = true,
        dimmed: Set<String> = [], visible: Range<Int>? = nil
    ) -> Int {
        var row = top
        let width = max(10, right - valueColumn)
        for (index, field) in fields.enumerated() where visible?.contains(index) ?? true {
            let focused = index == focus
            grid.put(field.label, row: row, column: left, style: focused ? .bold : (dimmed.contains(field.id) ? .muted : .plain),
                     maxWidth: valueColumn - left - 1)
            switch field.input {
            case .text(let text, let placeholder):
                text.render(into: &grid, row: row, column: valueColumn, width: width, focused: focused, placeholder: placeholder)
            case .choice(let current, let choices, _):
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: width, current: current,
                                   choices: choices, focused: focused)
            }
            row += spaced ? 2 : 1
        }
        return row
    }
}

/// Why a form was not saved: one sentence for each thing to fix.
public struct FormRefusal: Error, Equatable {
    public var sentences: [String]
}

/// The sentences that say why a form was not saved, in red below it.
public enum FormProblems {
    /// What another worker's save changed under the form, and what the worker can do now.
    public static func conflict(_ conflict: EditConflict) -> [String] {
        [conflict.opening + ":"]
            + conflict.fields.map { "\(EditConflict.label($0.field).capitalizedFirst) is now \(EditConflict.shown($0.theirs)); yours: \(EditConflict.shown($0.yours))." }
            + ["Your changes are still in the form. Enter saves them over theirs; Esc leaves theirs."]
    }

    public static func render(_ problems: [String], into grid: inout CellGrid, row top: Int, left: Int, area: Rect) {
        var row = top
        for problem in problems {
            for line in DisplayWidth.wrap("! " + problem, to: area.width - 4) where row < area.bottom {
                grid.put(line, row: row, column: left, style: .danger)
                row += 1
            }
        }
    }
}
