import LinkagesDomain
import Testing

/// What the outcomes dashboard computes beside the report: the periods it offers and each
/// group's ratio to the county.
@Suite("Outcomes dashboard rules")
struct OutcomeDashboardTests {
    static let today = CalendarDate("2026-11-23")!

    @Test("each period counts back from today", arguments: [
        (PeriodPreset.lastTwelveMonths, "2025-12-01", "2026-11-23"),
        (.lastSixMonths, "2026-06-01", "2026-11-23"),
        (.lastThreeMonths, "2026-09-01", "2026-11-23"),
        (.lastMonth, "2026-10-01", "2026-10-31"),
        (.yearToDate, "2026-01-01", "2026-11-23"),
        (.lastYear, "2025-01-01", "2025-12-31"),
    ])
    func periods(preset: PeriodPreset, from: String, to: String) {
        let period = preset.period(today: Self.today)
        #expect(period.from.iso == from && period.to.iso == to)
    }

    @Test("last month from the first of January is December of the year before")
    func lastMonthOverNewYear() {
        let period = PeriodPreset.lastMonth.period(today: CalendarDate("2027-01-01")!)
        #expect(period.from.iso == "2026-12-01" && period.to.iso == "2026-12-31")
    }

    @Test("each group's rate over the county's; withheld groups have no ratio")
    func ratios() {
        // County 50 of 100 = 0.5. Group A 30 of 40 = 0.75, so 1.50×; B 20 of 60 = 0.333…, so
        // 0.67×; C rests on 5 referrals, so it is withheld and so is its ratio.
        let result = MeasureResult(
            measure: .closedLoopRate, overall: .rate(numerator: 50, denominator: 100),
            groups: [LabeledFigure("A", .rate(numerator: 30, denominator: 40)), LabeledFigure("B", .rate(numerator: 20, denominator: 60)),
                     LabeledFigure("C", .rate(numerator: 0, denominator: 5))])
        let rows = DisparityRow.rows(result)
        #expect(rows.map(\.ratioText) == ["1.50×", "0.67×", "—"])
        #expect(rows.map(\.label) == ["A", "B", "C"])
    }

    @Test("a county rate of zero, or a withheld county figure, gives no ratio at all")
    func noCountyRate() {
        let zero = MeasureResult(measure: .reentryWithinYear, overall: .rate(numerator: 0, denominator: 40),
                                 groups: [LabeledFigure("A", .rate(numerator: 0, denominator: 20))])
        #expect(DisparityRow.rows(zero).map(\.ratio) == [nil])
        let withheld = MeasureResult(measure: .closedLoopRate, overall: .rate(numerator: 4, denominator: 30),
                                     groups: [LabeledFigure("A", .rate(numerator: 12, denominator: 20))])
        #expect(DisparityRow.rows(withheld).map(\.ratioText) == ["—"])
    }

    @Test("medians compare the same way: 6 days against a county 4 is 1.50×")
    func medians() {
        let result = MeasureResult(measure: .daysToFirstContact, overall: .median(days: 4, of: 40),
                                   groups: [LabeledFigure("A", .median(days: 6, of: 12))])
        #expect(DisparityRow.rows(result).map(\.ratioText) == ["1.50×"])
    }
}
