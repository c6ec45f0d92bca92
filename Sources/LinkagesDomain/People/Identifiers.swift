/// How identifiers are shown on screen.
public enum IdentifierDisplay {
    /// An SSN shown as `***-**-1234`: only the last four digits, which is what a worker needs
    /// to tell two people apart on the phone.
    public static func maskedSSN(_ ssn: String?) -> String {
        guard let ssn, ssn.count >= 4 else { return "—" }
        return "***-**-" + ssn.suffix(4)
    }

    /// "123-45-6789", for a supervisor who asked to see it whole.
    public static func fullSSN(_ ssn: String?) -> String {
        guard let ssn, ssn.count == 9 else { return maskedSSN(ssn) }
        return "\(ssn.prefix(3))-\(ssn.dropFirst(3).prefix(2))-\(ssn.suffix(4))"
    }

    /// Digits only, for comparing identifiers written with or without dashes and spaces.
    public static func digits(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }
}
