import Foundation
import LinkagesDomain
import LinkagesStore

/// One referral: where it stands and what is due, its timeline and the notes between the two
/// sides, with a key for each step the worker's program may take next.
public struct ReferralScreen: ScreenModel {
    /// What the line at the bottom is asking for.
    public enum Prompt: Equatable, Sendable {
        case declineReason
        case note(sensitive: Bool)
        case resendTo
        case closeOutcome(ReferralOutcome)
        /// Choosing the liaison to give the referral to, by worker id.
        case reassign(Int64)
    }

    public let referralId: Int64
    let program: Program
    let role: WorkerRole
    let isTrainer: Bool
    public private(set) var detail: ReferralDetail?
    public private(set) var notFound = false
    public private(set) var loadError: String?
    /// The question open at the bottom. It owns the keyboard until it is saved or cancelled:
    /// a refused save keeps it open with ``promptProblem``, so what is typed next is never
    /// taken as a command for the referral.
    public private(set) var prompt: Prompt?
    /// Why the last save of the prompt was refused, shown under it until the next key typed.
    public private(set) var promptProblem: String?
    public private(set) var field = TextField()
    public private(set) var scroll = ScrollPosition()
    /// Directory services for a re-send, from what is typed or the referral's type.
    public private(set) var suggestions: [DirectoryEntry] = []
    var suggestionIndex = 0
    var directoryGeneration = 0

    public init(referralId: Int64, session: Session) {
        self.referralId = referralId
        program = session.worker.program
        role = session.worker.role
        isTrainer = session.worker.role == .trainer
    }

    public var title: String {
        detail.map { "Referral: \($0.familyName)" } ?? "Referral"
    }

    public var isTyping: Bool {
        prompt != nil
    }

    /// Why the worker cannot give the referral to another liaison, or nil when they can.
    var reassignRefusal: String? {
        guard let detail else { return "the referral is still loading" }
        guard let to = detail.referral.toProgram, detail.referral.status.isOpen else {
            return "only an open referral to a program has a liaison"
        }
        guard isTrainer || (program == to && (role == .liaison || role == .supervisor)) else {
            return "a liaison or supervisor of \(to.displayName) reassigns it"
        }
        return detail.liaisons.count > 1 ? nil : "\(to.displayName) has no other liaison"
    }

    /// Why the worker cannot take `kind` now, or nil when they can.
    func refusal(_ kind: ReferralStepKind) -> String? {
        guard let referral = detail?.referral else { return "the referral is still loading" }
        let allowed = ReferralWorkflow.allowedSteps(from: referral.status)
        guard allowed.contains(kind) else {
            return "a \(referral.status.displayName.lowercased()) referral cannot be \(kind.phrase)"
        }
        let acting = ReferralWorkflow.actingProgram(for: kind, on: referral)
        guard acting == program || isTrainer else { return "\(acting.displayName) takes this step" }
        return nil
    }

