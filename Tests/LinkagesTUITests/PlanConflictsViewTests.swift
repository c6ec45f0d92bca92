import LinkagesDomain
@testable import LinkagesTUI
import Testing

@Suite("A plan's clashes in little room")
struct PlanConflictsViewTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// `count` + 1 tasks at the same hours with long titles: `count` clashes or more, each explained at length.
    func render(_ count: Int, rows: Int) -> String {
        let tasks = (0...count).map { index in
            PlanTask(id: Int64(index + 1), planId: 1, title: "Parenting class number \(index) at the family resource center on the east side",
                     owner: .provider, time: try? TaskTime.parse("Wed 10:00-11:00").get())
        }
        let conflicts = Array(PlanConflicts.find(in: tasks, today: Self.today).prefix(count))
        var grid = CellGrid(size: Size(width: 60, height: rows))
        _ = PlanConflictsView.render(conflicts, into: &grid, row: 0, column: 0, width: 60, maxRows: rows)
        return grid.text
    }

    @Test("when the first clash does not fit, it is cut with … and the last line still says how many more there are")
    func moreWhenTheFirstIsCut() {
        let text = render(2, rows: 3)
        #expect(text.contains("⚠ 2 clashes in this plan") && text.contains(" …") && text.contains("… and 1 more; ⚠ marks the tasks."), "\(text)")
        #expect(!render(1, rows: 3).contains("more;"), "a single clash needs no count")
    }
}
