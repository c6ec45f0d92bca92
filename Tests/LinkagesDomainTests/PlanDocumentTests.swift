import Foundation
import LinkagesDomain
import Testing

@Suite("A joint plan on paper")
struct PlanDocumentTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    static let document = PlanDocument(
        familyName: "Mitchell, Sarah",
        plan: CasePlan(familyId: 1, leadWorkerId: 1, goals: "Emma back in school; the kids safe at home.", createdAt: Date(timeIntervalSince1970: 0)),
        tasks: [
            PlanTask(planId: 1, title: "Child care for Jack | Lily", owner: .calworks, ownerWorkerId: 2, dueDate: today.adding(days: -1),
                     status: .inProgress, note: "Ask the provider about Saturdays."),
            PlanTask(planId: 1, title: "Home safety kit installed", owner: .provider, dueDate: nil, status: .notStarted),
        ],
        workerNames: [1: "Marcus Bell", 2: "Ana Ruiz"], today: today)

    @Test("a plan with a clash lists it before the tasks, with the hours of each task")
    func clashes() {
        var document = Self.document
        document.tasks = [
            PlanTask(id: 1, planId: 1, title: "Job club", kind: .welfareToWorkActivity, owner: .calworks, ownerWorkerId: 2,
                     time: try? TaskTime.parse("Mon,Wed,Fri 9:00-12:00").get()),
            PlanTask(id: 2, planId: 1, title: "Supervised visit", kind: .visit, owner: .childWelfare, ownerWorkerId: 1,
                     time: try? TaskTime.parse("Wed 10:00-11:00").get()),
        ]
        #expect(document.markdown.contains("""
            ## Clashes to resolve

            - **Welfare-to-Work hours clash with Child Welfare.** “Job club” (Mon,Wed,Fri 9:00-12:00) falls on “Supervised visit” \
            (Wed 10:00-11:00) on Wed. Move the Welfare-to-Work hours: the visit cannot move.
            """))
        #expect(document.markdown.contains("| no date | Supervised visit | Child Welfare, Marcus Bell | Wed 10:00-11:00 | not started |  |"))
        #expect(document.text.contains("What Child Welfare does:\n  no date  Supervised visit\n              Child Welfare, Marcus Bell · Wed 10:00-11:00 · not started\n"))
        // On paper the clash breaks under its bullet instead of running past the page's edge.
        #expect(document.text.contains("""
            Clashes to resolve:
              * Welfare-to-Work hours clash with Child Welfare. “Job club” (Mon,Wed,Fri
                9:00-12:00) falls on “Supervised visit” (Wed 10:00-11:00) on Wed. Move the
                Welfare-to-Work hours: the visit cannot move.
            """))
        #expect(document.text.split(separator: "\n").allSatisfy { $0.count <= PrintedText.pageWidth })
    }

    @Test("Markdown: the goals quoted, the tasks in a table, overdue ones marked, pipes kept out of the cells")
    func markdown() {
        #expect(Self.document.markdown == """
            # Joint case plan: Mitchell, Sarah

            Lead worker: Marcus Bell. Printed 11/23/2026.

            ## The family's goals

            > Emma back in school; the kids safe at home.

            ## What CalWORKs does

            | Due | Task | Owner | Hours | Status | Note |
            | --- | --- | --- | --- | --- | --- |
            | 11/22/2026 | Child care for Jack / Lily | CalWORKs, Ana Ruiz |  | OVERDUE | Ask the provider about Saturdays. |

            ## The family's and providers' part

            | Due | Task | Owner | Hours | Status | Note |
            | --- | --- | --- | --- | --- | --- |
            | no date | Home safety kit installed | Provider |  | not started |  |

            """)
    }

    @Test("plain text reads on paper")
    func text() {
        #expect(Self.document.text.hasPrefix("Joint case plan: Mitchell, Sarah\n================================\n"))
        #expect(Self.document.text.contains(
            "  11/22/2026  Child care for Jack | Lily\n              CalWORKs, Ana Ruiz · OVERDUE\n              Note: Ask the provider about Saturdays.\n"))
    }
}
