import LinkagesDomain
import PropertyBased
import PropertyTesting
import Testing

@Suite("Plain text for paper")
struct PrintedTextTests {
    @Test("a long line breaks at spaces under its indent; a short one stays whole")
    func breaksAtSpaces() {
        #expect(PrintedText.wrap("Find a place of our own.", firstIndent: "  ", indent: "   ") == ["  Find a place of our own."])
        #expect(PrintedText.wrap("one two three four", firstIndent: "* ", indent: "  ", width: 10) == ["* one two", "  three", "  four"])
        #expect(PrintedText.wrap("abcdefghij", firstIndent: "- ", indent: "  ", width: 6) == ["- abcd", "  efgh", "  ij"])
        #expect(PrintedText.wrap("Ruiz, Ana  (score 40)", firstIndent: "1. ", indent: "   ") == ["1. Ruiz, Ana  (score 40)"])
        #expect(PrintedText.wrap("Ruiz, Ana  (score 40)", firstIndent: "", indent: " ", width: 10) == ["Ruiz, Ana", " (score", " 40)"])
    }

    @Test("any text: no line is wider than the page, and the words come back in order")
    func property() {
        let word = Gen.oneOf(Gen.letter, Gen.always("é"), Gen.always("·"), Gen.always("“")).string(of: 1...30)
        let indent = Gen.int(in: 0...8).map { String(repeating: " ", count: $0) }
        forAll(zip(word.array(of: 0...40), indent, indent, Gen.int(in: 10...100)), count: 500) { words, first, rest, width in
            let lines = PrintedText.wrap(words.joined(separator: " "), firstIndent: first, indent: rest, width: width)
            #expect(lines.allSatisfy { $0.count <= width }, "\(lines) \(width)")
            #expect(lines.first?.hasPrefix(first) == true && lines.dropFirst().allSatisfy { $0.hasPrefix(rest) })
            let text = lines.enumerated().map { index, line in line.dropFirst(index == 0 ? first.count : rest.count) }
            #expect(text.joined(separator: " ").split(separator: " ").joined() == words.joined())
        }
    }
}
