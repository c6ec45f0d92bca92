import LinkagesTUI

/// Typing Sarah's family into the intake form, key by key, as the workbook tells the story.
/// The screen tests and the tmux end-to-end test play the same script.
public enum SarahsIntake {
    public enum Step: Sendable {
        case text(String)
        case key(Key)
    }

    static let tab = Step.key(.tab)

    /// From a new intake's first field to the family-voice note, ending on the outcome.
    public static let steps: [Step] = referral + household + financial + safety + icwa + protectiveFactors + familyVoice
        + [.key(.ctrl("s"))]

    public static let referral: [Step] = [
        .text("R-2611-0194"), tab, .key(.ctrl("u")), .text("11/21/2026"), tab, .text("09:30"), tab,
        .text("w"), tab, .text("11/23/2026"), tab, tab,
    ]

    public static let members: [(first: String, born: String, relation: String, sex: String)] = [
        ("Sarah", "09/10/1994", "h", "f"), ("Emma", "05/06/2016", "c", "f"),
        ("Jack", "10/21/2018", "c", "m"), ("Lily", "02/06/2021", "c", "f"),
    ]

    public static var household: [Step] {
        var steps: [Step] = []
        for (index, member) in members.enumerated() {
            // No CIN or SSN: the workbook gives none.
            steps += [.text(member.first), tab, .text("Mitchell"), tab, .text(member.born), tab, .text(member.relation), tab,
                      .text(member.sex), tab, tab, tab]
            // On "Add a member": Enter adds the next one, Tab goes on to the address.
            steps.append(index < members.count - 1 ? .key(.enter) : tab)
        }
        // Not on CalWORKs; pregnancy and a caretaker relative left blank (the workbook does not
        // say); no CWS involvement.
        return steps + [.text("418 Magnolia Ave"), tab, .text("Fresno"), tab, .text("93701"), tab, .text("559-555-0187"), tab,
                        .text("n"), tab, tab, tab, .text("n"), tab]
    }

    /// No Welfare-to-Work (so no standing), recent job loss, no income given, money worries,
    /// enough food, no shut-off notice, no child care.
    public static let financial: [Step] = [
        .text("n"), tab, tab, .text("r"), tab, tab, .text("y"), tab, .text("y"), tab, .text("n"), tab, .text("y"), tab,
    ]

    /// Stable housing, no DV, no earlier reports, hazards, school absence, in recovery, no
    /// substantial risk of serious harm, no removal considered (so no child in protective
    /// custody), and what the visit found.
    public static let safety: [Step] = [
        .text("s"), tab, .text("n"), tab, .text("n"), tab, .text("y"), tab, .text("y"), tab, .text("y"), tab,
        .text("n"), tab, .text("n"), tab, .text("n"), tab, .text("Exposed electrical outlets; cleaning supplies within reach."), tab,
    ]

    /// No Native American ancestry known; no tribe named; reason to know left blank.
    public static let icwa: [Step] = [.text("n"), tab, tab, tab]

    /// Resilience: some; connections: needs support; knowledge: strength; concrete supports:
    /// needs support; children: strength.
    public static let protectiveFactors: [Step] = [
        .text("ss"), tab, tab, .text("n"), tab, tab, .text("s"), tab, tab, .text("n"), tab, tab, .text("s"), tab, tab,
    ]

    public static let familyVoice: [Step] = [
        .text("I want to keep my kids with me, stay in recovery and find a job I can keep."),
    ]

    /// tmux `send-keys` names for a key.
    public static func tmuxName(_ key: Key) -> String {
        switch key {
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .enter: return "Enter"
        case .escape: return "Escape"
        case .up: return "Up"
        case .down: return "Down"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .backspace: return "BSpace"
        case .ctrl(let c): return "C-\(c)"
        case .char(let c): return String(c)
        default: return ""
        }
    }
}

extension ScreenDriver {
    /// Plays a script of keys and text.
    public mutating func play(_ steps: [SarahsIntake.Step]) {
        for step in steps {
            switch step {
            case .text(let text): type(text)
            case .key(let key): press(key)
            }
        }
    }
}

extension TmuxSession {
    /// Sends a script of keys and text, in order.
    public func play(_ steps: [SarahsIntake.Step]) {
        for step in steps {
            switch step {
            case .text(let text): type(text)
            case .key(let key): send(SarahsIntake.tmuxName(key))
            }
        }
    }
}
