import Foundation
import LinkagesDomain
import LinkagesStore

/// The ER intake form: the targeted questions section by section, possible known records of the
/// family beside them, and the outcome (tier, recommended actions, AB 2085 check, clocks).
///
/// Every key that changes the draft asks for it to be saved before the next key is read.
public struct IntakeFormScreen: ScreenModel {
    public let intakeId: Int64
    let layout: FormLayout
    let settings: IntakeSettings
    let today: CalendarDate

    public private(set) var draft: IntakeDraft?
    public private(set) var loadError: String?
    public private(set) var focus: FormField = .question(IntakeQuestion.referralNumber.rawValue)
    public private(set) var sectionIndex = 0
    /// The editor of the focused one-line field, holding its cursor.
    var lineEditor = TextField()
    /// The editor of the focused note.
    var noteEditor = TextArea()
    public private(set) var savedAt: Date?
    public private(set) var saveError: String?
    /// Records already in the database that look like the members typed.
    public private(set) var knownRecords: [KnownRecordMatch] = []
    var knownGeneration = 0
    /// The family the intake is attached to: its name and what Linkages knows of it.
    public private(set) var attached: (name: String, known: KnownFamily)?
    /// The list of known families to attach to, while it is open.
    public private(set) var picker: AttachPicker?
    var outcomeScroll = ScrollPosition()

    public init(intakeId: Int64, session: Session) {
        self.intakeId = intakeId
        layout = FormLayout(bank: session.questionBank)
        settings = session.intakeSettings
        today = session.today
    }

    public var title: String {
        draft.map { "Intake: \($0.label)" } ?? "Intake"
    }

    public var bank: QuestionBank { layout.bank }

    var focusKind: QuestionKind? { layout.kind(of: focus) }
    var isOutcome: Bool { sectionIndex == layout.outcomeIndex }

    public var isTyping: Bool {
        draft != nil && picker == nil && focusKind != nil
    }

    public var problems: [FieldProblem] {
        draft.map { IntakeValidation.problems(in: $0, bank: bank, today: today) } ?? []
    }

    public var outcome: IntakeOutcome? {
        draft.map { IntakeOutcome(draft: $0, bank: bank, known: attached?.known ?? KnownFamily(), settings: settings, today: today) }
    }

    // MARK: Keys

    public var bindings: [KeyBinding] {
        if picker != nil { return AttachPicker.bindings }
        guard draft != nil else { return [] }
        var list = [
            KeyBinding([.tab], .nextFocus, label: "next", help: "Go to the next field."),
            KeyBinding([.backTab], .previousFocus, label: "previous", help: "Go back to the previous field.", inHintBar: false),
            KeyBinding([.pageDown], .nextSection, label: "section", help: "Go to the next section."),
            KeyBinding([.pageUp], .previousSection, label: "previous section", help: "Go back to the previous section.", inHintBar: false),
        ]
        if isOutcome {
            list += [
                KeyBinding([.down], .moveDown, label: "scroll", help: "Scroll the outcome down.", inHintBar: false),
                KeyBinding([.up], .moveUp, label: "scroll", help: "Scroll the outcome up.", inHintBar: false),
                KeyBinding([.enter, .ctrl("s")], .finishIntake, label: "finish",
                           help: "Save the intake to the family's records (asks first).",
                           disabledReason: finishBlocker),
                KeyBinding([.char("n")], .go(.newReferral(familyId: draft?.attachedFamilyId ?? 0, familyName: attached?.name ?? "")),
                           label: "referral", help: "Refer the family now, from the recommended actions (the draft stays saved).",
                           disabledReason: draft?.attachedFamilyId == nil
                               ? "attach the intake to a known family or finish it first: a referral belongs to a family" : nil),
            ]
        } else {
            if focusKind != .note {
                list += [
                    KeyBinding([.down], .nextFocus, label: "next", help: "Go to the next field.", inHintBar: false),
                    KeyBinding([.up], .previousFocus, label: "previous", help: "Go back to the previous field.", inHintBar: false),
                    KeyBinding([.enter], focus == .addMember ? .addMember : .nextFocus, label: "next",
                               help: "Go to the next field (on “Add a member”: add one).", inHintBar: false),
                ]
            }
            list.append(KeyBinding([.ctrl("s")], .showOutcome, label: "outcome", help: "See the tier, the recommended actions and the clocks, and finish."))
        }
        let inHousehold = !isOutcome && bank.sections[sectionIndex].includesMembers == true
        if inHousehold {
            list.append(KeyBinding([.ctrl("n")], .addMember, label: "add member", help: "Add a household member."))
            list.append(KeyBinding([.ctrl("d")], .removeMember, label: "remove member", help: "Remove the household member the cursor is on (asks first).",
                                   inHintBar: false, disabledReason: focusedMember == nil ? "put the cursor on a member first" : nil))
        }
        list.append(KeyBinding([.ctrl("o")], .attachFamily, label: "attach",
                               help: "Attach this intake to a family Linkages already knows, so that no duplicate is made.",
                               disabledReason: knownRecords.isEmpty && attached == nil ? "no known record matches the members typed so far" : nil))
        list.append(KeyBinding([.escape], .back, label: "leave (draft kept)", help: "Leave the form; the draft stays saved and can be resumed."))
        return list
    }

