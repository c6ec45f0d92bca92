/// One screen: its state, how it answers actions and data, its key table, and how it draws.
///
/// A screen is a value. `perform`, `type` and `receive` are pure: they change the screen and
/// return commands; nothing here touches the terminal or the database.
public protocol ScreenModel: Sendable {
    /// The screen's name on the title line.
    var title: String { get }
    /// The keys that work now. The app adds `?` help, `q`/Esc back and Ctrl-C quit.
    var bindings: [KeyBinding] { get }
    /// True while a text field has focus: printable keys are then typed into it.
    var isTyping: Bool { get }
    /// What to load when the screen opens or comes back to the top.
    func onAppear() -> [ScreenCommand]
    /// What to read again each minute while the screen is on top (lists others change).
    func onTick() -> [ScreenCommand]
    /// Answers an action. `viewport` is the size of the screen's content area, for paging.
    mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand]
    /// A key typed into the focused field (only called while `isTyping`).
    mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand]
    mutating func receive(_ event: DataEvent) -> [ScreenCommand]
    /// Draws the screen's content into `area` of `grid`.
    func render(into grid: inout CellGrid, area: Rect, context: RenderContext)
}

extension ScreenModel {
    public var isTyping: Bool { false }
    public func onAppear() -> [ScreenCommand] { [] }
    public func onTick() -> [ScreenCommand] { [] }
    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] { [] }
}

/// What a view needs besides its own state.
public struct RenderContext: Sendable {
    public var today: CalendarDate
    public var now: Date

    public init(today: CalendarDate, now: Date) {
        self.today = today
        self.now = now
    }
}

import Foundation
import LinkagesDomain
