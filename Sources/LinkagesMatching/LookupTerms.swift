/// The terms a person is found by in the household lookup: every word of their names, folded
/// (`nunez`, `garcia`), and each word's sound-alike code marked with a leading `9` (`9nnz`), so
/// that a search typed without accents, with a typo or in either order still finds them.
public enum LookupTerms {
    /// Space-separated terms for a full-text index.
    public static func terms(first: String, middle: String, last: String) -> String {
        var seen: Set<[UInt8]> = []
        var terms: [[UInt8]] = []
        for word in NameFolding.words(first) + NameFolding.words(middle) + NameFolding.words(last) {
            for term in [word, soundTerm(word)] where seen.insert(term).inserted {
                terms.append(term)
            }
        }
        return String(decoding: Array(terms.joined(separator: [0x20])), as: UTF8.self)
    }

    /// The sound-alike term of a folded word.
    static func soundTerm(_ word: [UInt8]) -> [UInt8] {
        [0x39] + Phonetic.code(word)
    }
}
