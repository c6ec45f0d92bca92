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

    @Test("a family in Family Reunification: AB 429 and AB 135 after the goals, every condition on the page")
    func reunification() throws {
        let removed = CalendarDate(year: 2026, month: 9, day: 9)!
        let involvements = [
            Involvement(householdId: 1, component: .cashAid, status: .open, startDate: removed.adding(days: -400)),
            Involvement(householdId: 2, personId: 3, component: .familyReunification, status: .open, startDate: removed),
        ]
        let record = ReunificationRecord(familyId: 1, servicesNeeded: true, cashAidRecommendedOn: removed.adding(days: 11),
                                         allEligibleChildrenRemoved: true, recordedBy: "w", recordedAt: .distantPast)
        var document = Self.document
        document.reunification = try #require(ReunificationStatus.of(involvements: involvements, record: record))
        #expect(document.markdown.contains("""
            ## Family Reunification: AB 429 and AB 135

            - **AB 429 Welfare-to-Work services: eligible. AB 429 services continue to 03/08/2027 (180 days after the removal, \
            the county's setting); 105 days left.**
              - Met: The family was receiving CalWORKs when the children were removed.
            """))
        #expect(document.markdown.contains("The six months run 10/01/2026 to 03/31/2027. 128 days of AB 135 aid left.**"))
        let text = document.text
        #expect(text.contains("Family Reunification: AB 429 and AB 135:\n  AB 429 Welfare-to-Work services: eligible. AB 429 services continue to\n"))
        #expect(text.contains("\n    - Source: AB 135, as Santa Clara County's CalWORKs handbook states it\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
        let goals = try #require(text.range(of: "The family's goals:"))
        let reunification = try #require(text.range(of: "Family Reunification:"))
        #expect(goals.upperBound < reunification.lowerBound)
        #expect(!Self.document.markdown.contains("Family Reunification"), "no section for a family without a removal")
    }

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
