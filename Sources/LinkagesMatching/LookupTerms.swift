/// The terms a person is found by in the household lookup: every word of their names, folded
/// (`nunez`, `garcia`), and each word's sound-alike code marked with a leading `9` (`9nnz`), so
/// that a search typed without accents, with a typo or in either order still finds them.
///
/// The store's index takes a person out by computing their terms again: a change here must come
/// with a store migration that rebuilds the index.
public enum LookupTerms {
    /// Space-separated terms for a full-text index, each once.
    public static func terms(first: String, middle: String, last: String) -> String {
        // A name has a handful of terms: a list is quicker to search than a set is to build.
        var written: [[UInt8]] = []
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for word in NameFolding.words(first) + NameFolding.words(middle) + NameFolding.words(last) {
            for term in [word, soundTerm(word)] where !written.contains(term) {
                if !text.isEmpty { text.append(0x20) }
                text += term
                written.append(term)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The sound-alike term of a folded word.
    static func soundTerm(_ word: [UInt8]) -> [UInt8] {
        [0x39] + Phonetic.code(word)
    }
}
