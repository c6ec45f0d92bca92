/// What a spreadsheet does to identifiers when an extract passes through it: Excel and
/// LibreOffice read a column of digits as numbers, so an id of twelve digits comes back as
/// `1.23457E+11` and `0012345` as `12345`. Such a value is not the id any more, and next month's
/// correct extract would add the same people again, so it is refused with how to export the
/// column as text.
public enum SpreadsheetDamage {
    /// What to tell the analyst, after naming the damage.
    public static let remedy = "export the file again with this column formatted as Text "
        + "(in Excel: Data ▸ From Text/CSV, choose the column, set its type to Text; see docs/import-formats.md)"

    /// True for a value in a spreadsheet's scientific notation: `1.23457E+11`, `9E+15`.
    public static func isScientificNotation(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == 0x2E {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        guard bytes.first == 0x45 || bytes.first == 0x65 else { return false }
        bytes = bytes.dropFirst()
        if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
        return digits() > 0 && bytes.isEmpty
    }

    /// Why an identifier column's value is spreadsheet damage, or nil when it is not.
    public static func problem(in value: String) -> String? {
        guard isScientificNotation(value) else { return nil }
        return "'\(value)' is a number a spreadsheet shortened to scientific notation, and the id is lost; " + remedy
    }

    /// Why `value` is a stored id without its leading zeros, or nil when it is not.
    public static func lostZeros(_ value: String, stored: String) -> String {
        "'\(value)' is the id '\(stored)' already stored, without its leading zeros: a spreadsheet dropped them; " + remedy
    }

    /// `value` without its leading zeros when it is all digits and has some; nil otherwise.
    public static func withoutLeadingZeros(_ value: String) -> Substring? {
        let utf8 = value.utf8
        guard utf8.first == 0x30, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let kept = value.drop { $0 == "0" }
        return kept.isEmpty ? nil : kept
    }
}
