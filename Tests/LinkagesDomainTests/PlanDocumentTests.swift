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
                     status: .inProgress),
            PlanTask(planId: 1, title: "Home safety kit installed", owner: .provider, dueDate: nil, status: .notStarted),
        ],
        workerNames: [1: "Marcus Bell", 2: "Ana Ruiz"], today: today)

    @Test("Markdown: the goals quoted, the tasks in a table, overdue ones marked, pipes kept out of the cells")
    func markdown() {
        #expect(Self.document.markdown == """
            # Joint case plan: Mitchell, Sarah

            Lead worker: Marcus Bell. Printed 11/23/2026.

            ## The family's goals

            > Emma back in school; the kids safe at home.

            ## Tasks

            | Due | Task | Owner | Status |
            | --- | --- | --- | --- |
            | 11/22/2026 | Child care for Jack / Lily | CalWORKs, Ana Ruiz | OVERDUE |
            | no date | Home safety kit installed | Provider | not started |

            """)
    }

    @Test("plain text reads on paper")
    func text() {
        #expect(Self.document.text.hasPrefix("Joint case plan: Mitchell, Sarah\n================================\n"))
        #expect(Self.document.text.contains("  11/22/2026  Child care for Jack | Lily\n              CalWORKs, Ana Ruiz · OVERDUE\n"))
    }
}
