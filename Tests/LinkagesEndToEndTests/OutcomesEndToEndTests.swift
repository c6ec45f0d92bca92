import Foundation
import LinkagesTestSupport
import Testing

/// The outcomes dashboard in a real terminal, as a program manager would try it.
@Suite("Outcomes in a terminal", .serialized)
struct OutcomesEndToEndTests {
    @Test("a supervisor reads the year's measures, splits the closed-loop rate by race, then looks at six months",
          arguments: [(80, 24, false), (100, 30, true)])
    func dashboard(width: Int, height: Int, noColor: Bool) throws {
        let s = try TmuxSession(arguments: ["demo", "--as", "Robert Chen"], width: width, height: height,
                                environment: noColor ? ["NO_COLOR": "1"] : [:])
        try #require(s.waitFor("What do you want to do?"), "\(s.capture())")
        s.send("o")
        try #require(s.waitFor("Closed-loop rate"), "\(s.capture())")
        #expect(s.waitFor("72.4% (176 of 243)"), "\(s.capture())")
        let bars = s.capture()
        #expect(noColor ? bars.contains("############....") && !bars.contains("█") : bars.contains("███"), "\(bars)")

        s.send("Down", "Down", "Down", "d")
        try #require(s.waitFor("Closed-loop rate by race/ethnicity"), "\(s.capture())")
        #expect(s.waitFor("Black                   65.1% (28 of 43)"), "\(s.capture())")
        #expect(s.waitFor("0.90×"), "\(s.capture())")

        s.send("Right")
        #expect(s.waitFor("Last 6 months · 06/01/2026–11/23/2026"), "\(s.capture())")
        s.send("Escape")
        #expect(s.waitFor("Mutual families staffed"), "\(s.capture())")
        for _ in 0..<3 where !s.waitFor("What do you want to do?", timeout: 1) {
            s.send("Escape")
        }
        s.send("q")
        #expect(s.exitStatus() == 0, "\(s.capture())")
        #expect(s.terminalSettingsRestored)
    }
}
