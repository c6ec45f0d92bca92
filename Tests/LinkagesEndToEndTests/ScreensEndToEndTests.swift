import Foundation
import LinkagesTestSupport
import Testing

/// The built `linkages` binary in a real terminal (tmux): keys in, screen text out.
@Suite("Linkages in a terminal", .serialized)
struct ScreensEndToEndTests {
    func startDemo(width: Int = 80, height: Int = 24, environment: [String: String] = [:], as worker: String? = nil) throws -> TmuxSession {
        let session = try TmuxSession(arguments: ["demo"] + (worker.map { ["--as", $0] } ?? []), width: width, height: height,
                                      environment: environment)
        #expect(session.waitFor("What do you want to do?"), "home screen never appeared:\n\(session.capture())")
        return session
    }

    func expectRestored(_ session: TmuxSession, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(session.exitStatus() == status, "screen:\n\(session.capture())", sourceLocation: sourceLocation)
        #expect(session.paneValue("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(session.paneValue("#{cursor_flag}") == "1", "cursor left hidden", sourceLocation: sourceLocation)
        #expect(session.terminalSettingsRestored, "stty settings differ after exit", sourceLocation: sourceLocation)
        #expect(!session.capture().contains("What do you want to do?"), sourceLocation: sourceLocation)
    }

    @Test("every screen opens at 80×24 with demo data, and q leaves a sane terminal")
    func everyScreen() throws {
        let s = try startDemo()
        #expect(s.waitFor("Families known to Linkages"))
        s.send("i")
        #expect(s.waitFor("ER referrals open now · 27 families"), "\(s.capture())")
        #expect(s.waitFor("Mitchell, Sarah"))
        s.send("Escape")
        #expect(s.waitFor("What do you want to do?"))
        s.send("l")
        #expect(s.waitFor("Finds nicknames"))
        s.type("José Núñez")
        #expect(s.waitFor("Núñez-García, José"), "\(s.capture())")
        s.send("Down", "Enter")
        #expect(s.waitFor("Open Child Welfare case: Family Reunification"), "\(s.capture())")
        s.send("PageDown")
        #expect(s.waitFor("Guadalupe Núñez-García"), "\(s.capture())")
        s.send("q", "Escape")
        #expect(s.waitFor("What do you want to do?"))
        s.send("r")
        #expect(s.waitFor("open referrals"), "\(s.capture())")
        s.send("q", "p")
        #expect(s.waitUntil { $0.contains("Linkages ▸ Case plans") && $0.contains("OVERDUE") }, "\(s.capture())")
        s.send("Enter")
        #expect(s.waitFor("Goals: “"), "\(s.capture())")
        s.send("?")
        #expect(s.waitFor("Keys for Plan:"), "\(s.capture())")
        s.send("Escape", "q", "q", "q")
        expectRestored(s, status: 0)
    }

    @Test("a nickname typed without accents and misspelt still finds the family, and the screen says why")
    func fuzzyLookup() throws {
        let s = try startDemo()
        s.send("l")
        #expect(s.waitFor("Finds nicknames"))
        s.type("pepe nunes")
        #expect(s.waitFor("Núñez-García, José"), "\(s.capture())")
        // The first person found is Child Welfare's record, written without accents.
        #expect(s.waitFor("Why: Jose Nunez Garcia, Child Welfare"), "\(s.capture())")
        #expect(s.waitFor("“pepe” is a nickname for Jose (first name); “nunes” sounds like Nunez"), "\(s.capture())")
        s.send("Escape")
        #expect(s.waitFor("What do you want to do?"))
        s.send("q")
        expectRestored(s, status: 0)
    }

    @Test("the match review queue: both records side by side, blind mode, and a decision")
    func matchReview() throws {
        let s = try startDemo(as: "Robert Chen")
        s.send("m")
        #expect(s.waitFor("Pair 1 of 1 waiting · match probability"), "\(s.capture())")
        #expect(s.waitFor("Luis Alberto Hernandez") && s.waitFor("Luis Hernández"), "\(s.capture())")
        #expect(s.waitFor("birth date"), "\(s.capture())")
        s.send("b")
        #expect(s.waitFor("score hidden (blind review)"), "\(s.capture())")
        s.send("x")
        #expect(s.waitFor("This pair will not be suggested again."), "\(s.capture())")
        #expect(s.waitFor("No pair is waiting for review."), "\(s.capture())")
        s.send("Escape", "q")
        expectRestored(s, status: 0)
    }

