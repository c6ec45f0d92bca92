import Foundation
import LinkagesDomain
import LinkagesStore

/// One family: its Linkages tier and why, then what CalWORKs and Child Welfare each hold,
/// side by side, then its concerns, referrals and joint plan.
public struct FamilyScreen: ScreenModel {
    public let familyId: Int64
    let bank: QuestionBank
    /// The county's intake settings, for the clocks a finished intake started.
    let intakeSettings: IntakeSettings
    public private(set) var detail: FamilyDetail?
    public private(set) var notFound = false
    public private(set) var scroll = ScrollPosition()
    public private(set) var loadError: String?
    /// The reason being typed to break the glass, while the prompt is open. The prompt owns the
    /// keyboard until the records open or the worker cancels; a refusal keeps it open.
    public private(set) var emergencyReason: TextField?
    /// Why opening the records was refused, shown under the prompt until the next key typed.
    public private(set) var emergencyProblem: String?

    /// The shortest reason taken: a few words, not a keystroke.
    static let minimumReasonLength = 10

    /// Supervisors review the family's links across the programs.
    let mayReviewLinks: Bool
    /// A supervisor (or a trainer, on practice data) reads who looked at the family.
    let mayReadAuditTrail: Bool
    /// Trainers see everything on practice data: the page's notices about what is left out do not apply.
    let isTrainer: Bool
    /// Child Welfare's workers record the in-person contact after an ER intake.
    let mayRecordContact: Bool

    public init(familyId: Int64, session: Session) {
        self.familyId = familyId
        mayReviewLinks = session.policy.mayDecideMatches
        mayReadAuditTrail = session.worker.role == .supervisor || (session.worker.role == .trainer && session.policy.isPracticeData)
        isTrainer = session.worker.role == .trainer
        mayRecordContact = session.policy.mayRecordResponseContact
        bank = session.questionBank
        intakeSettings = session.intakeSettings
    }

    public var title: String {
        detail?.family.displayName ?? "Family"
    }

    public var isTyping: Bool { emergencyReason != nil }

    /// Some record is shown only in part, and the glass is not broken yet.
    var canBreakGlass: Bool {
        guard let detail, detail.emergencyReason == nil else { return false }
        // Only what the worker already sees decides (records shown in part), never whether
        // something hidden exists.
        return detail.records.contains { !$0.access.isFull }
    }

    /// The latest intake whose in-person response the worker may still record a contact for.
    var contactIntake: IntakeRecord? {
        detail?.intakes.first { !$0.draft.answer(.responseType).isEmpty }
    }

    /// Why no contact can be recorded here, or nil.
    var contactRefusal: String? {
        guard mayRecordContact else { return "an ER contact is recorded by Child Welfare's workers" }
        guard let detail else { return "the family is still loading" }
        guard let intake = contactIntake, let id = intake.id else { return "no ER intake of this family decided an in-person response" }
        let contacts = (detail.responseContacts[id] ?? []) + [ResponseContact.typedAtIntake(intake.draft)].compactMap { $0 }
        if let seen = contacts.first(where: { $0.outcome == .completed }) { return "the family was seen on \(seen.label)" }
        return nil
    }

