import Foundation

/// The whole program's state: who is working, the window size, the stack of open screens,
/// the help overlay and the message line. A plain value: no terminal, no database handle.
public struct AppState: Sendable {
    public var session: Session
    public var size: Size
    /// Open screens; the last one is on top. Never empty.
    public internal(set) var stack: [any ScreenModel]
    /// The help overlay's scroll position, or nil when it is closed.
    public internal(set) var helpScroll: Int?
    /// A one-line message for the worker, cleared by the next key.
    public internal(set) var message: String?
    /// A question waiting for y or n, shown over the screen.
    public internal(set) var confirmation: Confirmation?
    /// When the last key was pressed: the session closes at the idle limit after it.
    public internal(set) var lastKeyAt: Date
    /// Why the session ended, for the runtime to say once the terminal is restored.
    public internal(set) var farewell: String?
    /// The trainer's walkthrough, in `linkages train`; nil on every other database.
    public internal(set) var walkthrough: WalkthroughState?

    public var top: any ScreenModel { stack[stack.count - 1] }

    /// The size of a screen's content area: everything but the title, message and hint lines,
    /// and the walkthrough panel in training.
    public var viewport: Size {
        let area = screenArea
        return Size(width: area.width, height: area.height)
    }

    /// Keys of a walkthrough step are being pressed for the room.
    public var isPlaying: Bool { !(walkthrough?.pendingKeys.isEmpty ?? true) }

    /// Where the top screen is drawn.
    var screenArea: Rect {
        if let walkthrough { return WalkthroughPanel.layout(walkthrough, size: size).screen }
        return Rect(row: 1, column: 0, width: size.width, height: max(0, size.height - 3))
    }

    var isHome: Bool { stack.count == 1 }

    /// The key table in force: the screen's own keys, then the keys every screen has. While the
    /// worker types into a field, keys that are printable characters go to the field instead.
    /// A key belongs to the first binding that names it (the screen's own before the common ones).
    public var activeBindings: [KeyBinding] {
        let all = top.bindings + [CommonBindings.help, CommonBindings.back(isHome: isHome), CommonBindings.quit]
        var taken = Set<Key>()
        return all.compactMap { binding in
            var binding = binding
            binding.keys = binding.keys.filter { key in
                !(top.isTyping && key.typedCharacter != nil) && !taken.contains(key)
            }
            taken.formUnion(binding.keys)
            return binding.keys.isEmpty ? nil : binding
        }
    }
}