    @Test("a crash restores the terminal and says one plain line")
    func crash() throws {
        let s = try startDemo()
        s.send("l")
        #expect(s.waitFor("Finds nicknames"))
        let pid = try #require(s.programPID)
        try ChildProcess.run(["kill", "-SEGV", String(pid)])
        expectRestored(s, status: 139)
        #expect(s.capture().contains("Linkages stopped because of an internal error"))
    }

    @Test("with no locale set at all, names still show their accents")
    func noLocaleSet() throws {
        let s = try startDemo(environment: ["LANG": "", "LC_ALL": "", "LC_CTYPE": ""])
        s.send("l")
        s.type("nunez")
        #expect(s.waitFor("Núñez-García, José"), "\(s.capture())")
        s.send("C-c")
        expectRestored(s, status: 0)
    }

    @Test("accented names line up in columns")
    func accentedColumns() throws {
        let s = try startDemo()
        s.send("l")
        s.type("nunez")
        #expect(s.waitFor("Núñez-García, José"))
        let rows = s.capture().split(separator: "\n").filter { $0.contains("[CW]") || $0.contains("[CWS]") }
        let recordColumns = Set(rows.map { row in row.distance(from: row.startIndex, to: row.range(of: "[C")!.lowerBound) })
        #expect(rows.count >= 2)
        #expect(recordColumns.count == 1, "the Records column moves between rows:\n\(rows.joined(separator: "\n"))")
        s.send("C-c")
        expectRestored(s, status: 0)
    }

    @Test("at 200×50 and through resizes, down to too small and back")
    func resizes() throws {
        let s = try startDemo(width: 200, height: 50)
        s.send("l")
        s.type("sarah")
        #expect(s.waitFor("Mitchell, Sarah"))
        s.resize(width: 80, height: 24)
        #expect(s.waitUntil { $0.contains("Mitchell, Sarah") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } })
        s.resize(width: 60, height: 20)
        #expect(s.waitFor("needs a window of at least 80×24"), "\(s.capture())")
        s.resize(width: 120, height: 40)
        #expect(s.waitFor("Mitchell, Sarah"), "\(s.capture())")
        s.type("x")
        #expect(s.waitFor("sarahx"))
        s.send("Escape", "q")
        expectRestored(s, status: 0)
    }

    @Test("SIGHUP, SIGTERM and SIGINT mid-screen restore the terminal", arguments: [
        ("HUP", Int32(129)), ("TERM", Int32(143)), ("INT", Int32(130)),
    ])
    func signals(signal: String, status: Int32) throws {
        let s = try startDemo()
        s.send("l")
        s.type("sar")
        #expect(s.waitFor("Mitchell, Sarah"))
        let pid = try #require(s.programPID)
        try ChildProcess.run(["kill", "-\(signal)", String(pid)])
        expectRestored(s, status: status)
    }

    @Test("a signal on each of the other screens restores the terminal too", arguments: [
        (["r"], "Linkages ▸ Referrals", "HUP", Int32(129)),
        (["p"], "Linkages ▸ Case plans", "TERM", Int32(143)),
        (["c"], "Linkages ▸ Changes from the other program", "INT", Int32(130)),
        (["d"], "Linkages ▸ Intake drafts", "HUP", Int32(129)),
        (["m"], "Linkages ▸ Match review", "TERM", Int32(143)),
        (["a"], "Linkages ▸ Staffing agenda", "INT", Int32(130)),
        (["e"], "Linkages ▸ Flagged for review", "HUP", Int32(129)),
        (["o"], "Closed-loop rate", "TERM", Int32(143)),
        (["i", "n"], "Linkages ▸ Intake", "INT", Int32(130)),
    ])
    func signalsOnEveryScreen(keys: [String], shows: String, signal: String, status: Int32) throws {
        let s = try startDemo(as: "Robert Chen")
        for key in keys { s.send(key) }
        try #require(s.waitFor(shows), "\(s.capture())")
        let pid = try #require(s.programPID)
        try ChildProcess.run(["kill", "-\(signal)", String(pid)])
        expectRestored(s, status: status)
    }

    /// The steps to a screen deeper in, as a supervisor: a tmux key name, `type:` text to type, or
    /// `=` text the screen must show before the next step (a list's "1 of" once it has loaded).
    static let toSarah = ["l", "type:sarah", "=Mitchell, Sarah", "Tab", "Enter", "=Linkages ▸ Mitchell, Sarah"]