    public var bindings: [KeyBinding] {
        if let prompt {
            var keys = [
                KeyBinding([.enter], .save, label: "save", help: "Save this step; it goes on the timeline and the audit trail."),
                KeyBinding([.escape], .cancel, label: "cancel", help: "Close the question without saving."),
            ]
            if case .note = prompt {
                keys.insert(KeyBinding([.tab], .nextFocus, label: "sensitive?", help: "Mark the note sensitive, or not."), at: 1)
            }
            if prompt == .resendTo {
                keys.insert(KeyBinding([.function(2)], .useSuggestion, label: "use directory",
                                       help: "Put the directory's suggested provider in the field; press again for the next one.",
                                       disabledReason: suggestions.isEmpty ? "no provider in the directory matches" : nil), at: 1)
            }
            return keys
        }
        func step(_ key: Character, _ kind: ReferralStepKind, _ label: String, _ help: String) -> KeyBinding {
            KeyBinding([.char(key)], .referralStep(kind), label: label, help: help, disabledReason: refusal(kind))
        }
        return [
            KeyBinding([.up, .char("k")], .moveUp, label: "scroll", help: "Scroll up one line.", inHintBar: false),
            KeyBinding([.down, .char("j")], .moveDown, label: "scroll", help: "Scroll down one line.", inHintBar: false),
            step("s", .send, "send", "Send the draft to its program or provider."),
            step("v", .receive, "received", "Mark the referral received by the program it was sent to."),
            step("a", .accept, "accept", "Accept the referral: the receiving side will contact the family."),
            step("d", .decline, "decline", "Decline the referral, with a reason the sender will read."),
            step("i", .startService, "in service", "The family has been contacted and services have begun."),
            step("c", .close, "close", "Close the referral with its outcome."),
            step("t", .resend, "send elsewhere", "Send a declined referral to another program or provider."),
            KeyBinding([.char("g")], .reassign, label: "give to liaison", help: "Move the referral to another liaison's queue.",
                       inHintBar: false, disabledReason: reassignRefusal),
            KeyBinding([.char("n")], .addNote, label: "note", help: "Write a note to the other side of the referral.",
                       disabledReason: detail == nil ? "the referral is still loading" : nil),
            KeyBinding([.char("f")], .go(.family(detail?.referral.familyId ?? 0)), label: "family",
                       help: "Open the family the referral is for.", inHintBar: false,
                       disabledReason: detail == nil ? "the referral is still loading" : nil),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the referral again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadReferral(id: referralId))]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        let count = lines(width: viewport.width - 2, today: .distantPast).count
        if prompt == nil, scroll.apply(action, lineCount: count, visibleRows: viewport.height - 2) { return [] }
        switch action {
        case .go(let route): return [.open(route)]
        case .refresh: return [.run(.loadReferral(id: referralId))]
        case .referralStep(let kind):
            switch kind {
            case .decline: open(.declineReason)
            case .resend:
                open(.resendTo)
                return searchDirectory()
            case .close:
                let first = ReferralWorkflow.outcomes(from: detail?.referral.status ?? .closed).first ?? .withdrawn
                open(.closeOutcome(first))
            case .send: return [.run(.referralStep(id: referralId, .send, seen: detail?.referral))]
            case .receive: return [.run(.referralStep(id: referralId, .receive, seen: detail?.referral))]
            case .accept: return [.run(.referralStep(id: referralId, .accept, seen: detail?.referral))]
            case .startService: return [.run(.referralStep(id: referralId, .startService, seen: detail?.referral))]
            }
        case .addNote: open(.note(sensitive: false))
        case .reassign:
            guard let detail, let first = detail.liaisons.first(where: { $0.id != detail.referral.assignedLiaisonId }) else { return [] }
            open(.reassign(first.id!))
        case .nextFocus:
            if case .note(let sensitive) = prompt { prompt = .note(sensitive: !sensitive) }
        case .cancel: closePrompt()
        case .useSuggestion:
            guard !suggestions.isEmpty else { return [] }
            let entry = suggestions[suggestionIndex % suggestions.count]
            field = TextField("\(entry.organizationName): \(entry.serviceName)")
            suggestionIndex += 1
        case .save: return save()
        default: break
        }
        return []
    }

    private mutating func open(_ prompt: Prompt) {
        self.prompt = prompt
        promptProblem = nil
        field = TextField()
    }

    private mutating func closePrompt() {
        prompt = nil
        promptProblem = nil
    }

    /// Looks what is typed up in the service directory, or the referral's type when nothing is.
    private mutating func searchDirectory() -> [ScreenCommand] {
        directoryGeneration += 1
        suggestionIndex = 0
        let typed = field.text.trimmingCharacters(in: .whitespaces)
        let query = typed.isEmpty ? (detail?.referral.type.displayName ?? "") : typed
        return [.run(.searchDirectory(query, generation: directoryGeneration))]
    }

    private mutating func save() -> [ScreenCommand] {
        guard let prompt else { return [] }
        let text = field.text.trimmingCharacters(in: .whitespaces)
        let step: ReferralStep
        switch prompt {
        case .declineReason:
            step = .decline(reason: text)
        case .closeOutcome(let outcome):
            step = .close(outcome)
        case .resendTo:
            let program: Program? = switch text.lowercased() {
            case "calworks", "cw": .calworks
            case "cws", "child welfare", "childwelfare": .childWelfare
            default: nil
            }
            step = .resend(toProgram: program, toProvider: program == nil ? text : nil)
        case .note(let sensitive):
            return [.run(.addReferralNote(id: referralId, text: text, sensitive: sensitive))]
        case .reassign(let liaisonId):
            return [.run(.reassignReferral(id: referralId, liaisonId: liaisonId, seen: detail?.referral))]
        }
        // The prompt closes when the step is saved, not before: a refusal keeps it open.
        return [.run(.referralStep(id: referralId, step, seen: detail?.referral))]
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        promptProblem = nil
        if case .closeOutcome(let current) = prompt {
            let choices = ReferralWorkflow.outcomes(from: detail?.referral.status ?? .closed)
                .map { Choice(id: $0.rawValue, label: $0.displayName) }
            if let next = ChoiceField.answer(after: key, current: current.rawValue, choices: choices),
               let outcome = ReferralOutcome(rawValue: next) {
                prompt = .closeOutcome(outcome)
            }
            return []
        }
        if case .reassign(let current) = prompt {
            let choices = liaisonChoices
            if let next = ChoiceField.answer(after: key, current: String(current), choices: choices), let id = Int64(next) {
                prompt = .reassign(id)
            }
            return []
        }
        if field.edit(key) && prompt == .resendTo {
            return searchDirectory()
        }
        return []
    }

    var liaisonChoices: [Choice] {
        (detail?.liaisons ?? []).map { Choice(id: String($0.id!), label: "\($0.name) (\($0.office))") }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .referral(let id, let detail) where id == referralId:
            self.detail = detail
            notFound = detail == nil
            loadError = nil
        case .referralChanged(let referral) where referral.id == referralId:
            closePrompt()
            return [.run(.loadReferral(id: referralId)), .say("Saved: the referral is \(referral.status.displayName.lowercased()).")]
        case .directoryResults(let generation, let entries) where generation == directoryGeneration:
            suggestions = entries
        case .referralStale(let id, let message) where id == referralId:
            guard prompt == nil else {
                promptProblem = message
                return [.run(.loadReferral(id: referralId))]
            }
            return [.run(.loadReferral(id: referralId)), .say(message)]
        case .referralNoteAdded(let id) where id == referralId:
            closePrompt()
            return [.run(.loadReferral(id: referralId)), .say("Note saved.")]
        case .failed(let message):
            if prompt != nil { promptProblem = message }
            return [.say(message)]
        default:
            break
        }
        return []
    }

    // MARK: Drawing

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        if let loadError {
            grid.put(loadError, row: inner.row, column: inner.column, style: .danger, maxWidth: inner.width)
            return
        }
        if notFound {
            grid.put("This referral is not one you may see, or it is no longer in the database.", row: inner.row,
                     column: inner.column, style: .warning, maxWidth: inner.width)
            return
        }
        guard detail != nil else {
            grid.put("Loading…", row: inner.row, column: inner.column, style: .muted)
            return
        }
        let promptHeight = prompt == nil ? 0 : 3
        let body = Rect(row: inner.row, column: inner.column, width: inner.width, height: inner.height - promptHeight)
        scroll.render(lines(width: inner.width, today: context.today), into: &grid, area: body)
        if let prompt {
            renderPrompt(prompt, into: &grid, row: body.bottom + 1, column: inner.column, width: inner.width)
        }
    }

    private func renderPrompt(_ prompt: Prompt, into grid: inout CellGrid, row: Int, column: Int, width: Int) {
        switch prompt {
        case .closeOutcome(let outcome):
            grid.put("Outcome:", row: row, column: column, style: .bold)
            let choices = ReferralWorkflow.outcomes(from: detail?.referral.status ?? .closed)
                .map { Choice(id: $0.rawValue, label: $0.displayName) }
            ChoiceField.render(into: &grid, row: row, column: column + 10, width: width - 10, current: outcome.rawValue,
                               choices: choices, focused: true)
        case .reassign(let liaisonId):
            grid.put("Give to:", row: row, column: column, style: .bold)
            ChoiceField.render(into: &grid, row: row, column: column + 10, width: width - 10, current: String(liaisonId),
                               choices: liaisonChoices, focused: true)
        default:
            let label: String = switch prompt {
            case .declineReason: "Why declined:"
            case .resendTo: "Send to:"
            case .note(let sensitive): sensitive ? "Note (sensitive):" : "Note:"
            case .closeOutcome, .reassign: ""
            }
            grid.put(label, row: row, column: column, style: .bold)
            let start = column + DisplayWidth.of(label) + 1
            let placeholder = prompt == .resendTo ? "a provider's name, CalWORKs or Child Welfare" : ""
            field.render(into: &grid, row: row, column: start, width: max(10, width - (start - column)), focused: true,
                         placeholder: placeholder)
            if promptProblem == nil, prompt == .resendTo, !suggestions.isEmpty {
                let entry = suggestions[suggestionIndex % suggestions.count]
                grid.put("F2 " + entry.line, row: row + 1, column: start, style: .muted, maxWidth: max(10, width - (start - column)))
            }
        }
        if let promptProblem {
            grid.put("! " + promptProblem, row: row + 1, column: column, style: .danger, maxWidth: width)
        }
    }

    /// The page as lines; `today` decides what is overdue.
    func lines(width: Int, today: CalendarDate) -> [StyledLine] {
        guard let detail else { return [] }
        let referral = detail.referral
        func name(_ id: Int64?) -> String { id.flatMap { detail.workers[$0]?.name } ?? "—" }
        var lines: [StyledLine] = [
            StyledLine([TableCell(referral.type.displayName, .heading), TableCell("  \(referral.urgency.displayName)",
                                                                                  referral.urgency == .urgent ? .warning : .muted)]),
        ]
        var status = [TableCell("Status: ", .bold), TableCell(referral.status.displayName)]
        if let outcome = referral.outcome { status.append(TableCell(" (\(outcome.displayName.lowercased()))")) }
        if let due = detail.due, let waiting = ReferralServiceLevels.waitingFor(referral.status) {
            let overdue = due < today
            status.append(TableCell(overdue ? "  OVERDUE: " : "  due ", overdue ? .warning : .muted))
            status.append(TableCell("\(due.usFormat), \(waiting)", overdue ? .warning : .muted))
        }
        lines.append(StyledLine(status))
        let sender = referral.fromWorkerId.flatMap { detail.workers[$0] }
        lines += StyledLine.wrapped("From \(referral.fromProgram.badge) \(sender?.contactLine ?? referral.fromProgram.displayName) "
                                    + "→ \(referral.destinationName)", width: width)
        if referral.toProgram != nil {
            lines.append(StyledLine("Liaison: " + name(referral.assignedLiaisonId)))
        }
        lines += StyledLine.wrapped("Reason: \(referral.reason)", width: width, indent: "  ")
        lines.append(.blank)
        lines.append(StyledLine("Timeline", .heading))
        for event in detail.events {
            let status = DisplayWidth.fit(event.status.displayName, to: 11)
            lines.append(StyledLine([TableCell("  \(event.at.stamp)  ", .muted), TableCell(status, .bold),
                                     TableCell(name(event.workerId))]))
            if let note = event.note {
                lines += StyledLine.wrapped("“\(note)”", width: width, indent: "      ", firstIndent: "      ")
            }
        }
        lines.append(.blank)
        lines.append(StyledLine("Notes", .heading))
        if detail.notes.isEmpty { lines.append(StyledLine("  None yet. Press n to write one.", .muted)) }
        for note in detail.notes {
            let flag = note.sensitive ? " [sensitive]" : ""
            lines += StyledLine.wrapped("\(note.at.stamp)  \(name(note.workerId))\(flag): \(note.text)",
                                        width: width, style: note.sensitive ? .warning : .plain,
                                        indent: "    ", firstIndent: "  ")
        }
        return lines
    }
}
