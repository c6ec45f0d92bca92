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
