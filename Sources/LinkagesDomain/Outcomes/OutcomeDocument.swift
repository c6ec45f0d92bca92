/// One line of the report as the county's own analysis reads it (CSV and JSON). Suppressed
/// figures keep only their label and "<11".
public struct OutcomeRow: Codable, Equatable, Sendable {
    public var measure: String
    /// "overall", "category", the breakdown ("office", "race" …) or "month".
    public var part: String
    public var label: String
    public var count: Int?
    public var numerator: Int?
    public var denominator: Int?
    /// A count, a rate as a fraction, or a median in days.
    public var value: Double?
    /// As the screen shows it.
    public var shown: String

    public static let header = ["measure", "part", "label", "count", "numerator", "denominator", "value", "shown"]

    init(measure: OutcomeMeasure, part: String, label: String, figure: Figure) {
        self.measure = measure.rawValue
        self.part = part
        self.label = label
        shown = figure.text
        value = figure.value
        guard !figure.isSuppressed else { return }
        switch figure {
        case .count(let n): count = n
        case .rate(let numerator, let denominator): (self.numerator, self.denominator) = (numerator, denominator)
        case .median(_, let n): count = n
        }
    }

    /// The cells of a CSV line, in ``header`` order.
    public var cells: [String] {
        [measure, part, label, count.map(String.init) ?? "", numerator.map(String.init) ?? "", denominator.map(String.init) ?? "",
         value.map { String($0) } ?? "", shown]
    }
}

extension OutcomeReport {
    /// Months as the report labels them: "2026-01".
    public var monthLabels: [String] {
        period.months.map { String($0.first.iso.prefix(7)) }
    }

    /// Every figure of the report, one row each, suppressed where small.
    public var rows: [OutcomeRow] {
        var rows: [OutcomeRow] = []
        for result in results {
            let measure = result.measure
            rows.append(OutcomeRow(measure: measure, part: "overall", label: measure.title, figure: result.overall))
            rows += result.categories.map { OutcomeRow(measure: measure, part: "category", label: $0.label, figure: $0.figure) }
            rows += result.groups.map { OutcomeRow(measure: measure, part: breakdown?.rawValue ?? "group", label: $0.label, figure: $0.figure) }
            for line in result.series {
                for (month, count) in zip(monthLabels, line.points) {
                    rows.append(OutcomeRow(measure: measure, part: "month", label: "\(line.label) \(month)", figure: .count(count)))
                }
            }
        }
        return rows
    }

    /// The report as Markdown, for a program manager's slides or the county's minutes.
    public var markdown: String {
        var lines = ["# Linkages outcomes, \(period.description)", ""]
        lines.append((breakdown.map { "Each measure by \($0.title.lowercased()). " } ?? "")
                     + "Counts from 1 to 10 are shown as <11, and rates resting on them are withheld. "
                     + "Every measure is defined in docs/outcomes.md.")
        for result in results {
            lines += ["", "## \(result.measure.title)", "", result.measure.definition, "", "**\(result.overall.text)**"]
            if !result.categories.isEmpty {
                lines += ["", "| | |", "| --- | ---: |"] + result.categories.map { "| \($0.label) | \($0.figure.text) |" }
            }
            if let breakdown, !result.groups.isEmpty {
                lines += ["", "| \(breakdown.title) | \(result.measure.title) |", "| --- | ---: |"]
                    + result.groups.map { "| \($0.label) | \($0.figure.text) |" }
            }
            for line in result.series {
                let months = zip(monthLabels, line.points).map { "\($0) \(Figure.count($1).text)" }
                lines += ["", "By month (\(line.label)): " + months.joined(separator: " · ")]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
