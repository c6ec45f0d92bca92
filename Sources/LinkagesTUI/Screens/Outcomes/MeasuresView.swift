import LinkagesDomain

/// Every measure of the report, one line each with its figure and a chart (months as a
/// sparkline for counts, a bar for rates), then the selected measure explained and broken down.
struct MeasuresView {
    let report: OutcomeReport
    let selected: OutcomeMeasure
    let plain: Bool

    static let titleWidth = 37
    static let figureWidth = 21

    func render(into grid: inout CellGrid, area: Rect) {
        let chartColumn = area.column + Self.titleWidth + Self.figureWidth
        let chartWidth = area.right - chartColumn
        grid.put("Measure", row: area.row, column: area.column, style: .columnHeader)
        grid.put("Period", row: area.row, column: area.column + Self.titleWidth, style: .columnHeader)
        grid.put(months.count > 1 ? "By month (\(Charts.withheld(plain: plain)) <11)" : "Share", row: area.row, column: chartColumn,
                 style: .columnHeader, maxWidth: chartWidth)
        var row = area.row + 1
        for result in report.results {
            let isSelected = result.measure == selected
            if isSelected {
                grid.put(String(repeating: " ", count: area.width), row: row, column: area.column, style: .selected)
            }
            let style: Style = isSelected ? .selected : .plain
            grid.put(result.measure.title, row: row, column: area.column, style: style, maxWidth: Self.titleWidth - 1)
            grid.put(result.overall.text, row: row, column: area.column + Self.titleWidth, style: style, maxWidth: Self.figureWidth - 1)
            grid.put(chart(result, width: chartWidth), row: row, column: chartColumn, style: style, maxWidth: chartWidth)
            row += 1
        }
        row += 1
        guard let result = report.result(selected), row < area.bottom else { return }
        for line in DisplayWidth.wrap("\(selected.title): \(selected.definition)", to: area.width).prefix(2) {
            grid.put(line, row: row, column: area.column, style: .muted, maxWidth: area.width)
            row += 1
        }
        renderDetail(result, into: &grid, area: Rect(row: row, column: area.column, width: area.width, height: area.bottom - row))
    }

    var months: [(first: CalendarDate, last: CalendarDate)] { report.period.months }

    /// The line's chart: a count's months, or a rate's share as a bar.
    func chart(_ result: MeasureResult, width: Int) -> String {
        if result.measure.isRate {
            guard let value = result.overall.value else { return "" }
            return Charts.bar(value, width: min(width, 16), plain: plain)
        }
        guard let line = result.series.first, line.points.count > 1 else { return "" }
        let spark = Charts.sparkline(line.points, plain: plain)
        return result.series.count > 1 ? "\(spark) \(line.label.lowercased())" : spark
    }

    /// The selected measure's parts: its categories as bars, each monthly line as a sparkline.
    func renderDetail(_ result: MeasureResult, into grid: inout CellGrid, area: Rect) {
        var row = area.row
        let shown = result.categories.filter { $0.figure != .count(0) }
        let largest = shown.compactMap(\.figure.value).max() ?? 0
        // Two spaces before the label, at least one after.
        let labelWidth = min(34, (shown.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3)
        let barWidth = max(4, min(24, area.width - labelWidth - 12))
        for (index, category) in shown.enumerated() where row < area.bottom {
            if row == area.bottom - 1, index < shown.count - 1 {
                grid.put("… and \(shown.count - index) more: `linkages report` lists them all", row: row, column: area.column,
                         style: .muted, maxWidth: area.width)
                return
            }
            grid.put("  " + category.label, row: row, column: area.column, maxWidth: labelWidth)
            var column = area.column + labelWidth
            if let value = category.figure.value, largest > 0 {
                column = grid.put(Charts.bar(value / largest, width: barWidth, plain: plain), row: row, column: column) + 1
            }
            grid.put(category.figure.text, row: row, column: column, style: .bold, maxWidth: area.right - column)
            row += 1
        }
        guard result.series.count > 1 || (shown.isEmpty && !result.series.isEmpty) else { return }
        if row < area.bottom, let first = months.first, let last = months.last {
            grid.put("  By month, \(first.first.usFormat)–\(last.last.usFormat) (\(Charts.withheld(plain: plain)) fewer than 11):",
                     row: row, column: area.column, style: .muted, maxWidth: area.width)
            row += 1
        }
        for line in result.series where row < area.bottom {
            grid.put("  " + line.label, row: row, column: area.column, maxWidth: labelWidth)
            grid.put(Charts.sparkline(line.points, plain: plain), row: row, column: area.column + labelWidth)
            row += 1
        }
    }
}
