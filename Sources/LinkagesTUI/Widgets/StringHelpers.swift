import Foundation

extension String {
    /// The text with its first letter in upper case ("no child care" → "No child care").
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }

    /// True when the text is empty or only spaces.
    var isBlank: Bool {
        trimmingCharacters(in: .whitespaces).isEmpty
    }
}

extension Date {
    /// "11/23/2026 09:00" in the machine's time zone: when a draft was saved, a referral moved.
    var stamp: String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: self)
        return String(format: "%02d/%02d/%04d %02d:%02d", parts.month!, parts.day!, parts.year!, parts.hour!, parts.minute!)
    }
}
