import Foundation
import LinkagesDomain
import LinkagesTUI
import LinkagesTestSupport
import PropertyBased
import PropertyTesting
import Testing

/// The key notation of walkthrough scripts, and the errors a trainer sees for a bad script.
@Suite("Walkthrough scripts")
struct KeyScriptTests {
    static let named: [Key] = [.tab, .backTab, .enter, .escape, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                               .backspace, .delete, .ctrl("s"), .ctrl("o"), .function(2), .function(12)]

    @Test("keys, dates and typed text read as a trainer writes them")
    func reads() throws {
        let script = try KeyScript(parsing: "ab<Tab><C-s><today-74d-32y> <lt>")
        #expect(script.keys(today: Fixtures.today) == [.char("a"), .char("b"), .tab, .ctrl("s")] + "09/10/1994".map { .char($0) }
                + [.char(" "), .char("<")])
        #expect(try KeyScript(parsing: "<today+8>").keys(today: Fixtures.today) == "12/01/2026".map { .char($0) })
        #expect(throws: KeyScriptError(column: 3, reason: "<Tabb> is not a key this script knows")) { try KeyScript(parsing: "ab<Tabb>") }
        #expect(throws: KeyScriptError(column: 2, reason: "a '<' is never closed with '>'; type a '<' itself as <lt>")) {
            try KeyScript(parsing: "a<Tab")
        }
        #expect(throws: KeyScriptError.self) { try KeyScript(parsing: "a\nb") }
    }

    /// Found by the walkthrough fuzz harness: `<today+99999y>` stopped `linkages train` at the
    /// presenter's "show me" key, past the calendar's year 9999.
    @Test("a date moved further than 200 years is refused when the script is read, not when it is played")
    func farDates() throws {
        #expect(try KeyScript(parsing: "<today+200y>").keys(today: Fixtures.today) == "11/23/2226".map { .char($0) })
        #expect(try KeyScript(parsing: "<today-100y-600m>").keys(today: Fixtures.today) == "11/23/1876".map { .char($0) })
        let reason = "<today+99999y> is not a date this script can type: move today by days, months or years (<today-74d-32y>), at most 200 years in all"
        #expect(throws: KeyScriptError(column: 2, reason: reason)) { try KeyScript(parsing: "a<today+99999y>") }
        #expect(throws: KeyScriptError.self) { try KeyScript(parsing: "<today+200y+1d>") }
        #expect(throws: KeyScriptError.self) { try KeyScript(parsing: "<today-99999d>") }
    }

    @Test("any keys written in the notation read back as the same keys")
    func roundTrip() {
        let characters = Array("abcXYZ019 <>-/,.:éñÑ“”")
        forAll(Gen.int(in: 0...Int(Int32.max))) { seed in
            var state = UInt64(seed) | 1
            var keys: [Key] = []
            for _ in 0..<(seed % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(state >> 33)
                keys.append(pick % 3 == 0 ? Self.named[pick % Self.named.count] : .char(characters[pick % characters.count]))
            }
            let notation = KeyScript.notation(for: keys)
            #expect((try? KeyScript(parsing: notation))?.keys(today: Fixtures.today) == keys, "\(notation)")
        }
    }

    @Test("a bad script is refused with the file, the step and the field")
    func badScripts() {
        func problem(_ json: String) -> String? {
            do {
                _ = try Walkthrough.load(Data(json.utf8), file: "case.json")
                return nil
            } catch {
                return String(describing: error)
            }
        }
        #expect(problem(#"{"title": "T", "steps": []}"#) == "case.json: the script has no steps")
        #expect(problem(#"{"title": "T", "steps": [{"id": "a", "title": "A"}, {"id": "b", "title": "B", "play": "x<Tabb>"}]}"#)
                == "case.json: step 2, play: column 2: <Tabb> is not a key this script knows")
        #expect(problem(#"{"title": "T", "steps": [{"id": "a"}]}"#) == "case.json: step 1, title: this field is missing")
        #expect(problem(#"{"title": "T", "steps": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]}"#)
                == "case.json: step 2 (\"a\"), id: every step needs an id of its own")
        #expect(problem(#"{"title": "T", "steps": [{"id": "a", "title": "A", "play": "x"}]}"#)?.contains("keys: a step that plays keys") == true)
        #expect(problem(#"{"title": "T", "steps": [{"id": "a", "title": "A", "questions": [{"question": "Q", "answers": [1]}]}]}"#)?
                .hasPrefix("case.json: step 1, question 1, answer 1:") == true)
    }
}
