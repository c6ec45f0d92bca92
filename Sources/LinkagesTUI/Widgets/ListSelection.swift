/// Which row of a list is selected, and which row is at the top of the visible part.
public struct ListSelection: Equatable, Sendable {
    public private(set) var index = 0
    public private(set) var offset = 0

    public init() {}

    /// Applies a movement action to a list of `count` rows showing `visibleRows` at a time.
    /// Returns false when the action is not a movement.
    @discardableResult
    public mutating func apply(_ action: Action, count: Int, visibleRows: Int) -> Bool {
        let page = max(1, visibleRows - 1)
        switch action {
        case .moveUp: select(index - 1, count: count, visibleRows: visibleRows)
        case .moveDown: select(index + 1, count: count, visibleRows: visibleRows)
        case .pageUp: select(index - page, count: count, visibleRows: visibleRows)
        case .pageDown: select(index + page, count: count, visibleRows: visibleRows)
        case .moveToTop: select(0, count: count, visibleRows: visibleRows)
        case .moveToBottom: select(count - 1, count: count, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    public mutating func select(_ newIndex: Int, count: Int, visibleRows: Int) {
        index = count == 0 ? 0 : min(max(0, newIndex), count - 1)
        let rows = max(1, visibleRows)
        if index < offset { offset = index }
        if index >= offset + rows { offset = index - rows + 1 }
    }

    /// Keeps the selection inside a list that changed length.
    public mutating func clamp(count: Int) {
        index = count == 0 ? 0 : min(index, count - 1)
        offset = min(offset, index)
    }

    /// The first visible row for a list area `visibleRows` high: the stored offset when it
    /// still shows the selection (after a resize it may not).
    public func visibleOffset(rows visibleRows: Int) -> Int {
        let rows = max(1, visibleRows)
        if index >= offset && index < offset + rows { return offset }
        return max(0, index - rows + 1)
    }
}
