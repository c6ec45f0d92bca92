import LinkagesDomain
import LinkagesStore

/// A new referral for a family, from the worker's program: what for, to whom, how urgent and
/// why. Enter checks for an open referral of the same type first, then sends it.
public struct NewReferralScreen: ScreenModel {
    public enum Field: Int, CaseIterable, Sendable {
        case person, type, destination, provider, urgency, reason

        var label: String {
            switch self {
            case .person: return "For"
            case .type: return "Help asked for"
            case .destination: return "Send to"
            case .provider: return "Provider's name"
            case .urgency: return "Urgency"
            case .reason: return "Why (the other side reads this)"
            }
        }
    }

    public let familyId: Int64
    let familyName: String
    let program: Program
    public private(set) var focus = Field.person
    /// The family's people as this worker may see them, once loaded; "" is the whole family.
    public private(set) var people: [Choice] = []
    public private(set) var personId = ""
    public private(set) var type = ReferralType.housing
    public private(set) var destination = "provider"
    public private(set) var urgency = ReferralUrgency.routine
    public private(set) var provider = TextField()
    public private(set) var reason = TextField()
    public private(set) var problem: String?
    /// The referral waiting for the duplicate check's answer.
    var pending: Referral?
    /// Directory services that match what is typed (or the referral's type), best first.
    public private(set) var suggestions: [DirectoryEntry] = []
    public private(set) var suggestionIndex = 0
    var directoryGeneration = 0

