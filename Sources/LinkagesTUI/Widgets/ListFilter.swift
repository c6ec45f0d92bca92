import Foundation

/// The `/` filter of a list: a text field that narrows the list to rows containing the text
/// (ignoring case and accents), typed into until Enter keeps it or Esc clears it.
public struct ListFilter: Equatable, Sendable {
    public private(set) var field = TextField()
    public private(set) var isEditing = false

    public init() {}

    /// The filter text, without surrounding spaces.
    public var text: String {
        field.text.trimmingCharacters(in: .whitespaces)
    }

    public var isActive: Bool { isEditing || !text.isEmpty }

    /// True when one of `fields` contains the filter text, or when there is no filter.
    public func matches(_ fields: [String]) -> Bool {
        guard !text.isEmpty else { return true }
        return fields.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// The key that starts filtering; `subject` says what the rows are ("referrals").
    public static func startBinding(_ subject: String) -> KeyBinding {
        KeyBinding([.char("/")], .startFilter, label: "filter",
                   help: "Type to show only the \(subject) contains the text (accents and case do not matter).")
    }

    /// The keys while typing a filter.
    public static let editingBindings = [
        KeyBinding([.enter, .tab], .acceptFilter, label: "keep filter", help: "Keep this filter and go back to the list."),
        KeyBinding([.escape], .clearFilter, label: "clear", help: "Clear the filter and go back to the list."),
    ]

    /// Handles the filter's own actions; returns false for any other action.
    public mutating func apply(_ action: Action) -> Bool {
        switch action {
        case .startFilter: isEditing = true
        case .acceptFilter: isEditing = false
        case .clearFilter:
            field.clear()
            isEditing = false
        default: return false
        }
        return true
    }

    /// Edits the text; returns true when it changed.
    public mutating func edit(_ key: Key) -> Bool {
        field.edit(key)
    }

    /// Draws "Filter [text]" ending at column `right` of `row`, when a filter is in use.
    public func render(into grid: inout CellGrid, row: Int, right: Int) {
        guard isActive else { return }
        let label = "Filter "
        let width = 24
        let column = right - width - DisplayWidth.of(label) - 8
        grid.put(label, row: row, column: column, style: .bold)
        field.render(into: &grid, row: row, column: column + DisplayWidth.of(label), width: width, focused: isEditing)
    }
}