    var focusedMember: Int? {
        if case .member(let index, _) = focus { return index }
        return nil
    }

    /// Why the intake cannot be finished yet, or nil.
    var finishBlocker: String? {
        guard let draft else { return "the intake is still loading" }
        let missing = IntakeValidation.missingToFinish(draft)
        if !missing.isEmpty { return "still needed: " + missing.joined(separator: "; ") }
        if let first = problems.first { return "fix this first: " + first.message }
        return nil
    }

    public func onAppear() -> [ScreenCommand] {
        draft == nil ? [.run(.loadIntake(id: intakeId))] : []
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if var picker {
            let result = picker.perform(action)
            self.picker = result.closed ? nil : picker
            if let choice = result.chosen { return attach(choice) }
            return []
        }
        guard draft != nil else { return [] }
        switch action {
        case .go(let route): return [.open(route)]
        case .nextFocus: return move(by: 1)
        case .previousFocus: return move(by: -1)
        case .nextSection: return goToSection(sectionIndex + 1)
        case .previousSection: return goToSection(sectionIndex - 1)
        case .showOutcome: return goToSection(layout.outcomeIndex)
        case .moveDown, .moveUp:
            let geometry = FormGeometry(viewport: viewport)
            // The number of lines does not depend on the time, only their text does.
            let lines = outcomeLines(width: geometry.rightWidth, now: today.instant(), today: today).count
            outcomeScroll.apply(action, lineCount: lines, visibleRows: ScrollPosition.visibleRows(lineCount: lines, height: geometry.outcomeHeight))
            return []
        case .addMember: return addMember()
        case .removeMember:
            guard let index = focusedMember, let member = draft?.members[index] else { return [] }
            let who = member.fullName.isEmpty ? "member \(index + 1)" : member.fullName
            return [.confirm(Confirmation("Remove \(who) from this intake?", confirmLabel: "remove", action: .confirmRemoveMember))]
        case .confirmRemoveMember: return removeMember()
        case .attachFamily:
            picker = AttachPicker(matches: knownRecords, attachedName: attached?.name)
            return []
        case .finishIntake:
            if let blocker = finishBlocker { return [.say(blocker.capitalizedFirst + ".")] }
            let target = attached.map { "the records of \($0.name)" } ?? "a new family, \(draft!.label)"
            return [.confirm(Confirmation(
                "Save this intake to \(target)? This adds the household, its members, the ER referral and the concerns found.",
                confirmLabel: "save it", action: .confirmFinishIntake))]
        case .confirmFinishIntake:
            return [.run(.finishIntake(id: intakeId))]
        default:
            return []
        }
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        guard let kind = focusKind, draft != nil else { return [] }
        switch kind {
        case .note:
            guard noteEditor.edit(key, width: FormGeometry(viewport: viewport).noteWidth) else { return [] }
            return commit(noteEditor.text)
        case .choice, .yesNoUnknown, .rating:
            guard let answer = ChoiceField.answer(after: key, current: draft!.value(of: focus), choices: layout.choices(for: focus))
            else { return [] }
            return commit(answer)
        case .text, .date, .time:
            guard lineEditor.edit(key) else { return [] }
            return commit(lineEditor.text)
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .intakeLoaded(let id, let record) where id == intakeId:
            guard let record else {
                loadError = "This intake is no longer in the database."
                return []
            }
            guard record.status == .draft else {
                return [.close, .say("That intake was already finished.")]
            }
            return load(record.draft, savedAt: record.updatedAt)
        case .intakeDraftSaved(let id, let time) where id == intakeId:
            savedAt = time
            saveError = nil
        case .intakeNotSaved(let id, let message) where id == intakeId || id == nil:
            saveError = message
            return [.say(message)]
        case .knownRecords(let generation, let matches) where generation == knownGeneration:
            knownRecords = matches
        case .knownFamily(let id, let known, let name) where id == draft?.attachedFamilyId:
            attached = (name, known)
        case .intakeFinished(let id, let familyId) where id == intakeId:
            return [.close, .open(.family(familyId)), .say("Intake saved to the family's records.")]
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    // MARK: Changing the draft

    private mutating func load(_ loaded: IntakeDraft, savedAt: Date) -> [ScreenCommand] {
        draft = loaded
        self.savedAt = savedAt
        sectionIndex = min(loaded.sectionIndex, layout.outcomeIndex)
        let fields = layout.fields(in: sectionIndex, draft: loaded)
        if let key = loaded.fieldKey, let field = FormField(key: key), fields.contains(field) {
            focus = field
        } else {
            focus = fields.first ?? .finish
        }
        resetEditors()
        var commands = knownRecordsQuery()
        if let familyId = loaded.attachedFamilyId {
            commands.append(.run(.loadKnownFamily(id: familyId)))
        }
        return commands
    }

    /// Puts a new value into the draft and asks for the draft to be saved.
    private mutating func commit(_ value: String, to field: FormField? = nil) -> [ScreenCommand] {
        let field = field ?? focus
        draft!.set(value, for: field)
        var commands = save()
        if case .member(_, let memberField) = field, ![.relationship, .sex, .ssn].contains(memberField) {
            commands += knownRecordsQuery()
        }
        return commands
    }

    private func save() -> [ScreenCommand] {
        [.run(.saveIntakeDraft(id: intakeId, draft!))]
    }

    private mutating func knownRecordsQuery() -> [ScreenCommand] {
        knownGeneration += 1
        let named = draft!.members.filter { $0.lastName.filter(\.isLetter).count >= 2 || $0.normalizedCIN != nil }
        guard !named.isEmpty else {
            knownRecords = []
            return []
        }
        return [.run(.findKnownRecords(draft!.members, generation: knownGeneration))]
    }

    private mutating func setFocus(_ field: FormField, section: Int) -> [ScreenCommand] {
        focus = field
        sectionIndex = section
        draft!.sectionIndex = section
        draft!.fieldKey = field.key
        resetEditors()
        return save()
    }

    private mutating func resetEditors() {
        let value = draft?.value(of: focus) ?? ""
        lineEditor = TextField(value)
        noteEditor = TextArea(value)
    }

    private mutating func move(by delta: Int) -> [ScreenCommand] {
        let target = layout.field(from: focus, by: delta, draft: draft!)
        return setFocus(target.field, section: target.section)
    }

    private mutating func goToSection(_ section: Int) -> [ScreenCommand] {
        let clamped = min(max(0, section), layout.outcomeIndex)
        guard clamped != sectionIndex else { return [] }
        outcomeScroll = ScrollPosition()
        return setFocus(layout.fields(in: clamped, draft: draft!).first ?? .finish, section: clamped)
    }

    private mutating func addMember() -> [ScreenCommand] {
        draft!.members.append(MemberEntry())
        return setFocus(.member(draft!.members.count - 1, .firstName), section: sectionIndex)
    }

    private mutating func removeMember() -> [ScreenCommand] {
        guard let index = focusedMember else { return [] }
        draft!.members.remove(at: index)
        if draft!.members.isEmpty { draft!.members.append(MemberEntry()) }
        let next = FormField.member(min(index, draft!.members.count - 1), .firstName)
        return setFocus(next, section: sectionIndex) + knownRecordsQuery()
    }

    private mutating func attach(_ choice: AttachPicker.Choice) -> [ScreenCommand] {
        switch choice {
        case .family(let match):
            draft!.attachedFamilyId = match.familyId
            attached = (match.familyName, KnownFamily())
            return save() + [.run(.loadKnownFamily(id: match.familyId)), .say("Attached to \(match.familyName): finishing adds to that family's records.")]
        case .newFamily:
            draft!.attachedFamilyId = nil
            attached = nil
            return save() + [.say("Not attached: finishing makes a new family.")]
        }
    }
}

