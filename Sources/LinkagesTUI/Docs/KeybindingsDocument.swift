/// docs/keybindings.md, written from the same key tables that drive the screens. A test fails
/// when the committed file differs, so the document cannot go stale.
public enum KeybindingsDocument {
    /// Each screen's key table in the states that change it.
    static func tables() -> [(title: String, bindings: [KeyBinding])] {
        let viewport = Size(width: 80, height: 21)
        var lookupResults = LookupScreen()
        _ = lookupResults.perform(.nextFocus, viewport: viewport)
        var referralFilter = ReferralsScreen()
        _ = referralFilter.perform(.startFilter, viewport: viewport)
        return [
            ("Home", HomeScreen().bindings),
            ("ER intake", IntakeScreen().bindings),
            ("Household lookup: typing in the search field", LookupScreen().bindings),
            ("Household lookup: in the list of families", lookupResults.bindings),
            ("Family", FamilyScreen(familyId: 0).bindings),
            ("Referrals", ReferralsScreen().bindings),
            ("Any list: typing a `/` filter", referralFilter.bindings),
            ("Case plans", PlansScreen().bindings),
            ("Joint plan", PlanScreen(familyId: 0).bindings),
        ]
    }

    public static func markdown() -> String {
        var text = """
            # Key bindings

            Generated from the key tables in `Sources/LinkagesTUI` (the same tables that drive the
            screens, the bottom hint bar and the `?` help overlay). Do not edit by hand: run
            `LINKAGES_RECORD_GOLDENS=1 swift test --filter keybindings` to rewrite it after changing a table.

            While a text field has the focus, letters, digits and punctuation are typed into it;
            only the keys that are not characters (Enter, Tab, Esc, arrows) act as commands.

            ## Every screen

            | Keys | What it does |
            | --- | --- |
            | `?` | \(CommonBindings.help.help) |
            | `Esc`/`q` | \(CommonBindings.back(isHome: false).help) On the home screen, `q` leaves Linkages. |
            | `Ctrl-C` | \(CommonBindings.quit.help) |

            """
        for table in tables() {
            text += "\n## \(table.title)\n\n| Keys | What it does | In the hint bar |\n| --- | --- | --- |\n"
            for binding in table.bindings {
                let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
                text += "| \(keys) | \(binding.help) | \(binding.inHintBar ? binding.label : "") |\n"
            }
        }
        return text
    }
}
