/// Writes CSV that spreadsheets open safely: RFC 4180 quoting, and cells that a spreadsheet
/// would run as a formula (starting with = + - @, a tab, a carriage return or NUL) prefixed with
/// an apostrophe so they stay text.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        let value = neutralized(text)
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text a cell will hold: prefixed with an apostrophe when a spreadsheet would run it.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "\0"].contains(first) else { return text }
        return "'" + text
    }
}
