import LinkagesDomain
import LinkagesMatching
import LinkagesStore

/// The match review queue: pairs the batch match found likely but not certain, one at a time,
/// the CalWORKs record beside the Child Welfare record and the evidence for and against under
/// them. A supervisor confirms (the households become one family) or rejects (the pair is never
/// suggested again). Blind mode hides the probability and the weights, and shows the pairs in
/// the order found rather than most likely first, so that the score cannot lead the eye.
public struct MatchReviewScreen: ScreenModel {
    public private(set) var pairs: [PersonMatch] = []
    public private(set) var index = 0
    public private(set) var blind = false
    public private(set) var loaded = false
    public private(set) var loadError: String?
    /// Pairs decided on this screen, for the heading.
    public private(set) var decidedHere = 0
    /// The pair whose SSNs the supervisor asked to see whole (audited), until they move on.
    public private(set) var revealedPair: Int64?

    /// Only supervisors decide links; others may look.
    let mayDecide: Bool
    /// Set when the screen shows one family's links (linked, suggested and confirmed) rather
    /// than the county's queue.
    public let family: (id: Int64, name: String)?

    public init(session: Session, family: (id: Int64, name: String)? = nil) {
        mayDecide = session.policy.mayDecideMatches
        self.family = family
    }

    /// "Pair" in the queue, "Link" on a family's page.
    var noun: String { family == nil ? "pair" : "link" }

    public var title: String { family.map { "Links: \($0.name)" } ?? "Match review" }

    var current: PersonMatch? { pairs.indices.contains(index) ? pairs[index] : nil }