    static let types = ReferralType.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }
    static let urgencies = ReferralUrgency.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }

    public init(familyId: Int64, familyName: String, session: Session) {
        self.familyId = familyId
        self.familyName = familyName
        program = session.worker.program
    }

    var destinations: [Choice] {
        [Choice(id: program.other.rawValue, label: program.other.displayName), Choice(id: "provider", label: "A community provider")]
    }

    public var title: String { "New referral: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        [
            KeyBinding([.tab, .down], .nextFocus, label: "next", help: "Go to the next field."),
            KeyBinding([.backTab, .up], .previousFocus, label: "previous", help: "Go to the previous field.", inHintBar: false),
            KeyBinding([.function(2)], .useSuggestion, label: "use directory",
                       help: "Put the directory's suggested provider in the field; press again for the next one.",
                       disabledReason: focus != .provider ? "move to the provider's name first"
                           : suggestions.isEmpty ? "no provider in the directory matches" : nil),
            KeyBinding([.enter], .save, label: "send", help: "Send the referral (after checking for an open one of the same type)."),
        ]
    }

    /// Looks the typed name up in the service directory, or the referral's type when nothing is typed.
    mutating func searchDirectory() -> [ScreenCommand] {
        directoryGeneration += 1
        let typed = provider.text.trimmingCharacters(in: .whitespaces)
        let query = typed.isEmpty ? type.displayName : typed
        return [.run(.searchDirectory(query, generation: directoryGeneration))]
    }

    /// The referral as entered, or what to fix.
    func entered() -> Result<Referral, NewReferralProblem> {
        let why = reason.text.trimmingCharacters(in: .whitespaces)
        let providerName = provider.text.trimmingCharacters(in: .whitespaces)
        let toProgram = Program(rawValue: destination)
        if toProgram == nil && providerName.isEmpty {
            return .failure(NewReferralProblem(text: "Name the provider the family is referred to."))
        }
        if why.isEmpty {
            return .failure(NewReferralProblem(text: "Say why the family is referred: the other side reads it first."))
        }
        return .success(Referral(
            familyId: familyId, personId: Int64(personId), fromProgram: program, toProgram: toProgram, toProviderName: toProgram == nil ? providerName : nil,
            type: type, urgency: urgency, reason: why, createdAt: .distantPast))
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        let fields = Field.allCases
        switch action {
        case .nextFocus:
            focus = fields[(focus.rawValue + 1) % fields.count]
            if focus == .provider { return searchDirectory() }
        case .previousFocus:
            focus = fields[(focus.rawValue + fields.count - 1) % fields.count]
            if focus == .provider { return searchDirectory() }
        case .useSuggestion:
            guard !suggestions.isEmpty else { return [] }
            let entry = suggestions[suggestionIndex % suggestions.count]
            provider = TextField("\(entry.organizationName): \(entry.serviceName)")
            destination = "provider"
            suggestionIndex += 1
        case .save:
            switch entered() {
            case .success(let referral):
                problem = nil
                pending = referral
                return [.run(.findDuplicateReferral(referral))]
            case .failure(let found):
                problem = found.text
            }
        case .sendDespiteDuplicate:
            return pending.map { [.run(.createReferral($0))] } ?? []
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        switch focus {
        case .person:
            if let next = ChoiceField.answer(after: key, current: personId, choices: people) { personId = next }
        case .type:
            if let next = ChoiceField.answer(after: key, current: type.rawValue, choices: Self.types), let picked = ReferralType(rawValue: next) {
                type = picked
            }
        case .destination:
            if let next = ChoiceField.answer(after: key, current: destination, choices: destinations), !next.isEmpty {
                destination = next
            }
        case .urgency:
            if let next = ChoiceField.answer(after: key, current: urgency.rawValue, choices: Self.urgencies),
               let picked = ReferralUrgency(rawValue: next) {
                urgency = picked
            }
        case .provider:
            if provider.edit(key) {
                suggestionIndex = 0
                return searchDirectory()
            }
        case .reason: reason.edit(key)
        }
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .duplicateReferral(let duplicate):
            guard let pending else { return [] }
            guard let duplicate else { return [.run(.createReferral(pending))] }
            let question = "This family already has an open \(duplicate.type.displayName.lowercased()) referral "
                + "(\(duplicate.status.displayName.lowercased()), to \(duplicate.destinationName)). Send another one?"
            return [.confirm(Confirmation(question, confirmLabel: "send another", action: .sendDespiteDuplicate))]
        case .directoryResults(let generation, let entries) where generation == directoryGeneration:
            suggestions = entries
        case .family(let id, let detail?) where id == familyId:
            people = Self.choices(for: detail)
        case .referralCreated(let referral):
            return [.close, .open(.referral(referral.id!)), .say("Sent to \(referral.destinationName).")]
        case .failed(let message):
            problem = message
        default:
            break
        }
        return []
    }

    public func onAppear() -> [ScreenCommand] {
        people.isEmpty ? [.run(.loadFamily(id: familyId))] : []
    }

    /// "The whole family" and each person once, by name (the same person may be in both programs' records).
    static func choices(for detail: FamilyDetail) -> [Choice] {
        var seen = Set<String>()
        var choices = [Choice(id: "", label: "The whole family")]
        for person in detail.records.flatMap(\.people) {
            let key = person.fullName.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard let id = person.id, seen.insert(key).inserted else { continue }
            choices.append(Choice(id: String(id), label: person.fullName))
        }
        return choices
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let left = area.column + 2
        let valueColumn = left + 34
        let valueWidth = max(10, area.width - valueColumn - 1)
        var row = area.row + 1
        grid.put("From \(program.displayName). Referrals to \(program.other.displayName) go to its liaison's queue.",
                 row: row, column: left, style: .muted, maxWidth: area.width - 4)
        row += 2
        for field in Field.allCases {
            let focused = field == focus
            let dimmed = field == .provider && destination != "provider"
            grid.put(field.label, row: row, column: left, style: focused ? .bold : (dimmed ? .muted : .plain))
            switch field {
            case .person:
                if people.isEmpty {
                    grid.put("The whole family", row: row, column: valueColumn, style: .muted)
                } else {
                    ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: personId,
                                       choices: people, focused: focused)
                }
            case .type:
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: type.rawValue,
                                   choices: Self.types, focused: focused)
            case .destination:
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: destination,
                                   choices: destinations, focused: focused)
            case .provider:
                provider.render(into: &grid, row: row, column: valueColumn, width: valueWidth, focused: focused,
                                placeholder: dimmed ? "(not needed)" : "e.g. Hope Housing Collaborative")
                if focused, !suggestions.isEmpty {
                    let entry = suggestions[suggestionIndex % suggestions.count]
                    grid.put("F2 " + entry.line, row: row + 1, column: valueColumn, style: .muted, maxWidth: valueWidth)
                }
            case .urgency:
                ChoiceField.render(into: &grid, row: row, column: valueColumn, width: valueWidth, current: urgency.rawValue,
                                   choices: Self.urgencies, focused: focused)
            case .reason:
                reason.render(into: &grid, row: row, column: valueColumn, width: valueWidth, focused: focused)
            }
            row += 2
        }
        if let problem {
            for line in DisplayWidth.wrap("! " + problem, to: area.width - 4) where row < area.bottom {
                grid.put(line, row: row, column: left, style: .danger)
                row += 1
            }
        }
    }
}

/// What keeps a new referral from being sent.
public struct NewReferralProblem: Error, Equatable {
    public var text: String
}
