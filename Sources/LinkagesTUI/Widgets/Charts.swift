import LinkagesDomain

/// Terminal charts drawn with characters: sparklines and bars in Unicode block elements, or in
/// plain ASCII when `plain` (NO_COLOR, or a terminal that cannot show the blocks).
///
/// Months or groups with 1 to 10 items are never drawn to scale: they show as a withheld mark,
/// so a chart never reveals what the numbers beside it hide.
enum Charts {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let plainLevels: [Character] = ["_", ".", "-", "=", "+", "*", "%", "#"]

    /// A cell filled one eighth, two eighths … seven eighths from the left.
    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The mark for a withheld month.
    static func withheld(plain: Bool) -> Character { plain ? "?" : "·" }

    /// One character per month: zero at the bottom, the largest shown month at the top,
    /// withheld months (1 to 10) as a mark of their own.
    static func sparkline(_ points: [Int], plain: Bool) -> String {
        let marks = plain ? plainLevels : levels
        let shown = points.filter { !Figure.count($0).isSuppressed }
        let top = max(1, shown.max() ?? 1)
        return String(points.map { point -> Character in
            if Figure.count(point).isSuppressed { return withheld(plain: plain) }
            if point == 0 { return marks[0] }
            // Shown counts are at least 11: from the second level up, in proportion.
            let level = 1 + Int((Double(point) / Double(top) * Double(marks.count - 2)).rounded())
            return marks[min(marks.count - 1, level)]
        })
    }

    /// A bar `width` cells long, filled to `fraction` (0 to 1), in eighths of a cell when the
    /// blocks can be shown.
    static func bar(_ fraction: Double, width: Int, plain: Bool) -> String {
        let fraction = min(1, max(0, fraction))
        guard width > 0 else { return "" }
        if plain {
            let filled = Int((fraction * Double(width)).rounded())
            return String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        }
        let eighths = Int((fraction * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(Self.partials[eighths % 8 - 1]) }
        return text + String(repeating: "░", count: width - text.count)
    }
}
