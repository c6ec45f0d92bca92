import Foundation
import LinkagesTUI
import LinkagesTestSupport
import Testing

/// `linkages train` as a trainer uses it in a room: the whole walkthrough with the presenter
/// keys, a reset, and the whole walkthrough again, in a laptop's window and a projector's.
@Suite("Training in a terminal", .serialized)
struct TrainingEndToEndTests {
    @Test("Sarah's Story twice in a row with a reset between", arguments: [(80, 24), (200, 50)])
    func sarahsStoryTwice(width: Int, height: Int) throws {
        let walkthrough = try Fixtures.walkthrough("sarahs-story.json")
        let s = try TmuxSession(arguments: ["train", "--pace", "2"], width: width, height: height)
        let count = walkthrough.steps.count
        #expect(s.waitFor("Step 1 of \(count)", timeout: 30), "\(s.capture())")
        #expect(s.capture().split(separator: "\n").first?.contains("TRAINING") == true)
        for run in 1...2 {
            for (index, step) in walkthrough.steps.enumerated() {
                if index > 0 { s.send("F8") }
                #expect(s.waitFor("Step \(index + 1) of \(count)"), "run \(run), \(step.id):\n\(s.capture())")
                if step.play != nil {
                    s.send("F6")
                    let expected = try #require(step.expect)
                    // Once Linkages has pressed the last of the step's keys, F6 offers to show it again.
                    #expect(s.waitUntil(timeout: 30) { $0.contains(expected) && $0.contains("F6 show again") },
                            "run \(run), step \(step.id) expected “\(expected)”:\n\(s.capture())")
                }
                if let last = step.answers.last {
                    for _ in step.answers { s.send("F9") }
                    #expect(s.waitFor(String(last.prefix(24))), "run \(run), \(step.id):\n\(s.capture())")
                }
            }
            s.send("F4")
            #expect(s.waitFor("Put the training database back"), "\(s.capture())")
            s.send("y")
            #expect(s.waitFor("The training database is back at the start."), "\(s.capture())")
            #expect(s.waitFor("Step 1 of \(count)"), "\(s.capture())")
        }
        // The step list jumps straight to a step.
        s.send("F5")
        #expect(s.waitFor("Steps of \(walkthrough.title)"), "\(s.capture())")
        s.send("End", "Enter")
        #expect(s.waitFor("Step \(count) of \(count)"), "\(s.capture())")
        s.send("q")
        #expect(s.exitStatus() == 0, "\(s.capture())")
    }
}
