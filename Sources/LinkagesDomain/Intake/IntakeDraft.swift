/// An intake as the worker has typed it so far: raw text for every field, valid or not, so that
/// nothing on screen is ever lost. Saved after every key that changes it.
public struct IntakeDraft: Codable, Equatable, Sendable {
    public var bankVersion: Int
    public var members: [MemberEntry]
    /// Answers by question id: the text typed, or the id of the choice picked.
    public var answers: [String: String]
    /// The family in Linkages this intake is about, when the worker attached it to one.
    public var attachedFamilyId: Int64?
    /// Where the worker was: the section and field with the focus.
    public var sectionIndex: Int
    public var fieldKey: String?

    public init(bankVersion: Int, members: [MemberEntry] = [MemberEntry()], answers: [String: String] = [:],
                attachedFamilyId: Int64? = nil, sectionIndex: Int = 0, fieldKey: String? = nil) {
        self.bankVersion = bankVersion
        self.members = members
        self.answers = answers
        self.attachedFamilyId = attachedFamilyId
        self.sectionIndex = sectionIndex
        self.fieldKey = fieldKey
    }

    public func answer(_ question: IntakeQuestion) -> String {
        (answers[question.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// "Mitchell, Sarah": the first member with a name, for lists of drafts.
    public var label: String {
        guard let member = members.first(where: { !$0.lastName.isBlank || !$0.firstName.isBlank }) else {
            return "new, no name yet"
        }
        let last = member.lastName.trimmingCharacters(in: .whitespaces)
        let first = member.firstName.trimmingCharacters(in: .whitespaces)
        return [last, first].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// One household member as typed at intake.
public struct MemberEntry: Codable, Equatable, Sendable {
    public var firstName = ""
    public var lastName = ""
    /// As typed: MM/DD/YYYY when valid.
    public var dateOfBirth = ""
    /// A ``Relationship`` raw value, or "" when not chosen.
    public var relationship = ""
    /// A ``Sex`` raw value, or "".
    public var sex = ""
    /// The CalWORKs Client Index Number, as typed, when the family knows it: a lookup by CIN
    /// finds the member's CalSAWS record.
    public var cin = ""
    /// The Social Security number as typed (dashes allowed), when known.
    public var ssn = ""

    public init(firstName: String = "", lastName: String = "", dateOfBirth: String = "", relationship: String = "", sex: String = "",
                cin: String = "", ssn: String = "") {
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.relationship = relationship
        self.sex = sex
        self.cin = cin
        self.ssn = ssn
    }

    private enum CodingKeys: String, CodingKey {
        case firstName, lastName, dateOfBirth, relationship, sex, cin, ssn
    }

    /// Reads a member as saved, drafts saved before a field existed included (it is empty).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(firstName: try text(.firstName), lastName: try text(.lastName), dateOfBirth: try text(.dateOfBirth),
                  relationship: try text(.relationship), sex: try text(.sex), cin: try text(.cin), ssn: try text(.ssn))
    }

    public var isEmpty: Bool {
        firstName.isBlank && lastName.isBlank && dateOfBirth.isBlank && relationship.isEmpty && sex.isEmpty && cin.isBlank && ssn.isBlank
    }

    /// The CIN as stored: trimmed and in capitals; nil when none was typed.
    public var normalizedCIN: String? {
        let text = cin.trimmingCharacters(in: .whitespaces).uppercased()
        return text.isEmpty ? nil : text
    }

    /// The SSN's nine digits, when nine digits were typed and they are not a placeholder
    /// (000-00-0000 and the like).
    public var normalizedSSN: String? {
        let digits = ssn.filter(\.isASCIIDigit)
        return digits.count == 9 && !SSNRules.isPlaceholder(digits) ? digits : nil
    }

    public var fullName: String {
        [firstName, lastName].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var parsedDateOfBirth: CalendarDate? { CalendarDate(dateOfBirth) }
    public var parsedRelationship: Relationship? { Relationship(rawValue: relationship) }
}

extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespaces).isEmpty }
}

import Foundation