    public var bindings: [KeyBinding] {
        let nothing = !mayDecide ? "only a supervisor may confirm or reject a link"
            : current == nil ? "no \(noun) is waiting for review" : nil
        return [
            KeyBinding([.char("c")], .confirmMatch, label: "same person",
                       help: "Confirm the pair: the same person, so their households become one family.",
                       disabledReason: nothing ?? (current?.status == .confirmed ? "this link is already confirmed" : nil)),
            KeyBinding([.char("x")], .rejectMatch, label: "not the same",
                       help: "Reject the pair: two different people. It is never suggested again.", disabledReason: nothing),
            KeyBinding([.down, .char("n")], .moveDown, label: "next", help: "Skip to the next pair without deciding.",
                       disabledReason: index + 1 < pairs.count ? nil : "this is the last pair"),
            KeyBinding([.up, .char("p")], .moveUp, label: "previous", help: "Go back to the previous pair.",
                       inHintBar: false, disabledReason: index > 0 ? nil : "this is the first pair"),
            KeyBinding([.char("s")], .revealSSN, label: "show SSN",
                       help: "Show both SSNs whole for this pair; it is written to the audit trail.", inHintBar: false,
                       disabledReason: !mayDecide ? "only a supervisor may see a whole SSN"
                           : current == nil ? "no pair is waiting for review" : nil),
            KeyBinding([.char("b")], .toggleBlind, label: blind ? "show score" : "blind",
                       help: "Blind review: hide the match probability and the weights, and list pairs in the order found."),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(family.map { .loadFamilyLinks(familyId: $0.id) } ?? .loadMatchReview)]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        switch action {
        case .moveDown:
            index = min(index + 1, max(0, pairs.count - 1))
            revealedPair = nil
        case .moveUp:
            index = max(0, index - 1)
            revealedPair = nil
        case .toggleBlind:
            blind.toggle()
            let id = current?.id
            order()
            index = pairs.firstIndex { $0.id == id } ?? 0
        case .revealSSN:
            guard let pair = current else { return [] }
            return [.run(.revealSSN(matchId: pair.id))]
        case .confirmMatch, .rejectMatch:
            guard let pair = current else { return [] }
            return [.run(.decideMatch(id: pair.id, confirm: action == .confirmMatch))]
        default:
            break
        }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .matchReview(let waiting):
            let id = current?.id
            pairs = waiting
            order()
            index = pairs.firstIndex { $0.id == id } ?? min(index, max(0, pairs.count - 1))
            loaded = true
            loadError = nil
        case .ssnRevealed(let matchId):
            revealedPair = matchId
        case .matchDecided(let pair):
            decidedHere += 1
            let who = "\(pair.calworks.person.firstName) \(pair.calworks.person.lastName)"
            let said = ScreenCommand.say(pair.status == .confirmed
                                         ? "Confirmed: \(who) is one person; the households are one family now."
                                         : "Rejected: two different people. This pair will not be suggested again.")
            if let family {
                return [.run(.loadFamilyLinks(familyId: family.id)), said]
            }
            pairs.removeAll { $0.id == pair.id }
            index = min(index, max(0, pairs.count - 1))
            return [said]
        case .failed(let message):
            loadError = message
            return [.say(message)]
        default:
            break
        }
        return []
    }

    /// Most likely first; in blind mode, the order the match found them.
    mutating func order() {
        pairs.sort { blind ? $0.id < $1.id : ($0.probability, $1.id) > ($1.probability, $0.id) }
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        if let loadError {
            grid.put(loadError, row: inner.row, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        guard loaded else {
            grid.put("Loading…", row: inner.row, column: inner.column, style: .muted)
            return
        }
        if family != nil && current == nil {
            grid.put("No one in this family is linked across the programs.", row: inner.row, column: inner.column,
                     style: .heading, maxWidth: inner.width)
            return
        }
        guard let pair = current else {
            let done = decidedHere > 0 ? "All pairs decided: \(decidedHere) on this visit. " : ""
            grid.put(done + "No pair is waiting for review.", row: inner.row, column: inner.column, style: .heading, maxWidth: inner.width)
            grid.put("The next batch match (linkages match) queues the pairs it is unsure of here.",
                     row: inner.row + 1, column: inner.column, style: .muted, maxWidth: inner.width)
            return
        }
        let score = blind ? "score hidden (blind review)" : "match probability \(Int((pair.probability * 100).rounded()))%"
        let heading = family == nil
            ? "Pair \(index + 1) of \(pairs.count) waiting · \(score)"
            : "Link \(index + 1) of \(pairs.count) · \(pair.status.rawValue) · \(score)"
        grid.put(heading, row: inner.row, column: inner.column, style: .heading, maxWidth: inner.width)
        let half = (inner.width - 2) / 2
        let labelWidth = 9
        let sides = [(pair.calworks, "CalWORKs", Style.calworks), (pair.childWelfare, "Child Welfare", Style.childWelfare)]
        for (offset, (side, name, style)) in sides.enumerated() {
            let column = inner.column + offset * (half + 2)
            grid.put(name, row: inner.row + 2, column: column + labelWidth, style: style, maxWidth: half - labelWidth)
            for (line, (label, value)) in Self.fields(side, ssnWhole: revealedPair == current?.id).enumerated() {
                let row = inner.row + 3 + line
                grid.put(label, row: row, column: column, style: .muted, maxWidth: labelWidth)
                grid.put(value, row: row, column: column + labelWidth, maxWidth: half - labelWidth)
            }
        }
        let evidenceRow = inner.row + 4 + Self.fieldCount
        grid.put(blind ? "Evidence" : "Evidence (weights in bits: + for the same person, − against)", row: evidenceRow,
                 column: inner.column, style: .heading, maxWidth: inner.width)
        // What counted (a field missing on one side counts for nothing and is left out).
        let counted = pair.evidence.filter { abs($0.weight) > 0.05 }
        let room = max(0, inner.bottom - evidenceRow - 1)
        for (line, evidence) in counted.prefix(room).enumerated() {
            let style: Style = blind ? .plain : (evidence.weight > 0 ? .good : .warning)
            grid.put("• " + (blind ? evidence.description : evidence.text), row: evidenceRow + 1 + line, column: inner.column,
                     style: style, maxWidth: inner.width)
        }
    }

    static let fieldCount = 7

    /// One side's identifying fields, as the review shows them (the SSN masked unless asked for).
    static func fields(_ side: MatchSide, ssnWhole: Bool = false) -> [(String, String)] {
        let person = side.person, household = side.household
        let name = [person.firstName, person.middleName ?? "", person.lastName].filter { !$0.isEmpty }.joined(separator: " ")
        let born = [person.dateOfBirth?.usFormat ?? "—", person.sex == .unknown ? "" : person.sex.code]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let address = [household.street, household.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let key = household.source == .calworks ? "case" : "referral"
        return [
            ("Name", name),
            ("Born", born),
            ("CIN", person.cin ?? "—"),
            ("SSN", ssnWhole ? IdentifierDisplay.fullSSN(person.ssn) : IdentifierDisplay.maskedSSN(person.ssn)),
            ("Address", address.isEmpty ? "—" : address),
            ("Phone", person.phone ?? household.phone ?? "—"),
            (key.capitalized, [household.sourceKey ?? "—", person.relationship.displayName].joined(separator: " · ")),
        ]
    }
}
