import LinkagesDomain
import LinkagesStore

/// Recording a release, authorisation or court order for a family: what it is, whose records it
/// shares, whether it names substance use, and its dates. Saved with Enter, audited.
public struct ReleaseFormScreen: ScreenModel {
    public enum Field: Int, CaseIterable, Sendable {
        case kind, sharesCalWORKs, sharesChildWelfare, substanceUse, signedOn, expiresOn, note

        var label: String {
            switch self {
            case .kind: return "What the family signed"
            case .sharesCalWORKs: return "CalWORKs records to Child Welfare"
            case .sharesChildWelfare: return "Child Welfare records to CalWORKs"
            case .substanceUse: return "Names substance-use information"
            case .signedOn: return "Signed on (MM/DD/YYYY)"
            case .expiresOn: return "Last day it holds"
            case .note: return "Where the paper is kept"
            }
        }
    }

    public let familyId: Int64
    let familyName: String
    let today: CalendarDate
    public private(set) var focus = Field.kind
    public private(set) var kind = SharingBasisKind.signedRelease.rawValue
    public private(set) var answers: [Field: String] = [.sharesCalWORKs: "yes", .sharesChildWelfare: "yes", .substanceUse: "no"]
    public private(set) var signedOn: TextField
    public private(set) var expiresOn: TextField
    public private(set) var note = TextField()
    /// Why the last save was refused.
    public private(set) var problems: [String] = []

    static let kinds = SharingBasisKind.allCases.map { Choice(id: $0.rawValue, label: $0.displayName.capitalizedFirst) }
    static let yesNo = [Choice(id: "yes", label: "Yes"), Choice(id: "no", label: "No")]

    public init(familyId: Int64, familyName: String, session: Session) {
        self.familyId = familyId
        self.familyName = familyName
        today = session.today
        signedOn = TextField(session.today.usFormat)
        expiresOn = TextField(session.today.adding(days: 364).usFormat)
    }

    public var title: String { "Release: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        [
            KeyBinding([.tab, .down], .nextFocus, label: "next", help: "Go to the next field."),
            KeyBinding([.backTab, .up], .previousFocus, label: "previous", help: "Go to the previous field.", inHintBar: false),
            KeyBinding([.enter], .save, label: "record", help: "Record the release for this family; it is audited."),
        ]
    }

    /// The release as entered, or the sentences that say what to fix.
    func entered(recordedBy account: String) -> Result<SharingBasis, Problems> {
        var problems: [String] = []
        let signed = CalendarDate(signedOn.text)
        let expires = CalendarDate(expiresOn.text)
        if signed == nil { problems.append("Write the signing date as MM/DD/YYYY.") }
        if expires == nil { problems.append("Write the last day as MM/DD/YYYY.") }
        guard let signed, let expires else { return .failure(Problems(sentences: problems)) }
        let noteText = note.text.trimmingCharacters(in: .whitespaces)
        let basis = SharingBasis(
            familyId: familyId, kind: SharingBasisKind(rawValue: kind) ?? .signedRelease,
            sharesCalWORKs: answers[.sharesCalWORKs] == "yes", sharesChildWelfare: answers[.sharesChildWelfare] == "yes",
            includesSubstanceUse: answers[.substanceUse] == "yes", signedOn: signed, expiresOn: expires,
            recordedBy: account, recordedAt: today.instant(hour: 12), note: noteText.isEmpty ? nil : noteText)
        let found = basis.problems(on: today)
        return found.isEmpty ? .success(basis) : .failure(Problems(sentences: found))
    }

    /// The sentences a refused release comes back with.
    struct Problems: Error {
        var sentences: [String]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        switch action {
        case .nextFocus:
            focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!
        case .previousFocus:
            focus = Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .save:
            switch entered(recordedBy: "") {
            case .success(let basis):
                problems = []
                return [.run(.recordSharingBasis(basis))]
            case .failure(let found):
                problems = found.sentences
            }
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        switch focus {
        case .kind:
            if let next = ChoiceField.answer(after: key, current: kind, choices: Self.kinds), !next.isEmpty { kind = next }
        case .sharesCalWORKs, .sharesChildWelfare, .substanceUse:
            if let next = ChoiceField.answer(after: key, current: answers[focus] ?? "", choices: Self.yesNo), !next.isEmpty {
                answers[focus] = next
            }
        case .signedOn: signedOn.edit(key)
        case .expiresOn: expiresOn.edit(key)
        case .note: note.edit(key)
        }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .sharingBasisRecorded(let basis) where basis.familyId == familyId:
            return [.close, .say("Recorded the \(basis.kind.displayName); it holds until \(basis.expiresOn.usFormat).")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let left = area.column + 2
        let valueColumn = left + 36
        let valueWidth = max(10, area.width - valueColumn - 1)
        var row = area.row + 1
        let intro = "Record the release, authorisation or court order exactly as signed. Each program then sees the "
            + "records it shares; substance-use information only when it is named (42 CFR Part 2)."
        for line in DisplayWidth.wrap(intro, to: area.width - 4) {
            grid.put(line, row: row, column: left, style: .muted)
            row += 1
        }
        row += 1
        for field in Field.allCases {
            let focused = field == focus
            grid.put(field.label, row: row, column: left, style: focused ? .bold : .plain)
            switch field {
            case .kind:
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: kind,
                                   choices: Self.kinds, focused: focused)
            case .sharesCalWORKs, .sharesChildWelfare, .substanceUse:
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: answers[field] ?? "",
                                   choices: Self.yesNo, focused: focused)
            case .signedOn:
                signedOn.render(into: &grid, row: row, column: valueColumn, width: min(12, valueWidth), focused: focused)
            case .expiresOn:
                expiresOn.render(into: &grid, row: row, column: valueColumn, width: min(12, valueWidth), focused: focused)
            case .note:
                note.render(into: &grid, row: row, column: valueColumn, width: valueWidth, focused: focused,
                            placeholder: "e.g. ER file, scanned to the case")
            }
            row += 2
        }
        for problem in problems {
            for line in DisplayWidth.wrap("! " + problem, to: area.width - 4) where row < area.row + area.height {
                grid.put(line, row: row, column: left, style: .danger)
                row += 1
            }
        }
    }
}
