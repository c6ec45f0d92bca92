import LinkagesDomain

/// Every measure of the report, one line each with its figure and a chart (months as a
/// sparkline for counts, a bar for rates), then the selected measure explained and broken down;
/// a breakdown longer than the room left scrolls (PgDn, PgUp).
struct MeasuresView {
    let report: OutcomeReport
    let selected: OutcomeMeasure
    let plain: Bool
    /// The first line of the breakdown shown.
    var detailOffset = 0

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
        guard let result = report.result(selected) else { return }
        row += 1
        for line in definition(width: area.width) where row < area.bottom {
            grid.put(line, row: row, column: area.column, style: .muted, maxWidth: area.width)
            row += 1
        }
        renderDetail(result, into: &grid, area: detailArea(in: area))
    }

    /// The selected measure's definition, in at most two lines.
    func definition(width: Int) -> [String] {
        Array(DisplayWidth.wrap("\(selected.title): \(selected.definition)", to: width).prefix(2))
    }

    /// The room below the measures and the definition.
    func detailArea(in area: Rect) -> Rect {
        let top = min(area.bottom, area.row + 1 + report.results.count + 1 + definition(width: area.width).count)
        return Rect(row: top, column: area.column, width: area.width, height: area.bottom - top)
    }

    /// How many lines the breakdown has, and how many of them fit at once in `area` (the whole view).
    func detailWindow(_ result: MeasureResult, area: Rect) -> (lines: Int, shown: Int) {
        let lines = detailLines(result, width: area.width).count
        let rows = detailArea(in: area).height
        return (lines, lines <= rows ? lines : max(0, rows - 1))
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

    /// The selected measure's breakdown from `detailOffset`, with a line saying where it is when
    /// it does not all fit.
    func renderDetail(_ result: MeasureResult, into grid: inout CellGrid, area: Rect) {
        let lines = detailLines(result, width: area.width)
        guard area.height > 0 else { return }
        let fits = lines.count <= area.height
        let shown = fits ? area.height : area.height - 1
        let first = fits ? 0 : max(0, min(detailOffset, lines.count - shown))
        for (index, draw) in lines.dropFirst(first).prefix(shown).enumerated() {
            draw(&grid, area.row + index, area.column)
        }
        guard !fits else { return }
        let last = min(lines.count, first + shown)
        let keys = [first > 0 ? "PgUp" : nil, last < lines.count ? "PgDn" : nil].compactMap { $0 }.joined(separator: " ")
        grid.put("  lines \(first + 1)–\(last) of \(lines.count) · \(keys) for more", row: area.bottom - 1, column: area.column,
                 style: .muted, maxWidth: area.width)
    }

    /// One line of a breakdown, drawn at a row and column.
    typealias DetailLine = (inout CellGrid, Int, Int) -> Void

    /// The selected measure's parts: its categories as bars, then each monthly line as a sparkline.
    func detailLines(_ result: MeasureResult, width: Int) -> [DetailLine] {
        var lines: [DetailLine] = []
        let shown = result.categories.filter { $0.figure != .count(0) }
        let largest = shown.compactMap(\.figure.value).max() ?? 0
        // Two spaces before the label, at least one after.
        let labelWidth = min(34, (shown.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3)
        let barWidth = max(4, min(24, width - labelWidth - 12))
        for category in shown {
            lines.append { grid, row, column in
                grid.put("  " + category.label, row: row, column: column, maxWidth: labelWidth)
                var at = column + labelWidth
                if let value = category.figure.value, largest > 0 {
                    at = grid.put(Charts.bar(value / largest, width: barWidth, plain: plain), row: row, column: at) + 1
                }
                grid.put(category.figure.text, row: row, column: at, style: .bold, maxWidth: column + width - at)
            }
        }
        guard result.series.count > 1 || (shown.isEmpty && !result.series.isEmpty) else { return lines }
        if let first = months.first, let last = months.last {
            let heading = "  By month, \(first.first.usFormat)–\(last.last.usFormat) (\(Charts.withheld(plain: plain)) fewer than 11):"
            lines.append { grid, row, column in grid.put(heading, row: row, column: column, style: .muted, maxWidth: width) }
        }
        for series in result.series {
            lines.append { grid, row, column in
                grid.put("  " + series.label, row: row, column: column, maxWidth: labelWidth)
                grid.put(Charts.sparkline(series.points, plain: plain), row: row, column: column + labelWidth)
            }
        }
        return lines
    }
}
