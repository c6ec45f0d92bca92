/// How a cell looks. Colour only ever adds to meaning that the text already carries: badges
/// say `[CW]`, `OVERDUE`, `!` in words, and `NO_COLOR` turns colour off entirely.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var color: ColorRole?

    public init(bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false, color: ColorRole? = nil) {
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let heading = Style(bold: true, color: .accent)
    public static let columnHeader = Style(bold: true, underline: true)
    public static let selected = Style(reverse: true)
    public static let titleBar = Style(bold: true, reverse: true)
    public static let hintKey = Style(bold: true, color: .accent)
    public static let muted = Style(dim: true)
    public static let warning = Style(bold: true, color: .warning)
    public static let danger = Style(bold: true, color: .danger)
    public static let good = Style(color: .good)
    public static let calworks = Style(bold: true, color: .calworks)
    public static let childWelfare = Style(bold: true, color: .childWelfare)
    public static let field = Style(underline: true)
    public static let focusedField = Style(reverse: true)
}

/// What a colour means; the terminal backend chooses the actual colour.
public enum ColorRole: Hashable, Sendable, CaseIterable {
    case accent, good, warning, danger, calworks, childWelfare, training
}
