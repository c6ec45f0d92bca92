import Foundation
import LinkagesTestSupport
import Testing

/// Sarah's joint case plan built through the real screens, in tmux at 80×24.
@Suite("Joint plans in a terminal", .serialized)
struct PlanEndToEndTests {
    @Test("the ER worker starts Sarah's plan, adds CalWORKs and Child Welfare tasks, sees the clash and fixes it")
    func sarahsJointPlan() throws {
        let s = try TmuxSession(arguments: ["demo"], width: 80, height: 24)
        #expect(s.waitFor("What do you want to do?"), "\(s.capture())")
        s.send("l")
        s.type("sarah mitchell")
        #expect(s.waitFor("Mitchell, Sarah"), "\(s.capture())")
        for _ in 0..<6 where !s.waitFor("Linkages ▸ Mitchell, Sarah", timeout: 1.5) {
            s.send("Enter")
        }
        #expect(s.waitFor("p joint plan"), "\(s.capture())")
        s.send("p")
        #expect(s.waitFor("This family has no joint case plan yet"), "\(s.capture())")
        s.send("w")
        #expect(s.waitFor("Lead worker"), "\(s.capture())")
        s.type("Keep my kids safe and get Emma back to school.")
        s.send("Tab")
        s.type("m")
        s.send("Enter")
        #expect(s.waitFor("Goals: “Keep my kids safe"), "\(s.capture())")

        func addTask(_ values: [String?]) {
            s.send("n")
            #expect(s.waitFor("When it takes the family's time"), "\(s.capture())")
            for (index, value) in values.enumerated() {
                if let value { s.type(value) }
                if index < values.count - 1 { s.send("Tab") }
            }
            s.send("Enter")
        }
        addTask(["Child care so Emma can return to school", "s", "c", "a", "12/01/2026"])
        #expect(s.waitFor("Added “Child care so Emma can return to school”."), "\(s.capture())")
        addTask(["Employment services orientation", "w", "c", "a", "12/15/2026", "Mon-Fri 9:00-12:00"])
        #expect(s.waitFor("Added “Employment services orientation”."), "\(s.capture())")
        addTask(["Home safety visit", "v", "cc", nil, "12/10/2026", "Tue 10:00-11:00"])
        #expect(s.waitFor("⚠ 1 clash in this plan"), "\(s.capture())")
        #expect(s.waitFor("Welfare-to-Work hours clash with Child Welfare"), "\(s.capture())")
        addTask(["Recovery support group", "ss", "f", nil, nil, "Thu 18:00-19:30"])
        #expect(s.waitFor("Family and providers"), "\(s.capture())")

        // The orientation is the second CalWORKs task: move it off Tuesday.
        s.send("Home", "Down", "Enter")
        #expect(s.waitFor("Employment services orientation"), "\(s.capture())")
        for _ in 0..<5 { s.send("Tab") }
        s.send("C-u")
        s.type("Mon,Wed,Fri 9:00-12:00")
        s.send("Enter")
        #expect(s.waitFor("Saved “Employment services orientation”."), "\(s.capture())")
        #expect(s.waitUntil { !$0.contains("clash") && $0.contains("CalWORKs [CW]") }, "\(s.capture())")
        s.send("Escape", "Escape", "Escape", "q")
        #expect(s.exitStatus() == 0, "\(s.capture())")
    }
}
