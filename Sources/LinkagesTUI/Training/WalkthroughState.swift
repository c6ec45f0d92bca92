/// Where the trainer is in a walkthrough: the step on show, how many of its answers are
/// revealed, and whether the step list is open.
public struct WalkthroughState: Equatable, Sendable {
    public let walkthrough: Walkthrough
    public private(set) var stepIndex = 0
    /// Answers of the step's questions revealed so far, in order.
    public private(set) var revealed = 0
    /// The step list (F5) with its selection, while it is open.
    public internal(set) var stepList: ListSelection?
    /// The step's keys still to be pressed for the room ("show me"), first one first.
    public internal(set) var pendingKeys: [Key] = []
    /// Linkages pressed all of this step's keys: "show me" becomes "show again".
    public internal(set) var hasShown = false

    public init(_ walkthrough: Walkthrough) {
        self.walkthrough = walkthrough
    }

    public var step: WalkthroughStep { walkthrough.steps[stepIndex] }
    var isPlaying: Bool { !pendingKeys.isEmpty }
    var isFirst: Bool { stepIndex == 0 }
    var isLast: Bool { stepIndex == walkthrough.steps.count - 1 }
    var hasHiddenAnswers: Bool { revealed < step.answers.count }

    /// "Step 3 of 16".
    var position: String { "Step \(stepIndex + 1) of \(walkthrough.steps.count)" }

    /// Shows another step, with its answers hidden again.
    mutating func go(to index: Int) {
        stepIndex = min(max(0, index), walkthrough.steps.count - 1)
        revealed = 0
        stepList = nil
        pendingKeys = []
        hasShown = false
    }

    /// The next key to press for the room; the step counts as shown once the last is taken.
    mutating func takePendingKey() -> Key? {
        guard !pendingKeys.isEmpty else { return nil }
        let key = pendingKeys.removeFirst()
        if pendingKeys.isEmpty { hasShown = true }
        return key
    }

    mutating func revealNextAnswer() {
        revealed = min(revealed + 1, step.answers.count)
    }

    /// The presenter's keys: function keys, which no screen types and few screens use.
    enum PresenterKey {
        static let reset = Key.function(4)
        static let steps = Key.function(5)
        static let showMe = Key.function(6)
        static let back = Key.function(7)
        static let next = Key.function(8)
        static let reveal = Key.function(9)

        /// What each does, for the `?` overlay while a walkthrough runs (docs/trainer-guide.md).
        static let help: [(key: String, text: String)] = [
            (next.label, "Walkthrough: the next step."),
            (back.label, "Walkthrough: the step before."),
            (showMe.label, "Walkthrough: press this step's keys for the room, one by one; any key stops them."),
            (reveal.label, "Walkthrough: reveal the next answer to the step's discussion question."),
            (steps.label, "Walkthrough: the list of steps, to jump to one."),
            (reset.label, "Walkthrough: put the training database back as it was at the start (asks first)."),
        ]
    }

    /// The presenter keys that do something on this step, for the panel's bottom line.
    var keyHints: [(key: Key, label: String)] {
        var hints: [(Key, String)] = []
        if !isFirst { hints.append((PresenterKey.back, "back")) }
        if !isLast { hints.append((PresenterKey.next, "next")) }
        if step.play != nil { hints.append((PresenterKey.showMe, hasShown ? "show again" : "show me")) }
        if hasHiddenAnswers { hints.append((PresenterKey.reveal, "answer \(revealed + 1)/\(step.answers.count)")) }
        hints.append((PresenterKey.steps, "steps"))
        hints.append((PresenterKey.reset, "reset"))
        return hints
    }
}
