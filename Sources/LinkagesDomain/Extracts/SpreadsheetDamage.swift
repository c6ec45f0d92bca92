/// What a spreadsheet does to identifiers when an extract passes through it: Excel and
/// LibreOffice read a column of digits as numbers, so an id of twelve digits comes back as
/// `1.23457E+11` and `0012345` as `12345`. Such a value is not the id any more, and next month's
/// correct extract would add the same people again, so it is refused with how to export the
/// column as text.
public enum SpreadsheetDamage {
    /// What to tell the analyst, after naming the damage.
    public static let remedy = "export the file again with this column formatted as Text "
        + "(in Excel: Data ▸ From Text/CSV, choose the column, set its type to Text; see docs/import-formats.md)"

    /// True for a value in a spreadsheet's scientific notation: `1.23457E+11`, `9E+15`, or
    /// `1,23457E+11` where the comma is the decimal mark.
    public static func isScientificNotation(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == 0x2E || bytes.first == 0x2C {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        guard bytes.first == 0x45 || bytes.first == 0x65 else { return false }
        bytes = bytes.dropFirst()
        if bytes.first == 0x2B || bytes.first == 0x2D { bytes = bytes.dropFirst() }
        return digits() > 0 && bytes.isEmpty
    }

    /// True for digits written as a spreadsheet writes a whole number with decimals: `12345.0`.
    public static func isDecimalNumber(_ value: String) -> Bool {
        guard let point = value.firstIndex(where: { $0 == "." || $0 == "," }) else { return false }
        let whole = value[..<point], fraction = value[value.index(after: point)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(\.isASCIIDigit) && fraction.allSatisfy { $0 == "0" }
    }

    /// Why an identifier column's value is spreadsheet damage, or nil when it is not.
    public static func problem(in value: String) -> String? {
        if isScientificNotation(value) {
            return "'\(value)' is a number a spreadsheet shortened to scientific notation, and the id is lost; " + remedy
        }
        if isDecimalNumber(value) {
            return "'\(value)' is an id a spreadsheet wrote as a number with decimals (and it may have lost leading zeros); " + remedy
        }
        return nil
    }

    /// Why `value` is a stored id but for its leading zeros.
    public static func lostZeros(_ value: String, stored: String) -> String {
        !value.hasPrefix("0")
            ? "'\(value)' is the id '\(stored)' already stored, without its leading zeros: a spreadsheet dropped them; " + remedy
            : "'\(value)' differs from the id '\(stored)' already stored only in its leading zeros; check which is right, and " + remedy
    }

    /// `value` without its leading zeros when it is all digits and has some; nil otherwise.
    public static func withoutLeadingZeros(_ value: String) -> Substring? {
        guard value.utf8.first == 0x30 else { return nil }
        return digitsWithoutZeros(value)
    }

    /// `value` without any leading zeros when it is all digits (nil otherwise, or when nothing is left).
    public static func digitsWithoutZeros(_ value: String) -> Substring? {
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let kept = value.drop { $0 == "0" }
        return kept.isEmpty ? nil : kept
    }
}

/// Which SSNs are placeholders: the Social Security Administration never issues an area of
/// 000 or 666, a group of 00 or a serial of 0000, and 123-45-6789 and nine of one digit are what
/// systems write for "not known".
public enum SSNRules {
    public static func isPlaceholder(_ digits: String) -> Bool {
        guard digits.count == 9 else { return false }
        let area = digits.prefix(3), group = digits.dropFirst(3).prefix(2), serial = digits.suffix(4)
        return area == "000" || area == "666" || group == "00" || serial == "0000" || digits == "123456789"
            || Set(digits).count == 1
    }
}
