import LinkagesDomain
import LinkagesStore

/// Household lookup: type a name, birth date, CIN or case number and see the matching families
/// from both programs' records, best first, each with its program badges and tier, and for the
/// selected family why its people match (a nickname, a sound-alike, a swapped birth date).
public struct LookupScreen: ScreenModel {
    public enum Focus: Equatable, Sendable { case search, results }

    public private(set) var field = TextField()
    public private(set) var focus = Focus.search
    public private(set) var answer = LookupAnswer.empty
    public var hits: [FamilyHit] { answer.hits }
    public private(set) var selection = ListSelection()
    /// Counts searches sent, so that a slow answer to an older query is dropped.
    public private(set) var generation = 0
    public private(set) var answeredGeneration = 0
    public private(set) var loadError: String?

    public init() {}

    public var title: String { "Household lookup" }
    public var isTyping: Bool { focus == .search }

    public var bindings: [KeyBinding] {
        let noResults: String?
        if generation != answeredGeneration {
            noResults = "still searching"
        } else if hits.isEmpty {
            noResults = field.text.isEmpty ? "no family is listed yet; type a name first" : "no family matches the search"
        } else {
            noResults = nil
        }
        switch focus {
        case .search:
            return [
                KeyBinding([.tab, .down, .enter], .nextFocus, label: "results", help: "Move to the list of families found.",
                           disabledReason: noResults),
            ]
        case .results:
            return CommonBindings.moveInList + [
                KeyBinding([.enter], .open, label: "open family", help: "Open the selected family: both programs side by side."),
                KeyBinding([.char("/"), .tab, .backTab], .search, label: "search", help: "Go back to the search field to change the search."),
            ]
        }
    }

    static func listHeight(_ viewport: Size) -> Int { viewport.height - 10 }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if focus == .results {
            if action == .moveUp && selection.index == 0 {
                focus = .search
                return []
            }
            if selection.apply(action, count: hits.count, visibleRows: Self.listHeight(viewport)) { return [] }
        }
        switch action {
        case .nextFocus:
            focus = .results
        case .search:
            focus = .search
        case .open:
            guard hits.indices.contains(selection.index) else { return [] }
            return [.open(.family(hits[selection.index].familyId))]
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        guard field.edit(key) else { return [] }
        generation += 1
        let query = field.text.trimmingCharacters(in: .whitespaces)
        if query.isEmpty {
            answer = .empty
            answeredGeneration = generation
            selection.clamp(count: 0)
            return []
        }
        return [.run(.search(query: query, generation: generation))]
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .searchResults(let answered, let found) where answered == generation:
            answer = found
            answeredGeneration = answered
            selection = ListSelection()
            loadError = nil
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    static let columns = [
        TableColumn("Family", .flexible(minimum: 16)),
        TableColumn("Matched", .flexible(minimum: 16)),
        TableColumn("Born", .fixed(10)),
        TableColumn("Records", .fixed(10)),
        TableColumn("Tier", .fixed(12)),
    ]

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        grid.put("Search", row: inner.row, column: inner.column, style: .heading)
        field.render(into: &grid, row: inner.row, column: inner.column + 8, width: inner.width - 8, focused: focus == .search,
                     placeholder: "type a name, birth date, CIN or case number")
        grid.put(hint, row: inner.row + 1, column: inner.column + 8, style: .muted, maxWidth: inner.width - 8)
        // The table, then two lines saying why the selected family's people match.
        let tableArea = Rect(row: inner.row + 3, column: inner.column, width: inner.width, height: inner.height - 7)
        if let loadError {
            grid.put(loadError, row: tableArea.row, column: tableArea.column, style: .danger, maxWidth: tableArea.width)
            return
        }
        let rows = hits.map { hit -> [TableCell] in
            let first = hit.matchedPeople.first
            let more = hit.matchedPeople.count > 1 ? " +\(hit.matchedPeople.count - 1)" : ""
            return [
                TableCell(hit.displayName, .bold),
                TableCell((first?.name ?? "") + more),
                TableCell(first?.dateOfBirth?.usFormat ?? "—"),
                TableCell(Badges.sources(hit.sources)),
                TableCell(hit.tier.tier?.shortName ?? "—", Badges.tierStyle(hit.tier.tier)),
            ]
        }
        let searching = generation != answeredGeneration
        let empty: String
        if field.text.trimmingCharacters(in: .whitespaces).isEmpty {
            empty = "Start typing: results appear as you type."
        } else if searching {
            empty = "Searching…"
        } else {
            empty = "No family matches “\(field.text)”. Check the spelling, try the first letters of the surname, or search by birth date (MM/DD/YYYY)."
        }
        Table.render(columns: Self.columns, rows: rows, selection: focus == .results ? selection : nil,
                     into: &grid, area: tableArea, emptyMessage: empty)
        renderReasons(into: &grid, row: tableArea.bottom + 1, column: inner.column, width: inner.width)
    }

    /// Under the search field: what the search does, or what to do about what was typed.
    var hint: String {
        if !answer.unfinished.isEmpty {
            return "Finish the date as MM/DD/YYYY: “\(answer.unfinished.joined(separator: " "))” is not searched yet."
        }
        if answer.truncated {
            return "Many people match: add a surname or a date of birth to narrow the list."
        }
        return "Finds nicknames, sound-alikes and typos; add a birth date to narrow."
    }

    /// Why the selected family (or the first, while typing) answers the search.
    func renderReasons(into grid: inout CellGrid, row: Int, column: Int, width: Int) {
        let index = focus == .results ? selection.index : 0
        guard hits.indices.contains(index), let person = hits[index].matchedPeople.first else { return }
        grid.put("Why: \(person.name), \(person.source.displayName)", row: row, column: column, style: .heading, maxWidth: width)
        let lines = DisplayWidth.wrap(person.reasons.joined(separator: "; "), to: width - 5)
        for (offset, line) in lines.prefix(2).enumerated() {
            grid.put(line, row: row + 1 + offset, column: column + 5, maxWidth: width - 5)
        }
    }
}
