/// A figure with the group or category it belongs to.
public struct LabeledFigure: Equatable, Sendable {
    public var label: String
    public var figure: Figure

    public init(_ label: String, _ figure: Figure) {
        self.label = label
        self.figure = figure
    }
}

/// A measure month by month: one count per month of the period.
public struct SeriesLine: Equatable, Sendable {
    public var label: String
    public var points: [Int]
}

/// One measure of the report: its overall figure, its categories (how, which type, which
/// tier), its groups by the chosen breakdown, and its months.
public struct MeasureResult: Equatable, Sendable {
    public var measure: OutcomeMeasure
    public var overall: Figure
    public var categories: [LabeledFigure] = []
    public var groups: [LabeledFigure] = []
    public var series: [SeriesLine] = []

    public init(measure: OutcomeMeasure, overall: Figure, categories: [LabeledFigure] = [], groups: [LabeledFigure] = [],
                series: [SeriesLine] = []) {
        self.measure = measure
        self.overall = overall
        self.categories = categories
        self.groups = groups
        self.series = series
    }
}

/// The outcomes report for one period: every measure of ``OutcomeMeasure``, computed from the
/// facts the store gathered, each optionally split by office, program, tier or race/ethnicity.
public struct OutcomeReport: Equatable, Sendable {
    public var period: ReportPeriod
    public var breakdown: Breakdown?
    public var results: [MeasureResult]

    public func result(_ measure: OutcomeMeasure) -> MeasureResult? {
        results.first { $0.measure == measure }
    }

    public static func compute(
        families: [FamilyFacts], referrals: [ReferralFacts], period: ReportPeriod, breakdown: Breakdown?,
        serviceLevels: ReferralServiceLevels, holidays: Set<CalendarDate> = []
    ) -> OutcomeReport {
        let measures = OutcomeMeasures(families: families, referrals: referrals, period: period, breakdown: breakdown,
                                       serviceLevels: serviceLevels, holidays: holidays)
        return OutcomeReport(period: period, breakdown: breakdown, results: OutcomeMeasure.allCases.map(measures.result))
    }
}
