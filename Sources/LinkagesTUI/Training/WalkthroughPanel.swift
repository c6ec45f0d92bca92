/// The walkthrough panel: beside the real screens on a wide terminal (a projector at 200×50),
/// below them on a narrow one (80×24). It says what the step is about, which keys to press,
/// and the discussion questions with the answers revealed so far.
enum WalkthroughPanel {
    /// From this width on, the panel goes beside the screens.
    static let sideBySideWidth = 120

    /// Where the real screen and the panel go in a window of `size`.
    static func layout(_ state: WalkthroughState, size: Size) -> (screen: Rect, panel: Rect) {
        let contentHeight = max(0, size.height - 3)
        if size.width >= sideBySideWidth {
            let width = min(64, max(40, size.width / 3))
            return (Rect(row: 1, column: 0, width: size.width - width, height: contentHeight),
                    Rect(row: 1, column: size.width - width, width: width, height: contentHeight))
        }
        // Below the screens, as tall as the step needs: a step that plays keys leaves the screen
        // the 14 rows its forms take at 80×24, until the trainer reveals answers; a step for
        // talking can take most of the window.
        let needed = lines(state, width: innerWidth(size.width), spacious: false).count + 2
        let screenRows = state.step.play == nil || state.revealed > 0 ? 6 : 14
        let height = min(needed, max(4, contentHeight - screenRows))
        return (Rect(row: 1, column: 0, width: size.width, height: contentHeight - height),
                Rect(row: 1 + contentHeight - height, column: 0, width: size.width, height: height))
    }

    static func innerWidth(_ panelWidth: Int) -> Int { max(1, panelWidth - 4) }

    static let border = Style(bold: true, color: .training)

    static func render(_ state: WalkthroughState, into grid: inout CellGrid, panel: Rect) {
        let spacious = panel.width < grid.size.width
        // Beside the screens the step's title is the panel's first line; below them it shares
        // the border, to leave the screen its rows.
        let title = spacious ? "TRAINING · \(state.position)" : "TRAINING · \(state.position) · \(state.step.title)"
        Chrome.box(into: &grid, panel, title: title, style: border)
        let inner = Rect(row: panel.row + 1, column: panel.column + 2, width: innerWidth(panel.width), height: panel.height - 2)
        for (offset, line) in fitted(state, width: inner.width, height: inner.height, spacious: spacious).enumerated() {
            line.render(into: &grid, row: inner.row + offset, column: inner.column, maxWidth: inner.width)
        }
        var column = panel.column + 2
        let row = panel.bottom - 1
        if state.isPlaying {
            grid.put(" ▶ pressing the step's keys… any key stops ", row: row, column: column, style: .warning, maxWidth: panel.width - 4)
            return
        }
        for hint in state.keyHints where column + DisplayWidth.of(hint.key.label + hint.label) + 3 < panel.right - 1 {
            column = grid.put(" " + hint.key.label, row: row, column: column, style: .hintKey)
            column = grid.put(" " + hint.label + " ", row: row, column: column, style: border)
        }
    }

    /// The panel's lines cut to `height`: the earliest revealed answers give way to the latest.
    static func fitted(_ state: WalkthroughState, width: Int, height: Int, spacious: Bool) -> [StyledLine] {
        var hidden = 0
        var all = lines(state, width: width, spacious: spacious)
        while all.count > height, hidden < state.revealed - 1 {
            hidden += 1
            all = lines(state, width: width, spacious: spacious, hiddenAnswers: hidden)
        }
        if all.count > height, height > 0 {
            all = Array(all.prefix(height))
            all[height - 1] = StyledLine("… (make the window taller to read the rest)", .muted)
        }
        return all
    }

    /// Everything the step has to say, wrapped to `width`, leaving out the first
    /// `hiddenAnswers` revealed answers.
    /// A spacious panel (beside the screens) has room for blank lines and for saying what the
    /// presenter keys do; a compact one (below them) keeps to the step's words.
    static func lines(_ state: WalkthroughState, width: Int, spacious: Bool, hiddenAnswers: Int = 0) -> [StyledLine] {
        let step = state.step
        var blocks: [[StyledLine]] = spacious ? [StyledLine.wrapped(step.title, width: width, style: .heading)] : []
        blocks += step.text.map { paragraph($0, width: width) }
        if let keys = step.keys {
            var block = StyledLine.wrapped(keys, width: width, indent: "      ", firstIndent: "Keys: ")
            block[0].pieces = [TableCell("Keys: ", .hintKey), TableCell(String(block[0].pieces[0].text.dropFirst(6)))]
            if step.play != nil && spacious {
                block.append(StyledLine("\(WalkthroughState.PresenterKey.showMe.label) presses them for you.", .muted))
            }
            blocks.append(block)
        }
        var answerIndex = 0
        for question in step.questions {
            var block = StyledLine.wrapped(question.question, width: width, style: .heading, indent: "  ", firstIndent: "? ")
            for answer in question.answers {
                defer { answerIndex += 1 }
                guard answerIndex < state.revealed, answerIndex >= hiddenAnswers else { continue }
                if hiddenAnswers > 0 && answerIndex == hiddenAnswers {
                    block.append(StyledLine("  (\(hiddenAnswers) earlier answer\(hiddenAnswers == 1 ? "" : "s") scrolled off)", .muted))
                }
                block += StyledLine.wrapped(answer, width: width, indent: "    ", firstIndent: "  • ")
            }
            blocks.append(block)
        }
        if state.hasHiddenAnswers && spacious {
            let label = WalkthroughState.PresenterKey.reveal.label
            blocks.append([StyledLine("\(label) shows an answer (\(state.revealed) of \(step.answers.count) shown).", .muted)])
        }
        return blocks.enumerated().flatMap { index, block in
            spacious && index > 0 ? [StyledLine.blank] + block : block
        }
    }

    /// A paragraph wrapped to `width`; one that starts as a list item ("1. ", "- ", "• ")
    /// hangs its following lines under the item's text.
    static func paragraph(_ text: String, width: Int) -> [StyledLine] {
        let marker = text.prefix { $0 != " " }
        let isItem = marker == "-" || marker == "•" || (marker.hasSuffix(".") && marker.dropLast().allSatisfy(\.isNumber) && marker.count > 1)
        guard isItem, text.count > marker.count + 1 else { return StyledLine.wrapped(text, width: width) }
        let indent = String(repeating: " ", count: marker.count + 1)
        return StyledLine.wrapped(String(text.dropFirst(marker.count + 1)), width: width, indent: indent, firstIndent: marker + " ")
    }
}

extension Walkthrough {
    /// The steps whose words do not fit the panel in a window of `size` (below the screens at
    /// 80×24), with all answers hidden or with any one of them revealed: a script should have
    /// none at the smallest window the room will use.
    public func stepsTooLong(for size: Size) -> [WalkthroughStep] {
        steps.indices.compactMap { index in
            var state = WalkthroughState(self)
            state.go(to: index)
            var fits = true
            for reveal in 0...state.step.answers.count {
                let panel = WalkthroughPanel.layout(state, size: size).panel
                let inner = WalkthroughPanel.innerWidth(panel.width)
                let spacious = panel.width < size.width
                let lines = WalkthroughPanel.lines(state, width: inner, spacious: spacious, hiddenAnswers: max(0, reveal - 1))
                fits = fits && lines.count <= panel.height - 2
                if reveal < state.step.answers.count { state.revealNextAnswer() }
            }
            return fits ? nil : state.step
        }
    }
}
