/// Names reduced to what matching compares: lower-case ASCII letters in words, accents and
/// punctuation gone ("Núñez-García" → `nunez garcia`, "O'Brien" → `obrien`).
public enum NameFolding {
    /// The folded words of a name.
    public static func words(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: current.append(byte + 32)
                case 0x61...0x7A: current.append(byte)
                case 0x27: continue  // apostrophe: O'Brien is one word
                default:
                    if !current.isEmpty {
                        words.append(current)
                        current.removeAll(keepingCapacity: true)
                    }
                }
            } else if let folded = fold(scalar) {
                current += folded
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The ASCII letters a non-ASCII letter stands for, or nil for a mark or a separator.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let value = Int(scalar.value)
        return latinRange.contains(value) ? latinFolds[value - latinRange.lowerBound] : decomposedFold(scalar)
    }

    /// The Latin letters with accents that names in California's extracts mostly use (Latin-1
    /// and Latin Extended-A and B), folded once: decomposing a letter costs a microsecond.
    private static let latinRange = 0xC0..<0x250
    private static let latinFolds: [[UInt8]?] = latinRange.map { Unicode.Scalar($0).flatMap(decomposedFold) }

    private static func decomposedFold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        switch scalar {
        case "ß": return Array("ss".utf8)
        case "æ", "Æ": return Array("ae".utf8)
        case "œ", "Œ": return Array("oe".utf8)
        case "ø", "Ø": return [0x6F]
        case "ł", "Ł": return [0x6C]
        case "đ", "Đ": return [0x64]
        default: break
        }
        // Decompose (é → e + ◌́) and keep the base letter.
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = part.value
            if (0x41...0x5A).contains(value) { return [UInt8(value + 32)] }
            if (0x61...0x7A).contains(value) { return [UInt8(value)] }
        }
        return nil
    }

    /// Words that join a surname to its family rather than name it: "de la Cruz" compares as `cruz`.
    static let particles: Set<[UInt8]> = Set(["de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "van", "von", "der", "st", "mc"].map { Array($0.utf8) })

    /// Generation suffixes, which tell a father from his son of the same name.
    static let generations: [[UInt8]: UInt8] = [
        Array("jr".utf8): 1, Array("junior".utf8): 1, Array("sr".utf8): 2, Array("senior".utf8): 2,
        Array("ii".utf8): 3, Array("iii".utf8): 4, Array("iv".utf8): 5,
    ]
}

/// A person's name, folded and taken apart for comparison.
public struct FoldedName: Sendable, Equatable, CustomStringConvertible {
    /// The given name's first word (`maria` of "María Guadalupe").
    public var first: [UInt8]
    /// The surname's words without particles, in the order written.
    public var surnames: [[UInt8]]
    /// 0 for none, then Jr., Sr., II, III, IV.
    public var generation: UInt8

    public init(first: String, middle: String = "", last: String) {
        var generation: UInt8 = 0
        var lastWords = NameFolding.words(last)
        if let suffix = lastWords.last, let found = NameFolding.generations[suffix], lastWords.count > 1 {
            generation = found
            lastWords.removeLast()
        }
        for word in NameFolding.words(middle) {
            if let found = NameFolding.generations[word] { generation = found }
        }
        let meaningful = lastWords.filter { !NameFolding.particles.contains($0) }
        surnames = meaningful.isEmpty ? lastWords : meaningful
        surname = surnames.flatMap { $0 }
        self.first = NameFolding.words(first).first ?? []
        self.generation = generation
    }

    /// `jose nunez garcia`, for messages and tests.
    public var description: String {
        String(decoding: Array(([first] + surnames).joined(separator: [0x20])), as: UTF8.self)
    }

    /// All surname words run together (`nunezgarcia`), for comparing whole surnames.
    public var surname: [UInt8]
}
