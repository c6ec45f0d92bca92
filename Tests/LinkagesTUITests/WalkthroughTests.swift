import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTUI
import LinkagesTestSupport
import Testing

/// The trainer's walkthrough over the real screens, driven with the presenter keys.
@Suite("Trainer walkthrough")
struct WalkthroughTests {
    static let next = Key.function(8), showMe = Key.function(6), reveal = Key.function(9), reset = Key.function(4)

    /// Steps through the whole script: each step's title shows in the panel, and after its keys
    /// are played the screen shows what the step expects.
    static func runThrough(_ d: inout ScreenDriver, _ walkthrough: Walkthrough) {
        for (index, step) in walkthrough.steps.enumerated() {
            if index > 0 { d.press(next) }
            #expect(d.screen.contains("Step \(index + 1) of \(walkthrough.steps.count)"), "\(step.id):\n\(d.screen)")
            if step.play != nil {
                d.press(showMe)
                if let expected = step.expect {
                    #expect(d.screen.contains(expected), "step \(step.id) expected “\(expected)”:\n\(d.screen)")
                }
            }
            for _ in step.answers { d.press(reveal) }
            if let last = step.answers.last {
                #expect(d.screen.contains(String(last.prefix(30))), "\(step.id):\n\(d.screen)")
            }
        }
    }

