import LinkagesDomain

/// One rate split by race/ethnicity: each group's rate beside the county's, as a bar and as a
/// ratio, so that a gap for Black or Native American families shows at a glance.
struct DisparityView {
    let county: MeasureResult
    let byRace: MeasureResult
    let plain: Bool

    func render(into grid: inout CellGrid, area: Rect) {
        var row = area.row
        let measure = county.measure
        grid.put("\(measure.title) by race/ethnicity", row: row, column: area.column, style: .bold, maxWidth: area.width)
        row += 1
        grid.put("County: \(county.overall.text)", row: row, column: area.column, maxWidth: area.width)
        row += 2
        let labelWidth = 24
        let figureWidth = 21
        let ratioWidth = 8
        let barWidth = max(4, min(20, area.width - labelWidth - figureWidth - ratioWidth - 2))
        let ratioColumn = area.column + labelWidth + figureWidth + barWidth + 2
        grid.put("Group", row: row, column: area.column, style: .columnHeader)
        grid.put(measure.isRate ? "Rate" : "Median", row: row, column: area.column + labelWidth, style: .columnHeader)
        grid.put("× county", row: row, column: ratioColumn, style: .columnHeader)
        row += 1
        let rows = DisparityRow.rows(byRace)
        let largest = max(rows.compactMap { $0.figure.value }.max() ?? 0, county.overall.value ?? 0)
        for group in rows where row < area.bottom {
            grid.put(group.label, row: row, column: area.column, maxWidth: labelWidth - 1)
            grid.put(group.figure.text, row: row, column: area.column + labelWidth, maxWidth: figureWidth - 1)
            if let value = group.figure.value, largest > 0 {
                grid.put(Charts.bar(value / largest, width: barWidth, plain: plain), row: row, column: area.column + labelWidth + figureWidth)
            }
            grid.put(group.ratioText, row: row, column: ratioColumn, style: .bold)
            row += 1
        }
        if rows.isEmpty, row < area.bottom {
            grid.put("No group has anything to count in this period.", row: row, column: area.column, style: .muted)
            row += 1
        }
        row += 1
        let note = "× county is the group's \(measure.isRate ? "rate" : "median") divided by the county's: above 1 is higher, "
            + "below 1 lower. <11 means fewer than 11 families or referrals, withheld with its ratio."
        for line in DisplayWidth.wrap(note, to: area.width) where row < area.bottom {
            grid.put(line, row: row, column: area.column, style: .muted)
            row += 1
        }
    }
}
