import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesMatching

@Suite("Names made comparable")
struct NormalisationTests {
    func words(_ text: String) -> [String] {
        NameFolding.words(text).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("case, accents and punctuation go; apostrophes join")
    func folding() {
        #expect(words("José Núñez-García") == ["jose", "nunez", "garcia"])
        #expect(words("O'Brien") == ["obrien"])
        #expect(words("  ZOË   Ærøskøbing ") == ["zoe", "aeroskobing"])
        #expect(words("Straße") == ["strasse"])
    }

    @Test("particles are not surnames; generation suffixes are kept apart")
    func surnames() {
        let cruz = FoldedName(first: "María", last: "de la Cruz")
        #expect(cruz.surnames == [Array("cruz".utf8)])
        let junior = FoldedName(first: "Robert", last: "Jackson Jr.")
        #expect(junior.surnames == [Array("jackson".utf8)])
        #expect(junior.generation == 1)
        #expect(FoldedName(first: "Robert", middle: "III", last: "Jackson").generation == 4)
        // A surname that is only a particle is kept rather than lost.
        #expect(FoldedName(first: "Ana", last: "De").surnames == [Array("de".utf8)])
    }

    @Test("sound-alike keys join Spanish and English spellings, and keep different names apart")
    func phonetic() {
        func key(_ text: String) -> UInt64 { Phonetic.key(NameFolding.words(text)[0]) }
        #expect(key("Vásquez") == key("Vazquez"))
        #expect(key("Vásquez") == key("Basques"))
        #expect(key("Gonzalez") == key("Gonzales"))
        #expect(key("Yolanda") == key("Llolanda"))
        #expect(key("Jimenez") == key("Gimenez"))
        #expect(key("Hernández") != key("Fernández"))
        #expect(key("Lopez") != key("Perez"))
    }

    @Test("nicknames in English and Spanish name the same person")
    func nicknames() throws {
        let table = try Nicknames.bundled()
        func same(_ a: String, _ b: String) -> Bool {
            Nicknames.areSame(table.groups(of: NameFolding.words(a)[0]), table.groups(of: NameFolding.words(b)[0]))
        }
        #expect(same("Bob", "Robert"))
        #expect(same("Pepe", "José"))
        #expect(same("Lupe", "Guadalupe"))
        #expect(same("Chuy", "Jesús"))
        #expect(!same("Bob", "William"))
        #expect(!same("Zyx", "Zyx"))  // a name in no group is not its own nickname
    }

    /// Short folded words over a small alphabet, so that near-misses are common.
    static let word = Gen.character(in: "a"..."f").string(of: 0...8).map { Array($0.utf8) }

    @Test("Jaro-Winkler is symmetric, between 0 and 1, and 1 only for the same word")
    func jaroWinklerProperties() {
        forAll(zip(Self.word, Self.word), count: 2_000) { a, b in
            let score = StringSimilarity.jaroWinkler(a, b)
            #expect(score == StringSimilarity.jaroWinkler(b, a))
            #expect((0...1).contains(score))
            #expect((score == 1) == (a == b && !a.isEmpty))
        }
    }

    @Test("edit distance is symmetric, zero only for the same word, and one for one typo")
    func editDistanceProperties() {
        forAll(zip(Self.word, Self.word, Gen.int(in: 0...7), Gen.character(in: "a"..."z")), count: 2_000) { a, b, position, letter in
            let distance = StringSimilarity.editDistance(a, b, limit: 3)
            #expect(distance == StringSimilarity.editDistance(b, a, limit: 3))
            #expect((distance == 0) == (a == b))
            #expect(distance <= 4)
            var typo = a
            if typo.isEmpty { typo = [letter.asciiValue!] } else { typo[position % typo.count] = letter.asciiValue! }
            #expect(StringSimilarity.editDistance(a, typo, limit: 3) <= 1)
        }
        #expect(StringSimilarity.editDistance(Array("maria".utf8), Array("mraia".utf8)) == 1)  // neighbours swapped
    }
}
