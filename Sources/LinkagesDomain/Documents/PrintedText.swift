/// Plain text laid out for paper: lines no wider than a printed page, broken at spaces, so that
/// a printer neither cuts a long line nor wraps it back to the margin.
public enum PrintedText {
    /// How many characters fit across a letter-size page in a monospaced font, with margins.
    public static let pageWidth = 78

    /// `text` in lines of at most `width` characters: the first begins with `firstIndent`, the
    /// rest with `indent`. A word longer than a line is split; spaces where a line breaks go.
    public static func wrap(_ text: String, firstIndent: String, indent: String, width: Int = pageWidth) -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        // Empty words keep a run of spaces as it was written ("name  (score 40)").
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = word
            if lineHasWord && line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if lineHasWord {
                lines.append(withoutTrailingSpaces(line))
                line = indent
                lineHasWord = false
            }
            // Spaces where the line breaks are dropped.
            if word.isEmpty { continue }
            while word.count > max(1, width - line.count) {
                let room = max(1, width - line.count)
                lines.append(line + word.prefix(room))
                word = word.dropFirst(room)
                line = indent
            }
            line += word
            lineHasWord = true
        }
        lines.append(lineHasWord ? withoutTrailingSpaces(line) : line)
        return lines
    }

    private static func withoutTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