    @Test("a signal deeper in (a family, a plan, a referral, every form) restores the terminal too", arguments: [
        (toSarah, "=CalWORKs", "HUP", Int32(129)),
        (toSarah + ["p"], "=Linkages ▸ Plan: Mitchell, Sarah", "TERM", Int32(143)),
        (toSarah + ["p", "=Linkages ▸ Plan:", "w"], "=Linkages ▸ New plan: Mitchell, Sarah", "INT", Int32(130)),
        (toSarah + ["p", "=Linkages ▸ Plan:", "m", "=Linkages ▸ Team meetings:", "n"], "=Linkages ▸ CFT meeting: Mitchell, Sarah", "HUP", Int32(129)),
        (toSarah + ["n"], "=Linkages ▸ New referral: Mitchell, Sarah", "TERM", Int32(143)),
        (toSarah + ["s"], "=Linkages ▸ Release: Mitchell, Sarah", "INT", Int32(130)),
        (toSarah + ["c"], "=Linkages ▸ Tell CalWORKs: Mitchell, Sarah", "HUP", Int32(129)),
        (["r", "=1 of ", "Enter"], "=Linkages ▸ Referral:", "TERM", Int32(143)),
        (["p", "=1 of ", "Enter", "=Linkages ▸ Plan:", "=Enter change", "n"], "=Linkages ▸ New task:", "INT", Int32(130)),
        (["a", "=1 of ", "v"], "=Linkages ▸ Staffed:", "HUP", Int32(129)),
    ])
    func signalsDeeperIn(steps: [String], shows: String, signal: String, status: Int32) throws {
        let s = try startDemo(as: "Robert Chen")
        for step in steps + [shows] {
            if step.hasPrefix("=") {
                try #require(s.waitFor(String(step.dropFirst())), "\(s.capture())")
            } else if step.hasPrefix("type:") {
                s.type(String(step.dropFirst(5)))
            } else {
                s.send(step)
            }
        }
        let pid = try #require(s.programPID)
        try ChildProcess.run(["kill", "-\(signal)", String(pid)])
        expectRestored(s, status: status)
    }
}

@Suite("Starting with bad settings", .serialized)
struct StartupErrorsEndToEndTests {
    /// Runs `linkages` in a terminal and returns its status and what it printed (wrapped lines joined).
    func run(_ arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> (Int32?, [String]) {
        let s = try TmuxSession(arguments: arguments, width: width, height: height, environment: environment)
        let status = s.exitStatus()
        let lines = ((try? s.tmux(["capture-pane", "-p", "-J"])) ?? "").split(separator: "\n").map(String.init)
        return (status, lines)
    }

    @Test("a --db path that does not exist")
    func missingDatabase() throws {
        let (status, lines) = try run(["--db", "/nonexistent/folder/county.sqlite"])
        #expect(status == 1)
        #expect(lines == ["linkages: no database at /nonexistent/folder/county.sqlite; run 'linkages init --db /nonexistent/folder/county.sqlite' to create an empty one, or 'linkages demo --db /nonexistent/folder/county.sqlite' for a demo"])
    }

    @Test("a file that is not a database")
    func corruptDatabase() throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("broken.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let (status, lines) = try run(["--db", path])
        #expect(status == 1)
        #expect(lines == ["linkages: \(path) is not a Linkages database, or it is damaged; restore it from a backup or choose another --db path"])
    }

    @Test("a terminal smaller than 80×24")
    func tinyTerminal() throws {
        let (status, lines) = try run(["demo"], width: 60, height: 20)
        #expect(status == 1)
        #expect(lines == ["linkages: this terminal is 60×20; Linkages needs at least 80×24; make the window larger and try again"])
    }

    @Test("TERM=dumb, TERM unset, and a locale that is not UTF-8")
    func terminalAndLocale() throws {
        let (dumbStatus, dumb) = try run(["demo"], environment: ["TERM": "dumb"])
        #expect(dumbStatus == 1)
        #expect(dumb == ["linkages: this terminal (TERM=dumb) cannot draw screens; use a terminal such as xterm, or set TERM=xterm-256color"])
        let (unsetStatus, unset) = try run(["demo"], environment: ["TERM": ""])
        #expect(unsetStatus == 1)
        #expect(unset == ["linkages: TERM is not set, so Linkages cannot draw screens; set it (for example TERM=xterm-256color) and try again"])
        let (localeStatus, locale) = try run(["demo"], environment: ["LANG": "C"])
        #expect(localeStatus == 1)
        #expect(locale == ["linkages: Linkages needs a UTF-8 locale to show names like José Núñez-García (the locale is 'C'); set LANG=C.UTF-8 and try again"])
    }
}
