import LinkagesDomain
import LinkagesStore

/// The list that attaches an intake to a family Linkages already knows (or detaches it), so
/// that finishing adds to that family's records instead of making a duplicate.
public struct AttachPicker: Equatable, Sendable {
    public enum Choice: Equatable, Sendable {
        case family(KnownRecordMatch)
        case newFamily
    }

    public let choices: [Choice]
    public private(set) var selection = 0

    init(matches: [KnownRecordMatch], attachedName: String?) {
        choices = matches.map(Choice.family) + [.newFamily]
    }

    static let bindings = [
        KeyBinding([.down, .char("j")], .moveDown, label: "move", help: "Move down the list.", inHintBar: false),
        KeyBinding([.up, .char("k")], .moveUp, label: "move", help: "Move up the list.", inHintBar: false),
        KeyBinding([.enter], .open, label: "choose", help: "Attach the intake to the selected family (or to none)."),
        KeyBinding([.escape, .char("q")], .cancel, label: "cancel", help: "Close the list without changing anything."),
    ]

    /// Applies an action; says whether the list closed and what was chosen.
    mutating func perform(_ action: Action) -> (closed: Bool, chosen: Choice?) {
        switch action {
        case .moveDown: selection = min(selection + 1, choices.count - 1)
        case .moveUp: selection = max(selection - 1, 0)
        case .open: return (true, choices[selection])
        case .cancel: return (true, nil)
        default: break
        }
        return (false, nil)
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let width = min(70, area.width - 4)
        var lines: [(String, Style, Int)] = []
        for (index, choice) in choices.enumerated() {
            switch choice {
            case .family(let match):
                lines.append((Badges.sources(match.sources) + " " + match.familyName, .bold, index))
                for person in match.people.prefix(3) {
                    let born = person.dateOfBirth.map { " \($0.usFormat)" } ?? ""
                    let badge = person.source.program?.badge ?? "[INT]"
                    let reason = IntakeFormScreen.shortReason(person.reason)
                    lines.append(("  \(badge) \(person.name)\(born) · \(reason)", .plain, index))
                }
            case .newFamily:
                lines.append(("None of these: finishing makes a new family", .bold, index))
            }
        }
        let height = min(area.height - 2, lines.count + 4)
        let rect = Rect(row: area.row + 1, column: area.column + (area.width - width) / 2, width: width, height: height)
        Chrome.box(into: &grid, rect, title: "Attach to a family Linkages knows")
        for (offset, line) in lines.prefix(height - 3).enumerated() {
            let row = rect.row + 1 + offset
            grid.put(line.0, row: row, column: rect.column + 2, style: line.1, maxWidth: width - 4)
            if line.2 == selection {
                grid.restyle(row: row, from: rect.column + 1, width: width - 2) { $0.reverse = true }
            }
        }
        grid.put("Enter attach · Esc cancel", row: rect.bottom - 2, column: rect.column + 2, style: .muted)
        grid.cursor = nil
    }
}
