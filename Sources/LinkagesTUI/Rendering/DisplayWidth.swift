import Foundation

/// How many terminal columns text takes. Measured here rather than with the C library's
/// `wcwidth`, so that screen tests give the same result whatever the machine's locale.
public enum DisplayWidth {
    /// Columns taken by one grapheme: 0 for combining marks and format characters, 2 for East
    /// Asian wide characters and emoji, 1 otherwise.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if isZeroWidth(first) { return 0 }
        if isWide(first) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        case .control: return true
        default: return scalar.value == 0x200B
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        if wideRanges.contains(where: { $0.contains(value) }) { return true }
        return scalar.properties.isEmojiPresentation
    }

    /// Cuts `text` to at most `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads or cuts `text` to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .leading) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignment == .leading ? cut + padding : padding + cut
    }

    /// Breaks `text` into lines of at most `width` columns, at spaces where possible.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let linesBefore = lines.count
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                let candidate = line.isEmpty ? word : line + " " + word
                if of(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while of(word) > width {
                    var head = String(word.prefixFitting(width))
                    if head.isEmpty { head = String(word.prefix(1)) }
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                }
                line = word
            }
            if !line.isEmpty || lines.count == linesBefore { lines.append(line) }
        }
        return lines
    }
}

public enum Alignment: Sendable {
    case leading, trailing
}

extension String {
    /// The longest prefix that fits in `width` columns.
    func prefixFitting(_ width: Int) -> Substring {
        var used = 0
        var end = startIndex
        for index in indices {
            let w = DisplayWidth.of(self[index])
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return self[startIndex..<end]
    }
}
