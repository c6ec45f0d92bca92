/// One entry of a screen's key table: which keys do what, how the hint bar names it, and the
/// sentence the help overlay shows. The dispatch, the hint bar, the `?` overlay and
/// docs/keybindings.md all read these tables, so they cannot drift apart.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    /// One or two words for the hint bar ("open", "search").
    public var label: String
    /// A full sentence for the help overlay.
    public var help: String
    /// Shown in the bottom hint bar (the most useful keys), or only in help.
    public var inHintBar: Bool
    /// Why the key does nothing right now, or nil when it works.
    public var disabledReason: String?
    /// How the hint bar names the keys when it is not the first key's name ("←→" for a pair).
    public var hintKey: String?

    public init(
        _ keys: [Key], _ action: Action, label: String, help: String, inHintBar: Bool = true,
        disabledReason: String? = nil, hintKey: String? = nil
    ) {
        self.hintKey = hintKey
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.inHintBar = inHintBar
        self.disabledReason = disabledReason
    }

    public var isEnabled: Bool { disabledReason == nil }

    /// "↑/k" or "Enter".
    public var keyLabel: String {
        keys.map(\.label).joined(separator: "/")
    }
}

/// Key-table pieces that several screens share.
public enum CommonBindings {
    public static let moveInList: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, label: "move", help: "Move the selection up.", inHintBar: false),
        KeyBinding([.down, .char("j")], .moveDown, label: "move", help: "Move the selection down.", inHintBar: false),
        KeyBinding([.pageUp], .pageUp, label: "page up", help: "Move up one page.", inHintBar: false),
        KeyBinding([.pageDown], .pageDown, label: "page down", help: "Move down one page.", inHintBar: false),
        KeyBinding([.home, .char("g")], .moveToTop, label: "top", help: "Go to the first line.", inHintBar: false),
        KeyBinding([.end, .char("G")], .moveToBottom, label: "bottom", help: "Go to the last line.", inHintBar: false),
    ]

    /// The hint-bar entry that stands for all the movement keys.
    public static let moveHint = "↑↓/jk"

    public static func back(isHome: Bool) -> KeyBinding {
        isHome
            ? KeyBinding([.char("q")], .quit, label: "quit", help: "Leave Linkages.")
            : KeyBinding([.escape, .char("q")], .back, label: "back", help: "Go back to the previous screen.")
    }

    public static let help = KeyBinding([.char("?"), .function(1)], .help, label: "help",
                                        help: "Show every key of this screen (F1 works while typing).")
    public static let quit = KeyBinding(
        [.ctrl("c")], .quit, label: "quit", help: "Leave Linkages from any screen (work in progress is saved).",
        inHintBar: false)
}
