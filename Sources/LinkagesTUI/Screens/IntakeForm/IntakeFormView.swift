import Foundation
import LinkagesDomain
import LinkagesStore

/// Drawing the intake form: the section list and known records on the left, the section's
/// fields (or the outcome) on the right, and help for the focused field at the bottom.
extension IntakeFormScreen {
    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let geometry = FormGeometry(area: area)
        guard let draft else {
            let text = loadError ?? "Loading the draft…"
            grid.put(text, row: geometry.inner.row, column: geometry.inner.column, style: loadError == nil ? .muted : .danger)
            return
        }
        let problems = self.problems
        renderSections(into: &grid, area: geometry.left, draft: draft, problems: problems, context: context)
        if isOutcome {
            renderOutcome(into: &grid, geometry: geometry, context: context)
        } else {
            renderSection(into: &grid, geometry: geometry, draft: draft, problems: problems)
        }
        if let picker {
            picker.render(into: &grid, area: area)
        }
    }

    // MARK: Left pane

    private func renderSections(into grid: inout CellGrid, area: Rect, draft: IntakeDraft, problems: [FieldProblem], context: RenderContext) {
        grid.put("Sections", row: area.row, column: area.column, style: .heading)
        for section in 0..<layout.sectionCount {
            let row = area.row + 1 + section
            let current = section == sectionIndex
            let mark = layout.mark(of: section, draft: draft, problems: problems)
            grid.put(current ? "▸" : " ", row: row, column: area.column, style: .bold)
            grid.put(layout.title(of: section), row: row, column: area.column + 2, style: current ? .selected : .plain, maxWidth: area.width - 7)
            let markStyle: Style = mark == "!" ? .danger : (mark == "✓" ? .good : .muted)
            grid.put(mark, row: row, column: area.right - DisplayWidth.of(mark), style: markStyle)
        }
        var row = area.row + layout.sectionCount + 2
        if let attached {
            grid.put("Attached to", row: row, column: area.column, style: .heading)
            grid.put(attached.name, row: row + 1, column: area.column, style: .bold, maxWidth: area.width)
            row += 3
        }
        let others = knownRecords.filter { $0.familyId != draft.attachedFamilyId }
        if !others.isEmpty {
            grid.put("Known records", row: row, column: area.column, style: .heading)
            row += 1
            for match in others where row + 3 < area.bottom - 2 {
                grid.put(match.familyName, row: row, column: area.column, style: .bold, maxWidth: area.width)
                grid.put(Badges.sources(match.sources), row: row + 1, column: area.column, style: .muted, maxWidth: area.width)
                let best = match.people.first.map { Self.shortReason($0.reason) } ?? ""
                grid.put(best, row: row + 2, column: area.column, style: .muted, maxWidth: area.width)
                row += 3
            }
            grid.put("Ctrl-O attach", row: row, column: area.column, style: .hintKey, maxWidth: area.width)
        }
        if let saveError {
            for (offset, line) in DisplayWidth.wrap(saveError, to: area.width).prefix(2).enumerated() {
                grid.put(line, row: area.bottom - 2 + offset, column: area.column, style: .danger)
            }
        } else if let savedAt {
            grid.put("Draft saved " + Self.clockTime(savedAt), row: area.bottom - 1, column: area.column, style: .muted, maxWidth: area.width)
        }
    }

    static func shortReason(_ reason: String) -> String {
        switch reason {
        case "same name and birth date": return "name & birth date"
        case "same surname and birth date": return "surname & birth"
        case "same name, other birth date": return "name, other birth"
        default: return reason
        }
    }

    static func clockTime(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    // MARK: A section's fields

    /// One drawn row of the form (a note takes several).
    struct FormRow {
        var field: FormField?
        var height = 1
        var draw: (inout CellGrid, Rect) -> Void
    }

    private func renderSection(into grid: inout CellGrid, geometry: FormGeometry, draft: IntakeDraft, problems: [FieldProblem]) {
        let section = bank.sections[sectionIndex]
        let right = geometry.right
        grid.put(section.title, row: right.row, column: right.column, style: .heading, maxWidth: right.width)
        if let intro = section.intro {
            for (offset, line) in DisplayWidth.wrap(intro, to: right.width).prefix(2).enumerated() {
                grid.put(line, row: right.row + 1 + offset, column: right.column, style: .muted)
            }
        }
        let rows = formRows(section: section, draft: draft, problems: problems, width: geometry.fields.width)
        let area = geometry.fields
        // Scroll just enough to show the focused field whole.
        var start = 0
        var focusStart = 0
        var focusEnd = 0
        for row in rows {
            if row.field == focus {
                if focusEnd == 0 { focusStart = start }
                focusEnd = start + row.height
            }
            start += row.height
        }
        let offset = max(0, min(focusStart - 1, focusEnd - area.height))
        var y = -offset
        for row in rows {
            if y >= 0 && y + row.height <= area.height {
                row.draw(&grid, Rect(row: area.row + y, column: area.column, width: area.width, height: row.height))
            }
            y += row.height
        }
        if offset > 0 {
            grid.put("↑ more", row: area.row, column: area.right - 6, style: .muted)
        }
        if y > area.height {
            grid.put("↓ more", row: area.bottom - 1, column: area.right - 6, style: .muted)
        }
        renderHelp(into: &grid, area: geometry.help)
    }

    /// Help for the focused field (its problem, if any, is shown under the field itself).
    private func renderHelp(into grid: inout CellGrid, area: Rect) {
        var help = layout.question(focus)?.help
        switch layout.kind(of: focus) {
        case .date: help = help ?? "Write dates as MM/DD/YYYY."
        case .choice, .yesNoUnknown, .rating: help = help ?? "←/→ or Space to choose, or type the first letter."
        case .note: help = help ?? "Enter starts a new line; Tab goes on."
        default: break
        }
        if focus == .addMember { help = "Enter adds a member; Ctrl-D removes the member the cursor is on." }
        guard let help else { return }
        for (offset, line) in DisplayWidth.wrap(help, to: area.width).prefix(2).enumerated() {
            grid.put(line, row: area.row + offset, column: area.column, style: .muted)
        }
    }

    func formRows(section: QuestionSection, draft: IntakeDraft, problems: [FieldProblem], width: Int) -> [FormRow] {
        var rows: [FormRow] = []
        let problemsByKey = Dictionary(problems.map { ($0.fieldKey, $0.message) }, uniquingKeysWith: { first, _ in first })
        func problemRows(_ field: FormField) -> [FormRow] {
            guard let message = problemsByKey[field.problemKey] else { return [] }
            return DisplayWidth.wrap("! " + message, to: width - 2).map { line in
                FormRow(field: field) { grid, rect in grid.put(line, row: rect.row, column: rect.column + 2, style: .warning) }
            }
        }
        if section.includesMembers == true {
            rows += memberRows(draft: draft, width: width, problemRows: problemRows)
        }
        for question in section.questions {
            let field = FormField.question(question.id)
            let focused = field == focus
            let prompt = question.prompt + (question.isSensitive ? " (sensitive)" : "")
            for line in DisplayWidth.wrap(prompt, to: width) {
                rows.append(FormRow(field: field) { grid, rect in
                    grid.put(line, row: rect.row, column: rect.column, style: focused ? .heading : .bold)
                })
            }
            rows.append(inputRow(field, kind: question.kind, draft: draft, width: width))
            rows += problemRows(field)
        }
        return rows
    }

    private func inputRow(_ field: FormField, kind: QuestionKind, draft: IntakeDraft, width: Int) -> FormRow {
        let focused = field == focus
        let value = draft.value(of: field)
        switch kind {
        case .note:
            let editor = focused ? noteEditor : TextArea(value)
            return FormRow(field: field, height: 3) { grid, rect in
                editor.render(into: &grid, area: Rect(row: rect.row, column: rect.column + 2, width: rect.width - 2, height: 3), focused: focused)
            }
        case .choice, .yesNoUnknown, .rating:
            let choices = layout.choices(for: field)
            return FormRow(field: field) { grid, rect in
                ChoiceField.render(into: &grid, row: rect.row, column: rect.column + 2, width: rect.width - 2,
                                   current: value, choices: choices, focused: focused)
            }
        case .text, .date, .time:
            let editor = focused ? lineEditor : TextField(value)
            let fieldWidth = kind == .date ? 12 : (kind == .time ? 7 : min(40, width - 2))
            return FormRow(field: field) { grid, rect in
                editor.render(into: &grid, row: rect.row, column: rect.column + 2, width: fieldWidth, focused: focused,
                              placeholder: kind == .date ? "MM/DD/YYYY" : (kind == .time ? "HH:MM" : ""))
            }
        }
    }

    /// Columns of the members table; together they fit the right pane at 80 columns.
    static let memberColumns: [(MemberField, String, Int)] = [
        (.firstName, "First name", 11), (.lastName, "Last name", 12), (.dateOfBirth, "Born", 11),
        (.relationship, "Relation", 12), (.sex, "Sex", 3),
    ]

    /// The second line of each member: the identifiers a lookup finds their records by, each
    /// after its label.
    static let memberIdentifiers: [(MemberField, String, Int)] = [(.cin, "CIN", 11), (.ssn, "SSN", 11)]

    private func memberRows(draft: IntakeDraft, width: Int, problemRows: (FormField) -> [FormRow]) -> [FormRow] {
        var rows: [FormRow] = [FormRow(field: nil) { grid, rect in
            var column = rect.column + 2
            for (_, title, width) in Self.memberColumns {
                grid.put(title, row: rect.row, column: column, style: .columnHeader, maxWidth: width)
                column += width + 1
            }
        }]
        for index in draft.members.indices {
            let lines = [Self.memberColumns, Self.memberIdentifiers].map { columns in
                columns.map { (field: FormField.member(index, $0.0), label: $0.1, width: $0.2) }
            }
            // The identifiers' line shows while the worker is on the member, or once one is typed.
            let member = draft.members[index]
            let onMember = lines.joined().contains { $0.field == focus }
            let shown = onMember || !member.cin.isBlank || !member.ssn.isBlank ? lines : [lines[0]]
            for (number, cells) in shown.enumerated() {
                let labelled = number == 1
                let focusedField = cells.map(\.field).first { $0 == focus }
                rows.append(FormRow(field: focusedField ?? cells[0].field) { grid, rect in
                    var column = rect.column + 2
                    for cell in cells {
                        if labelled {
                            grid.put(cell.label, row: rect.row, column: column, style: .muted)
                            column += DisplayWidth.of(cell.label) + 1
                        }
                        renderMemberCell(cell.field, width: cell.width, draft: draft, into: &grid, row: rect.row, column: column)
                        column += cell.width + (labelled ? 2 : 1)
                    }
                })
            }
            for cell in lines.joined() {
                rows += problemRows(cell.field).map { row in
                    var row = row
                    row.field = rows.last?.field
                    return row
                }
            }
        }
        let focused = focus == .addMember
        rows.append(FormRow(field: .addMember) { grid, rect in
            grid.put("[ + Add a member ]", row: rect.row, column: rect.column + 2, style: focused ? .focusedField : .bold)
            grid.put("Ctrl-N", row: rect.row, column: rect.column + 22, style: .muted)
        })
        rows.append(FormRow(field: nil) { _, _ in })
        return rows
    }

    /// One member's value in its cell: a choice as its label between arrows when focused, text
    /// in an editor.
    private func renderMemberCell(_ field: FormField, width: Int, draft: IntakeDraft, into grid: inout CellGrid, row: Int, column: Int) {
        let focused = field == focus
        let value = draft.value(of: field)
        switch layout.kind(of: field) {
        case .choice:
            let choice = layout.choices(for: field).first { $0.id == value }
            // Sex shows as one letter (F, M, X, ?) in its narrow column.
            let label = choice.map { width < 6 ? Sex(rawValue: $0.id)?.code ?? $0.label : $0.label } ?? "—"
            let text = focused ? "◂\(label)▸" : label
            grid.put(DisplayWidth.fit(text, to: width), row: row, column: column, style: focused ? .focusedField : .field, maxWidth: width)
        default:
            let editor = focused ? lineEditor : TextField(value)
            editor.render(into: &grid, row: row, column: column, width: width, focused: focused,
                          placeholder: layout.kind(of: field) == .date ? "MM/DD/YYYY" : "")
        }
    }

    // MARK: Outcome

    /// The outcome as lines; `now` is needed for the clocks counted in hours.
    func outcomeLines(width: Int, now: Date, today: CalendarDate) -> [StyledLine] {
        guard let outcome else { return [] }
        var lines: [StyledLine] = [
            StyledLine([TableCell("Linkages tier: ", .bold), TableCell(outcome.tier.label, Badges.tierStyle(outcome.tier.tier))]),
        ]
        for reason in outcome.tier.reasons {
            lines += StyledLine.wrapped(reason, width: width, indent: "    ", firstIndent: "  • ")
        }
        lines.append(.blank)
        lines.append(StyledLine("Recommended actions", .heading))
        if outcome.recommendations.isEmpty {
            lines.append(StyledLine("  None yet: answer more questions.", .muted))
        }
        for (index, recommendation) in outcome.recommendations.enumerated() {
            let number = "\(index + 1). "
            lines += StyledLine.wrapped(recommendation.action, width: width, style: .bold, indent: "    ", firstIndent: number.leftPadded(to: 4))
            lines += StyledLine.wrapped("Why: " + recommendation.why, width: width, style: .muted, indent: "    ")
        }
        lines.append(.blank)
        lines.append(StyledLine("AB 2085 check", .heading))
        lines += StyledLine.wrapped(outcome.ab2085.explanation, width: width,
                                    style: outcome.ab2085.appliesPovertyRule || outcome.ab2085.awaitsSeriousHarmAnswer ? .warning : .plain, indent: "  ")
        lines.append(.blank)
        lines.append(StyledLine("Clocks", .heading))
        if outcome.clocks.isEmpty {
            lines.append(StyledLine("  Enter the referral's date and response decision to start them.", .muted))
        }
        for clock in outcome.clocks {
            let status = clock.status(now: now, today: today)
            lines += StyledLine.wrapped("\(clock.name): \(status.text)", width: width,
                                        style: status.overdue ? .danger : .plain, indent: "    ", firstIndent: "  ")
            lines += StyledLine.wrapped(clock.rule, width: width, style: .muted, indent: "    ")
        }
        return lines
    }

    private func renderOutcome(into grid: inout CellGrid, geometry: FormGeometry, context: RenderContext) {
        let right = geometry.right
        grid.put("Outcome", row: right.row, column: right.column, style: .heading)
        let lines = outcomeLines(width: right.width, now: context.now, today: context.today)
        outcomeScroll.render(lines, into: &grid, area: geometry.outcome)
        let finishRow = right.bottom - 2
        if let blocker = finishBlocker {
            for (offset, line) in DisplayWidth.wrap("Not ready to finish: " + blocker + ".", to: right.width).prefix(2).enumerated() {
                grid.put(line, row: finishRow + offset, column: right.column, style: .warning)
            }
        } else {
            let target = attached.map { "\($0.name)'s records" } ?? "a new family's records"
            grid.put("[ Finish: save to \(target) ]", row: finishRow, column: right.column, style: .focusedField, maxWidth: right.width)
            grid.put("Enter or Ctrl-S finishes (asks first).", row: finishRow + 1, column: right.column, style: .muted)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }
}
