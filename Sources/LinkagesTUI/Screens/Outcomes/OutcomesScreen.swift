import LinkagesDomain
import LinkagesStore

/// The outcomes dashboard a program manager presents: every measure of docs/outcomes.md for a
/// chosen period, each with a chart, the selected one explained and broken down; and the
/// disparity view, where a rate is split by race/ethnicity beside the county's.
public struct OutcomesScreen: ScreenModel {
    public enum View: Equatable, Sendable { case measures, disparity }

    let today: CalendarDate
    /// Charts in ASCII instead of Unicode blocks.
    let plainCharts: Bool
    public private(set) var preset = PeriodPreset.lastTwelveMonths
    public private(set) var view = View.measures
    public private(set) var selection = ListSelection()
    /// How far the selected measure's breakdown is scrolled, in lines.
    public private(set) var detailOffset = 0
    /// The whole county's report for the period, once read.
    public private(set) var report: OutcomeReport?
    /// The same report split by race/ethnicity, read when the disparity view first needs it.
    public private(set) var byRace: OutcomeReport?
    public private(set) var loadError: String?

    public init(session: Session) {
        today = session.today
        plainCharts = session.plainCharts
    }

    public var title: String { "Outcomes" }
    public var period: ReportPeriod { preset.period(today: today) }
    public var selected: OutcomeMeasure { OutcomeMeasure.allCases[selection.index] }

    /// Measures whose groups can be set beside the county's: rates, and the median.
    static func isComparable(_ measure: OutcomeMeasure) -> Bool {
        measure.isRate || measure == .daysToFirstContact
    }

    public var bindings: [KeyBinding] {
        let periods = [
            KeyBinding([.left], .previousPeriod, label: "period",
                       help: "The previous period in the list: 12, 6 or 3 months, last month, this year, last year.", hintKey: "←→"),
            KeyBinding([.right], .nextPeriod, label: "period", help: "The next period in the list.", inHintBar: false),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Count again from the database.", inHintBar: false),
        ]
        switch view {
        case .measures:
            let list = CommonBindings.moveInList.filter { ![.pageUp, .pageDown].contains($0.action) }
            let detail = [
                KeyBinding([.pageDown, .char(" ")], .pageDown, label: "more",
                           help: "Scroll the selected measure's breakdown down, when it is longer than the screen.", inHintBar: false),
                KeyBinding([.pageUp], .pageUp, label: "back up", help: "Scroll the breakdown back up.", inHintBar: false),
            ]
            return list + detail + periods + [
                KeyBinding([.char("d"), .enter], .showDisparity, label: "by race",
                           help: "Split the selected rate by race/ethnicity, each group beside the county's rate.",
                           disabledReason: Self.isComparable(selected) ? nil : "counts are not compared between groups; pick a rate"),
            ]
        case .disparity:
            return [
                KeyBinding([.up, .char("k")], .moveUp, label: "another rate", help: "The previous rate.", inHintBar: false),
                KeyBinding([.down, .char("j")], .moveDown, label: "another rate", help: "The next rate.", inHintBar: false),
            ] + periods + [
                KeyBinding([.char("d"), .escape], .showMeasures, label: "all measures", help: "Back to every measure."),
            ]
        }
    }

    public func onAppear() -> [ScreenCommand] {
        loads()
    }

    /// What to read for the period and the view shown.
    func loads() -> [ScreenCommand] {
        var commands: [ScreenCommand] = []
        if report?.period != period { commands.append(.run(.loadOutcomes(period, breakdown: nil))) }
        if view == .disparity, byRace?.period != period { commands.append(.run(.loadOutcomes(period, breakdown: .race))) }
        return commands
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        let count = OutcomeMeasure.allCases.count
        if view == .disparity, action == .moveUp || action == .moveDown {
            selectComparable(step: action == .moveUp ? -1 : 1)
            return []
        }
        if view == .measures, action == .pageUp || action == .pageDown {
            scrollDetail(down: action == .pageDown, viewport: viewport)
            return []
        }
        if view == .measures, selection.apply(action, count: count, visibleRows: count) {
            detailOffset = 0
            return []
        }
        switch action {
        case .previousPeriod, .nextPeriod:
            let presets = PeriodPreset.allCases
            let index = presets.firstIndex(of: preset)! + (action == .nextPeriod ? 1 : -1)
            preset = presets[(index + presets.count) % presets.count]
            detailOffset = 0
            return loads()
        case .refresh:
            report = nil
            byRace = nil
            return loads()
        case .showDisparity where view == .measures && Self.isComparable(selected):
            view = .disparity
            return loads()
        case .showMeasures where view == .disparity:
            view = .measures
            return []
        default:
            return []
        }
    }

    /// Moves the breakdown by the lines it shows, within its length.
    private mutating func scrollDetail(down: Bool, viewport: Size) {
        guard let report, report.period == period, let result = report.result(selected) else { return }
        let view = MeasuresView(report: report, selected: selected, plain: plainCharts)
        let window = view.detailWindow(result, area: Self.body(of: Rect(row: 0, column: 0, width: viewport.width, height: viewport.height)))
        let step = max(1, window.shown)
        detailOffset = max(0, min(detailOffset + (down ? step : -step), window.lines - window.shown))
    }

    /// Where the measures or the disparity view go: below the heading, inside the margins.
    static func body(of area: Rect) -> Rect {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        return Rect(row: inner.row + 2, column: inner.column, width: inner.width, height: inner.height - 2)
    }

    /// In the disparity view ↑ and ↓ go to the next measure that can be compared.
    private mutating func selectComparable(step: Int) {
        let measures = OutcomeMeasure.allCases
        var index = selection.index + step
        while measures.indices.contains(index), !Self.isComparable(measures[index]) { index += step }
        if measures.indices.contains(index) { selection.select(index, count: measures.count, visibleRows: measures.count) }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .outcomes(let answer) where answer.period == period:
            if answer.breakdown == .race { byRace = answer } else if answer.breakdown == nil { report = answer }
            loadError = nil
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 1)
        let heading = "\(preset.title) · \(period.description)"
        grid.put(heading, row: inner.row, column: inner.column, style: .heading, maxWidth: inner.width)
        let body = Self.body(of: area)
        if let loadError {
            grid.put(loadError, row: body.row, column: body.column, style: .danger, maxWidth: body.width)
            return
        }
        switch view {
        case .measures:
            guard let report, report.period == period else {
                grid.put("Counting…", row: body.row, column: body.column, style: .muted)
                return
            }
            MeasuresView(report: report, selected: selected, plain: plainCharts, detailOffset: detailOffset).render(into: &grid, area: body)
        case .disparity:
            guard let report, let byRace, report.period == period, byRace.period == period,
                  let county = report.result(selected), let groups = byRace.result(selected) else {
                grid.put("Counting…", row: body.row, column: body.column, style: .muted)
                return
            }
            DisparityView(county: county, byRace: groups, plain: plainCharts).render(into: &grid, area: body)
        }
    }
}