    public var bindings: [KeyBinding] {
        if let emergencyReason {
            let short = emergencyReason.text.trimmingCharacters(in: .whitespaces).count < Self.minimumReasonLength
            return [
                KeyBinding([.enter], .confirmBreakGlass, label: "open records",
                           help: "Open the records; the reason is written to the audit trail and your supervisor is told.",
                           disabledReason: short ? "say why in a few words first" : nil),
                KeyBinding([.escape], .cancel, label: "cancel", help: "Close the prompt without opening anything."),
            ]
        }
        return [
            KeyBinding([.up, .char("k")], .moveUp, label: "scroll", help: "Scroll up one line.", inHintBar: false),
            KeyBinding([.down, .char("j")], .moveDown, label: "scroll", help: "Scroll down one line.", inHintBar: false),
            KeyBinding([.pageUp], .pageUp, label: "page up", help: "Scroll up one page.", inHintBar: false),
            KeyBinding([.pageDown, .char(" ")], .pageDown, label: "page down", help: "Scroll down one page.", inHintBar: false),
            KeyBinding([.home, .char("g")], .moveToTop, label: "top", help: "Go to the top.", inHintBar: false),
            KeyBinding([.end, .char("G")], .moveToBottom, label: "bottom", help: "Go to the bottom.", inHintBar: false),
            KeyBinding([.char("p")], .go(.plan(familyId: familyId)), label: "joint plan",
                       help: "Open the family's joint case plan, or start one.",
                       disabledReason: detail?.withheld.plan == true ? "you see neither program's record of this family" : nil),
            KeyBinding([.char("n")], .go(.newReferral(familyId: familyId, familyName: detail?.family.displayName ?? "")),
                       label: "new referral", help: "Refer the family to the other program or a community provider.",
                       disabledReason: detail == nil ? "the family is still loading" : nil),
            KeyBinding([.char("L")], .go(.familyLinks(familyId: familyId, familyName: detail?.family.displayName ?? "")),
                       label: "links", help: "The people linked across the programs, with the evidence; a supervisor may reject a wrong link.",
                       inHintBar: false, disabledReason: mayReviewLinks ? nil : "links are reviewed by supervisors"),
            KeyBinding([.char("a")], .go(.familyAudit(familyId: familyId, familyName: detail?.family.displayName ?? "")),
                       label: "audit trail", help: "Who read or changed this family's records, newest first (supervisors).",
                       inHintBar: false, disabledReason: mayReadAuditTrail ? nil : "a family's audit trail is read by a supervisor"),
            KeyBinding([.char("s")], .go(.recordRelease(familyId: familyId, familyName: detail?.family.displayName ?? "")),
                       label: "record release",
                       help: "Record a release, authorisation or court order the family signed, so that the other program may see what it names.",
                       disabledReason: detail == nil ? "the family is still loading" : nil),
            KeyBinding([.char("c")], .go(.shareChange(familyId: familyId, familyName: detail?.family.displayName ?? "")),
                       label: "tell a change", help: "Tell the other program's worker that the address, household or work changed.",
                       disabledReason: detail == nil ? "still loading" : nil),
            KeyBinding([.char("v")], .go(.recordContact(intakeId: contactIntake?.id ?? 0, familyId: familyId,
                                                        familyName: detail?.family.displayName ?? "")),
                       label: "record visit", help: "Record the in-person contact after the ER intake: the family seen, or an attempt.",
                       disabledReason: contactRefusal),
            KeyBinding([.char("!")], .breakGlass, label: "emergency access",
                       help: "Break the glass: open the records you have no basis to see, with a reason. It is audited and your supervisor is told.",
                       disabledReason: canBreakGlass ? nil : "you already see everything you may open here"),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Read the family again.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        if let reason = detail?.emergencyReason {
            return [.run(.reloadInEmergency(familyId: familyId, reason: reason))]
        }
        return [.run(.loadFamily(id: familyId))]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        let count = lines(width: viewport.width - 2, today: nil).count
        if scroll.apply(action, lineCount: count, visibleRows: ScrollPosition.visibleRows(lineCount: count, height: viewport.height - 1)) {
            return []
        }
        switch action {
        case .go(let route): return [.open(route)]
        case .refresh:
            if let reason = detail?.emergencyReason {
                return [.run(.reloadInEmergency(familyId: familyId, reason: reason))]
            }
            return [.run(.loadFamily(id: familyId))]
        case .breakGlass:
            emergencyReason = TextField()
            emergencyProblem = nil
        case .cancel:
            emergencyReason = nil
            emergencyProblem = nil
        case .confirmBreakGlass:
            let reason = emergencyReason?.text.trimmingCharacters(in: .whitespaces) ?? ""
            return [.run(.breakGlass(familyId: familyId, reason: reason))]
        default: break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        emergencyProblem = nil
        emergencyReason?.edit(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .family(let id, let detail) where id == familyId:
            self.detail = detail
            notFound = detail == nil
            if detail == nil || detail?.emergencyReason != nil {
                emergencyReason = nil
                emergencyProblem = nil
            }
        case .failed(let message) where emergencyReason != nil:
            emergencyProblem = message
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        if let loadError {
            grid.put(loadError, row: inner.row, column: inner.column, style: .danger, maxWidth: inner.width)
        } else if notFound {
            grid.put("This family is no longer in the database.", row: inner.row, column: inner.column, style: .warning)
        } else if detail == nil {
            grid.put("Loading…", row: inner.row, column: inner.column, style: .muted)
        } else if let emergencyReason {
            renderEmergencyPrompt(emergencyReason, into: &grid, area: inner)
        } else {
            scroll.render(lines(width: inner.width, today: context.today, now: context.now), into: &grid, area: inner)
        }
    }

    // MARK: Content

    /// The whole page as lines; `today` nil only when counting lines for scrolling.
    func lines(width: Int, today: CalendarDate?, now: Date? = nil) -> [StyledLine] {
        guard let detail else { return [] }
        let today = today ?? .distantPast
        var lines: [StyledLine] = [
            StyledLine([
                TableCell(detail.family.displayName, .heading),
                TableCell("   "),
                TableCell(detail.tier.label, Badges.tierStyle(detail.tier.tier)),
            ]),
        ]
        for reason in detail.tier.reasons {
            lines += StyledLine.wrapped(reason, width: width, indent: "    ", firstIndent: "  • ")
        }
        if let tier = detail.tier.tier {
            lines += StyledLine.wrapped("Linkages activity: " + tier.linkagesActivity, width: width, style: .muted, indent: "  ", firstIndent: "  ")
        }
        lines += accessLines(detail, width: width, today: today)
        lines.append(.blank)

        let gap = 2
        let columnWidth = (width - gap) / 2
        let left = programColumn(.calworks, detail: detail, width: columnWidth, today: today)
        let right = programColumn(.childWelfare, detail: detail, width: columnWidth, today: today)
        lines += StyledLine.sideBySide(left, right, leftWidth: columnWidth, gap: gap)

        lines += reunificationLines(detail.reunification, today: today, width: width)

        let intakes = detail.records(from: .intake)
        if !intakes.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Linkages intake", .heading))
            for record in intakes {
                lines += recordLines(record, detail: detail, width: width, today: today)
            }
        }

        lines += intakeLines(detail.intakes, width: width, today: today, now: now ?? today.instant(hour: 12, minute: 0, timeZone: .current))

        lines.append(.blank)
        lines.append(StyledLine("Concerns recorded", .heading))
        if detail.concerns.isEmpty {
            lines.append(StyledLine(Self.seesInPart(detail) ? "  None that you may see." : "  None recorded.", .muted))
        }
        for concern in detail.concerns {
            let label = concern.kind.displayName.capitalizedFirst + (concern.kind.isSensitive ? " (sensitive)" : "")
            let text = concern.note.map { "\(label): \($0)" } ?? label
            lines += StyledLine.wrapped(text, width: width, indent: "    ", firstIndent: "  • ")
        }

        lines.append(.blank)
        lines.append(StyledLine("Referrals", .heading))
        if detail.referrals.isEmpty {
            lines.append(StyledLine(Self.seesInPart(detail) ? "  None that you may see." : "  None.", .muted))
        }
        for referral in detail.referrals {
            let from = referral.fromProgram.badge
            let text = "\(referral.status.displayName): \(referral.type.displayName) → \(referral.destinationName)"
            lines.append(StyledLine([TableCell("  \(from) ", referral.fromProgram == .calworks ? .calworks : .childWelfare),
                                     TableCell(text)]))
        }


        lines.append(.blank)
        lines.append(StyledLine("Joint case plan", .heading))
        if detail.withheld.plan {
            lines.append(StyledLine("  Not shown: you see neither program's record of this family.", .muted))
        } else if detail.plan != nil {
            let open = detail.tasks.filter { $0.status.isOpen }.count
            let overdue = detail.tasks.filter { $0.isOverdue(on: today) }.count
            var pieces = [TableCell("  \(open) open tasks")]
            if overdue > 0 { pieces.append(TableCell(", \(overdue) OVERDUE", .warning)) }
            let clashes = PlanConflicts.find(in: detail.tasks, today: today).count
            if clashes > 0 { pieces.append(TableCell(", \(clashes) CLASH\(clashes == 1 ? "" : "ES")", .warning)) }
            pieces.append(TableCell(" · press p to open it", .muted))
            lines.append(StyledLine(pieces))
        } else {
            lines.append(StyledLine("  No joint case plan yet · press p to start one", .muted))
        }
        lines += staffingLines(detail.staffings, width: width)
        return lines
    }

    /// The family's joint staffings, newest first, with their minutes: what was agreed, to read again.
    private func staffingLines(_ staffings: [StaffingMinutes], width: Int) -> [StyledLine] {
        guard !staffings.isEmpty else { return [] }
        var lines: [StyledLine] = [.blank, StyledLine("Joint staffings", .heading)]
        for staffing in staffings {
            let day = CalendarDate.today(now: staffing.reviewedAt).usFormat
            lines += StyledLine.wrapped("\(day), \(staffing.reviewedBy): \(staffing.minutes)", width: width, indent: "    ", firstIndent: "  ")
        }
        return lines
    }

    /// Who may see what here: the emergency, the sharing basis, the Part 2 notice.
    private func accessLines(_ detail: FamilyDetail, width: Int, today: CalendarDate) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let reason = detail.emergencyReason {
            lines += StyledLine.wrapped("Emergency access (“\(reason)”): audited, and your supervisor is told.",
                                        width: width, style: .danger, indent: "  ", firstIndent: "  ")
        }
        let active = detail.sharingBases.filter { $0.isActive(on: today) }
        if active.isEmpty {
            lines += StyledLine.wrapped("Sharing: no release or court order in force; each program sees only the other's identifying details.",
                                        width: width, style: .muted, indent: "  ", firstIndent: "  ")
        }
        for basis in active {
            let opens = Program.allCases.contains { basis.opens($0, on: today) }
            let note = basis.note.map { $0.isBlank ? "" : " Note: \($0)" } ?? ""
            lines += StyledLine.wrapped("Sharing: \(basis.summary) (\(basis.scopeDescription)): \(basis.state(on: today)).\(note)",
                                        width: width, style: opens ? .plain : .muted, indent: "  ", firstIndent: "  ")
        }
        if detail.substanceUseShownUnderConsent {
            lines += StyledLine.wrapped(SubstanceUseAccess.redisclosureNotice, width: width, style: .warning, indent: "  ", firstIndent: "  ")
        }
        if Self.seesInPart(detail) {
            lines += StyledLine.wrapped("Of records you see only in part, concerns, referrals and intakes are not shown.",
                                        width: width, style: .muted, indent: "  ", firstIndent: "  ")
        }
        if !detail.substanceUseShownUnderConsent && !isTrainer {
            // Said on every page, whether or not the family has such information.
            lines += StyledLine.wrapped("Substance-use information, if there is any, is shown only to the worker who recorded it "
                                        + "or under a consent that names it (42 CFR Part 2).",
                                        width: width, style: .muted, indent: "  ", firstIndent: "  ")
        }
        return lines
    }

    /// AB 429 and AB 135 for a family in Family Reunification: each answer, what is missing, the clock.
    private func reunificationLines(_ status: ReunificationStatus?, today: CalendarDate, width: Int) -> [StyledLine] {
        guard let status else { return [] }
        var lines: [StyledLine] = [StyledLine("Family Reunification: AB 429 and AB 135", .heading)]
        for (name, answer) in [("AB 429 Welfare-to-Work services", status.ab429), ("AB 135 cash aid and child care", status.ab135)] {
            lines.append(StyledLine([TableCell("  \(name): "),
                                     TableCell(answer.eligible ? "eligible" : "not eligible yet", answer.eligible ? .good : .warning)]))
            for missing in answer.notMet {
                lines += StyledLine.wrapped(missing, width: width, indent: "      ", firstIndent: "    ✗ ")
            }
        }
        if let services = status.ab429Services {
            lines += StyledLine.wrapped(services.sentence(on: today), width: width,
                                        style: services.endingSoon(on: today) ? .warning : .plain, indent: "    ", firstIndent: "  ")
        }
        if let clock = status.ab135Clock {
            let state = clock.state(on: today)
            let style: Style = if case .endingSoon = state { .warning } else { .plain }
            lines += StyledLine.wrapped("AB 135 clock: \(clock.firstFullMonth.usFormat)–\(clock.lastDay.usFormat). " + state.sentence,
                                        width: width, style: style, indent: "    ", firstIndent: "  ")
        }
        lines += StyledLine.wrapped("Removed \(status.facts.removedOn.usFormat). Findings are recorded with `linkages reunification record`.",
                                    width: width, style: .muted, indent: "  ", firstIndent: "  ")
        return lines
    }

    /// The worker sees some of the family's records only in part. What the page says about
    /// what it leaves out depends on this alone, never on whether anything was left out.
    static func seesInPart(_ detail: FamilyDetail) -> Bool {
        detail.records.contains { !$0.access.isFull }
    }

    private func renderEmergencyPrompt(_ field: TextField, into grid: inout CellGrid, area: Rect) {
        var row = area.row
        grid.put("Break the glass", row: row, column: area.column, style: .danger)
        row += 2
        let explanation = "You have no release or assignment that lets you see all of this family's records. "
            + "In an emergency you may open them: say why. The reason, your name and the time go to the audit trail, "
            + "and your supervisor is told. Substance-use information stays closed."
        for line in DisplayWidth.wrap(explanation, to: area.width) {
            grid.put(line, row: row, column: area.column)
            row += 1
        }
        row += 1
        grid.put("Reason:", row: row, column: area.column, style: .bold)
        field.render(into: &grid, row: row, column: area.column + 8, width: max(10, area.width - 8), focused: true,
                     placeholder: "e.g. child at the hospital, need the CalWORKs worker's contact")
        if let emergencyProblem {
            for line in DisplayWidth.wrap("! " + emergencyProblem, to: area.width) where row + 2 < area.bottom {
                row += 1
                grid.put(line, row: row + 1, column: area.column, style: .danger)
            }
        }
    }

    /// Each finished ER intake: when the referral came in and the response decided, what was
    /// seen or reported, the clocks it started (met once first contact is recorded), the
    /// family's own words, the protective factors and ICWA.
    private func intakeLines(_ intakes: [IntakeRecord], width: Int, today: CalendarDate, now: Date) -> [StyledLine] {
        guard !intakes.isEmpty else { return [] }
        var lines: [StyledLine] = [.blank, StyledLine("ER intakes", .heading)]
        for intake in intakes {
            let draft = intake.draft
            let when = intake.finishedAt.map { CalendarDate.today(now: $0).usFormat } ?? "—"
            let author = detail?.workers.values.first { $0.account == intake.account }?.name ?? intake.account
            lines.append(StyledLine("  \(when) · by \(author)", .bold))
            lines += StyledLine.wrapped(Self.referralSummary(draft, bank: bank), width: width, indent: "      ", firstIndent: "    ")
            let seen = draft.answer(.whatWasSeen)
            if !seen.isEmpty {
                lines += StyledLine.wrapped("What was seen or reported: “\(seen)”", width: width, indent: "      ", firstIndent: "    ")
            }
            let recorded = intake.id.flatMap { detail?.responseContacts[$0] } ?? []
            for clock in IntakeClocks.clocks(for: draft, settings: intakeSettings, recorded: recorded) {
                let status = clock.status(now: now, today: today)
                lines += StyledLine.wrapped("\(clock.name): \(status.text)", width: width, style: status.overdue ? .danger : .plain,
                                            indent: "      ", firstIndent: "    ")
            }
            let voice = draft.answer(.familyVoice)
            if !voice.isEmpty {
                lines += StyledLine.wrapped("Family's words: “\(voice)”", width: width, indent: "      ", firstIndent: "    ")
            }
            let factors = bank.sections.flatMap(\.questions).filter { $0.kind == .rating }.compactMap { question -> String? in
                guard let label = bank.ratings.first(where: { $0.id == draft.answers[question.id] })?.label else { return nil }
                return "\(question.prompt.lowercased()): \(label.lowercased())"
            }
            if !factors.isEmpty {
                lines += StyledLine.wrapped("Protective factors: " + factors.joined(separator: "; ") + ".", width: width,
                                            indent: "      ", firstIndent: "    ")
            }
            let icwa = switch draft.answer(.icwaAncestry) {
            case "yes": "possible Native American ancestry" + (draft.answers["icwa.tribes"].map { $0.isBlank ? "" : " (\($0))" } ?? "")
            case "no": "no Native American ancestry known"
            default: "not asked or unknown"
            }
            lines.append(StyledLine("    ICWA inquiry: \(icwa)."))
        }
        return lines
    }

    /// "Received 11/21/2026 09:30 · response: within 10 days · CWS/CMS referral 1234".
    static func referralSummary(_ draft: IntakeDraft, bank: QuestionBank) -> String {
        let received = [draft.answer(.referralReceivedDate), draft.answer(.referralReceivedTime)].filter { !$0.isEmpty }.joined(separator: " ")
        let response = bank.sections.flatMap(\.questions).first { $0.id == IntakeQuestion.responseType.rawValue }?
            .choices?.first { $0.id == draft.answer(.responseType) }?.label
        var parts = ["Received " + (received.isEmpty ? "(date not recorded)" : received),
                     "response: " + (response?.lowercased() ?? "not decided")]
        if !draft.answer(.referralNumber).isEmpty { parts.append("CWS/CMS referral \(draft.answer(.referralNumber))") }
        return parts.joined(separator: " · ")
    }

    private func programColumn(_ program: Program, detail: FamilyDetail, width: Int, today: CalendarDate) -> [StyledLine] {
        var lines = [StyledLine([TableCell(program.displayName + " ", .heading), Badges.program(program)])]
        let records = detail.records(from: RecordSource(program))
        if records.isEmpty {
            lines.append(StyledLine("Not known to \(program.displayName).", .muted))
        }
        for record in records {
            lines += recordLines(record, detail: detail, width: width, today: today)
        }
        return lines
    }

    /// A record seen only in its identifying fields: why, who to contact, the dates of contact,
    /// and the people's names and birth dates.
    private func identifyingLines(_ record: HouseholdRecord, detail: FamilyDetail, width: Int) -> [StyledLine] {
        var lines = StyledLine.wrapped(record.access.explanation, width: width, style: .muted, indent: "  ", firstIndent: "  ")
        for id in record.assignedWorkerIds {
            if let worker = detail.workers[id] {
                lines += StyledLine.wrapped("Contact: " + worker.contactLine, width: width, indent: "  ")
            }
        }
        if !record.contactDates.isEmpty {
            let dates = record.contactDates.suffix(3).map(\.usFormat).joined(separator: ", ")
            lines += StyledLine.wrapped("Dates of contact: " + dates, width: width, indent: "  ")
        }
        let nameWidth = min(28, max(8, width - 1 - 11))
        for person in record.people {
            let born = person.dateOfBirth?.usFormat ?? "—"
            lines.append(StyledLine(" " + DisplayWidth.fit(person.fullName, to: nameWidth) + " " + born))
        }
        lines.append(.blank)
        return lines
    }

    private func recordLines(_ record: HouseholdRecord, detail: FamilyDetail, width: Int, today: CalendarDate) -> [StyledLine] {
        var lines: [StyledLine] = []
        let household = record.household
        let keyLabel = household.source == .childWelfare ? "Referral" : "Case"
        var header = [household.sourceKey.map { "\(keyLabel) \($0)" }, household.office.map { "\($0) office" }].compactMap { $0 }
        if header.isEmpty { header = ["Intake record"] }
        lines.append(StyledLine(header.joined(separator: " · "), .bold))
        if let address = household.addressLine {
            lines += StyledLine.wrapped(address, width: width)
        }
        if let phone = household.phone {
            lines.append(StyledLine("Phone " + phone))
        }
        if !record.access.isFull {
            return lines + identifyingLines(record, detail: detail, width: width)
        }
        for involvement in record.involvements {
            let current = involvement.isCurrent(on: today)
            let dates = [involvement.startDate?.usFormat, involvement.endDate?.usFormat].compactMap { $0 }.joined(separator: "–")
            let who = involvement.personId.flatMap { id in record.people.first { $0.id == id }?.firstName }
            let standing = involvement.welfareToWorkStatus.map { ", \($0.displayName)" } ?? ""
            let text = "\(involvement.component.displayName)\(who.map { " (\($0))" } ?? ""): \(involvement.status.displayName)\(standing) \(dates)"
            let pressing = current && (involvement.welfareToWorkStatus?.staffingPriority ?? 0) > 0
            lines += StyledLine.wrapped(text, width: width, style: pressing ? .warning : current ? .plain : .muted,
                                        indent: "    ", firstIndent: "  ")
        }
        let workerIds = Set(record.involvements.compactMap(\.workerId))
        for id in workerIds.sorted() {
            if let worker = detail.workers[id] {
                lines += StyledLine.wrapped("Worker: " + worker.contactLine, width: width, indent: "  ")
            }
        }
        // Name, age and birth date; the role too when the column is wide enough. At 80 columns
        // a 22-character name ("Guadalupe Núñez-García") still fits whole.
        let showRole = width >= 50
        let nameWidth = min(28, max(8, width - 1 - 3 - 11 - (showRole ? 9 : 0)))
        for person in record.people {
            let age = person.age(on: today).map { String($0) } ?? "?"
            let role = person.caseRole?.displayName ?? person.relationship.displayName
            let born = person.dateOfBirth?.usFormat ?? "—"
            var text = " " + DisplayWidth.fit(person.fullName, to: nameWidth) + DisplayWidth.fit(age, to: 3, alignment: .trailing)
            if showRole { text += " " + DisplayWidth.fit(role, to: 8) }
            lines.append(StyledLine(text + " " + born))
        }
        lines.append(.blank)
        return lines
    }
}