    @Test("Sarah's Story runs from start to end with the presenter keys, at 80×24 and 200×50",
          arguments: [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func sarahsStory(size: Size) throws {
        var (d, walkthrough, _, _) = try Self.driver(size: size)
        Self.runThrough(&d, walkthrough)
    }

    /// The screens on a fresh training database as the demo's trainer, with a shipped script.
    static func driver(
        _ script: String = "sarahs-story.json", size: Size = Size(width: 80, height: 24)
    ) throws -> (ScreenDriver, Walkthrough, AppDatabase, TrainingSnapshot) {
        let walkthrough = try Fixtures.walkthrough(script)
        let (database, snapshot) = try Fixtures.trainingDatabase()
        let trainer = try Fixtures.worker(named: "Karen López", in: database)
        let d = ScreenDriver(database: database, size: size, worker: trainer, databaseKind: .training, walkthrough: walkthrough,
                             resetTraining: { try database.restore(snapshot) })
        return (d, walkthrough, database, snapshot)
    }

    @Test("back, the step list and a step without keys behave as a presenter expects")
    func presenterKeys() throws {
        var (d, walkthrough, _, _) = try Self.driver()
        #expect(d.screen.contains("Step 1 of \(walkthrough.steps.count) · What this session covers"))
        d.press(Self.showMe)
        #expect(d.state.message == "This step is for talking: there are no keys to show.")
        d.press(Self.next, Self.next, .function(7))
        #expect(d.state.walkthrough?.stepIndex == 1)
        d.press(.function(5))
        #expect(d.screen.contains("Steps of \(walkthrough.title)"))
        d.press(.char("x"))
        #expect(d.state.message?.contains("Choose a step") == true)
        d.press(.end, .enter)
        #expect(d.state.walkthrough?.stepIndex == walkthrough.steps.count - 1)
        #expect(!d.screen.contains("Steps of"))
        d.press(Self.next)
        #expect(d.state.message?.contains("This is the last step") == true)
        // Answers come one at a time and the step remembers none of them once left.
        d.press(.function(5), .home, .down, .down, .enter, Self.reveal)
        #expect(d.state.walkthrough?.revealed == 1)
        #expect(d.screen.contains("Safety at home"))
        #expect(!d.screen.contains("Emma misses school"))
        d.press(Self.next, .function(7))
        #expect(d.state.walkthrough?.revealed == 0)
    }

    @Test("? lists the presenter keys after the screen's own while a walkthrough runs, and not otherwise")
    func presenterKeysInHelp() throws {
        var (d, _, _, _) = try Self.driver(size: Size(width: 100, height: 40))
        d.press(.char("?"))
        // The presenter's keys come after the home screen's own: scroll to them.
        for _ in 0..<20 where !d.screen.contains("Walkthrough: the next step.") { d.press(.down) }
        #expect(d.screen.contains("F8") && d.screen.contains("Walkthrough: the next step."))
        for _ in 0..<20 where !d.screen.contains("Walkthrough: put the training database back") { d.press(.down) }
        #expect(d.screen.contains("Walkthrough: put the training database back"))
        var plain = ScreenDriver(database: DemoFixture.database, size: Size(width: 100, height: 40))
        plain.press(.char("?"))
        #expect(plain.screen.contains("Keys for") && !plain.screen.contains("Walkthrough:"))
    }

    @Test("a key pressed while a step is shown stops the rest, and does nothing else")
    func keyStopsPlaying() throws {
        var (d, _, _, _) = try Self.driver()
        d.press(.function(5), .home)
        for _ in 0..<4 { d.press(.down) }
        d.press(.enter)
        #expect(d.state.walkthrough?.step.id == "intake-referral")
        // The driver would play every key at once: ask the core for the first key only.
        var state = d.state
        _ = App.update(&state, .key(Self.showMe))
        _ = App.update(&state, .playNextKey)
        #expect(state.isPlaying)
        _ = App.update(&state, .key(.char("q")))
        #expect(!state.isPlaying)
        #expect(state.message == "Stopped: the rest of the step's keys were not pressed.")
        #expect(state.stack.count > 1, "q must not have closed the screen")
    }

    @Test("reset asks first, then puts the database and the walkthrough back to the start")
    func reset() throws {
        var (d, walkthrough, database, _) = try Self.driver()
        let families = try database.homeSummary(on: Fixtures.today).familyCount
        for _ in 0..<10 { d.press(Self.next) }
        #expect(d.state.walkthrough?.step.id == "team-meeting")
        d.press(Self.showMe)
        #expect(d.screen.contains("Ana Ruiz"))
        d.press(Self.reset)
        #expect(d.screen.contains("Put the training database back"))
        d.press(.char("n"))
        #expect(d.state.walkthrough?.step.id == "team-meeting")
        d.press(Self.reset, .char("y"))
        #expect(d.state.message == "The training database is back at the start.")
        #expect(d.state.stack.count == 1)
        #expect(d.screen.contains("Step 1 of \(walkthrough.steps.count)"))
        let sarah = try #require(try database.searchFamilies("Sarah Mitchell", on: Fixtures.today).first)
        #expect(try database.familyDetail(id: sarah.id, on: Fixtures.today)?.meetings.isEmpty == true)
        #expect(try database.homeSummary(on: Fixtures.today).familyCount == families)
    }

    @Test("reset on a database that is not for training is refused in words")
    func resetRefused() throws {
        let walkthrough = try Fixtures.walkthrough("sarahs-story.json")
        var d = ScreenDriver(database: DemoFixture.database, walkthrough: walkthrough)
        d.press(Self.reset, .char("y"))
        #expect(d.screen.contains("Only a training database can be reset."))
    }

    @Test("every shipped script fits the panel at 80×24 and at 200×50", arguments: ["sarahs-story.json", "jose-reunification.json"])
    func scriptsFit(name: String) throws {
        let walkthrough = try Fixtures.walkthrough(name)
        #expect(walkthrough.stepsTooLong(for: Size(width: 80, height: 24)).map(\.id) == [])
        #expect(walkthrough.stepsTooLong(for: Size(width: 200, height: 50)).map(\.id) == [])
    }

    @Test("the short second case study runs from start to end", arguments: [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func secondCase(size: Size) throws {
        var (d, walkthrough, _, _) = try Self.driver("jose-reunification.json", size: size)
        Self.runThrough(&d, walkthrough)
    }

    @Test("goldens: a step with the outcome beside the panel at 200×50 and below it at 80×24")
    func goldens() throws {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 50)] {
            var (d, walkthrough, _, _) = try Self.driver(size: size)
            // A step that goes on from the last one refuses to start anywhere else.
            d.press(.function(5), .home)
            for _ in 0..<8 { d.press(.down) }
            d.press(.enter, Self.showMe)
            #expect(d.state.message?.contains("starts on the “Intake” screen") == true)
            d.press(.function(5), .home, .enter)
            for step in walkthrough.steps.prefix(9) {
                if step.play != nil { d.press(Self.showMe) }
                if step.id != "intake-strengths" { d.press(Self.next) }
            }
            #expect(d.state.walkthrough?.step.id == "intake-strengths")
            Golden.check(d.screen, named: "training-outcome-\(size.width)x\(size.height)")
        }
    }
}
