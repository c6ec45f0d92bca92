/// One group's rate beside the county's: the disparity view of the outcomes dashboard.
public struct DisparityRow: Equatable, Sendable {
    public var label: String
    public var figure: Figure
    /// The group's rate divided by the county's overall rate; nil when either is withheld or
    /// has nothing to divide (no items, or a county rate of zero).
    public var ratio: Double?

    /// Each group of a measure split by race/ethnicity (or any breakdown), with its ratio to the
    /// county's overall figure. Works for medians as for rates.
    public static func rows(_ result: MeasureResult) -> [DisparityRow] {
        let county = result.overall.value
        return result.groups.map { group in
            let ratio: Double? = switch (group.figure.value, county) {
            case (let value?, let county?) where county > 0: value / county
            default: nil
            }
            return DisparityRow(label: group.label, figure: group.figure, ratio: ratio)
        }
    }

    /// "1.32×", or "—" when there is no ratio.
    public var ratioText: String {
        guard let ratio else { return "—" }
        let hundredths = Int((ratio * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)×"
    }
}
