/// One person from a program extract, read and checked. A value the row does not give (its
/// column absent or its cell blank) is nil or empty: a re-import keeps what is stored for it.
public struct ExtractPerson: Equatable, Sendable {
    public var program: Program
    public var personId: String
    /// The CalWORKs case number, or the Child Welfare case number (else the referral id): the
    /// household record this person belongs to.
    public var householdKey: String
    /// The column the household key was read from.
    public var householdKeyColumn: ExtractColumn
    /// The Child Welfare referral id, when the row gives one.
    public var referralId: String? = nil
    /// The row's SSN was a placeholder (000-00-0000 and the like), kept as not known.
    public var placeholderSSN = false
    public var firstName: String
    public var middleName: String?
    public var lastName: String
    public var dateOfBirth: CalendarDate?
    public var sex: Sex?
    public var ssn: String?
    public var cin: String?
    public var street: String?
    public var city: String?
    public var zip: String?
    public var phone: String?
    public var relationship: Relationship?
    public var caseRole: CaseRole?
    /// The program components this row records for the household (or for the person: WTW).
    public var involvements: [ExtractInvolvement]
}

/// A program component as an extract states it.
public struct ExtractInvolvement: Hashable, Sendable {
    public var component: ServiceComponent
    /// Nil when the extract does not say (a new involvement is then open).
    public var status: InvolvementStatus?
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The referral or case id in the source system.
    public var sourceCaseId: String?
    /// The parent's Welfare-to-Work standing (on the WTW component only).
    public var welfareToWorkStatus: WelfareToWorkStatus? = nil
}

/// A value that does not fit its column, in words.
public struct ExtractFieldError: Error, Equatable, Sendable {
    public var column: ExtractColumn
    public var reason: String

    public init(_ column: ExtractColumn, _ reason: String) {
        self.column = column
        self.reason = reason
    }
}

/// Reads one row of an extract into an ``ExtractPerson``, or says what is wrong with each value.
/// Only a person id and some name are required; every other column may be absent or blank.
public enum ExtractRowReader {
    /// A row read: the person, or every problem found in it.
    public enum Outcome: Equatable, Sendable {
        case person(ExtractPerson)
        case problems([ExtractFieldError])
    }

    public static func read(_ value: (ExtractColumn) -> String, program: Program) -> Outcome {
        var errors: [ExtractFieldError] = []
        func text(_ column: ExtractColumn) -> String? {
            let trimmed = value(column).trimmedSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
        func date(_ column: ExtractColumn) -> CalendarDate? {
            guard let raw = text(column) else { return nil }
            switch CalendarDate.parse(raw) {
            case .success(let date): return date
            case .failure(let error):
                errors.append(ExtractFieldError(column, "'\(raw)' is not a date (\(error.description)); write YYYY-MM-DD or MM/DD/YYYY"))
                return nil
            }
        }
        func choice<T>(_ column: ExtractColumn, _ table: [String: T], allowed: String) -> T? {
            guard let raw = text(column) else { return nil }
            if let found = table[raw.lowercased()] { return found }
            errors.append(ExtractFieldError(column, "'\(raw)' is not one of \(allowed)"))
            return nil
        }

        /// An identifier as the source system wrote it; a spreadsheet's rewriting of it is refused.
        func identifier(_ column: ExtractColumn) -> String? {
            guard let raw = text(column) else { return nil }
            if let damage = SpreadsheetDamage.problem(in: raw) {
                errors.append(ExtractFieldError(column, damage))
                return nil
            }
            return raw
        }

        let personId = identifier(.personId)
        if personId == nil && text(.personId) == nil { errors.append(ExtractFieldError(.personId, "a person id is required")) }
        let first = text(.firstName)
        let last = text(.lastName)
        if first == nil && last == nil { errors.append(ExtractFieldError(.lastName, "a first or last name is required")) }
        let dob = date(.dob)
        let sex = choice(.sex, ExtractValues.sexes, allowed: "F, M, X or U")
        let ssnText = identifier(.ssn)
        var ssn = ssnText.map(IdentifierDisplay.digits)
        var placeholderSSN = false
        if let ssnText, !ssnText.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x20 }) {
            errors.append(ExtractFieldError(.ssn, "'\(ssnText)' is not an SSN: write its 9 digits, with dashes or spaces if you like"))
            ssn = nil
        } else if let digits = ssn, digits.count != 9 {
            let shortened = (7...8).contains(digits.count) && text(.ssn)?.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) == true
            errors.append(ExtractFieldError(.ssn, shortened
                ? "an SSN has 9 digits; '\(digits)' has \(digits.count), as when a spreadsheet drops leading zeros; " + SpreadsheetDamage.remedy
                : "an SSN has 9 digits; this one has \(digits.count)"))
            ssn = nil
        } else if let digits = ssn, SSNRules.isPlaceholder(digits) {
            // CWS/CMS rows often carry 000-00-0000 or 999-99-9999 for "not known": kept as not known.
            placeholderSSN = true
            ssn = nil
        }
        let zip = text(.zip)
        if let zip {
            let isDigitOrDash: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            let leading = zip.split(separator: "-", maxSplits: 1).first.map { $0.utf8.count } ?? 0
            if zip.utf8.allSatisfy(isDigitOrDash) && (3...4).contains(leading) {
                errors.append(ExtractFieldError(.zip, "'\(zip)' is not a ZIP code: it has \(leading) digits, not 5; if it began with 0, "
                    + "a spreadsheet dropped the zero: " + SpreadsheetDamage.remedy))
            } else if !(zip.utf8.count == 5 || zip.utf8.count == 10) || !zip.utf8.allSatisfy(isDigitOrDash) {
                errors.append(ExtractFieldError(.zip, "'\(zip)' is not a ZIP code (5 digits, or ZIP+4)"))
            }
        }
        let relationship = choice(.relationship, ExtractValues.relationships, allowed: ExtractValues.relationshipNames)
        let cin = identifier(.cin)
        let phone = identifier(.phone)

        var involvements: [ExtractInvolvement] = []
        var householdKey = identifier(.caseNumber)
        var role: CaseRole?
        switch program {
        case .calworks:
            let status = choice(.programStatus, ExtractValues.statuses, allowed: "active, pending, closed or discontinued")
            let begin = date(.aidBegin)
            let end = date(.aidEnd)
            if let begin, let end, end < begin {
                errors.append(ExtractFieldError(.aidEnd, "aid ends (\(end.usFormat)) before it begins (\(begin.usFormat))"))
            }
            let welfareToWork = choice(.welfareToWorkStatus, ExtractValues.welfareToWorkStatuses,
                                       allowed: ExtractValues.welfareToWorkStatusNames)
            for raw in (text(.components) ?? "cash_aid").utf8.split(whereSeparator: { $0 == 0x3B || $0 == 0x7C }) {
                let name = String(decoding: raw, as: UTF8.self).trimmedSpaces.lowercased()
                guard let component = ExtractValues.calworksComponents[name] else {
                    errors.append(ExtractFieldError(.components, "'\(raw)' is not a CalWORKs component (cash_aid, wtw, fs)"))
                    continue
                }
                involvements.append(ExtractInvolvement(
                    component: component, status: status, start: begin, end: end, sourceCaseId: householdKey,
                    welfareToWorkStatus: component == .welfareToWork ? welfareToWork : nil))
            }
        case .childWelfare:
            let referral = identifier(.referralId)
            householdKey = householdKey ?? referral
            role = choice(.role, ExtractValues.roles, allowed: "child, parent or caretaker")
            let started = date(.referralDate)
            let ended = date(.serviceEnd)
            if let started, let ended, ended < started {
                errors.append(ExtractFieldError(.serviceEnd, "the service ends (\(ended.usFormat)) before the referral (\(started.usFormat))"))
            }
            let status = choice(.serviceStatus, ExtractValues.statuses, allowed: "open, closed or pending")
            if let component = choice(.serviceComponent, ExtractValues.childWelfareComponents, allowed: "ER, FM, FR or PP") {
                involvements.append(ExtractInvolvement(
                    component: component, status: status, start: started, end: ended, sourceCaseId: referral ?? householdKey))
            } else if text(.serviceComponent) == nil, status != nil || ended != nil {
                let what = status.map { "the status '\(text(.serviceStatus) ?? $0.rawValue)'" } ?? "an end date"
                errors.append(ExtractFieldError(.serviceComponent,
                    "\(what) needs the service component it applies to (ER, FM, FR or PP): fill service_component"))
            }
        }
        let damaged = errors.contains { $0.column == .caseNumber || $0.column == .referralId }
        if householdKey == nil && !damaged {
            let needed = program == .calworks ? "a case number" : "a case number or a referral id"
            errors.append(ExtractFieldError(program == .calworks ? .caseNumber : .referralId, "\(needed) is required to know the household"))
        }
        guard errors.isEmpty, let personId, let householdKey else { return .problems(errors) }
        var person = ExtractPerson(
            program: program, personId: personId, householdKey: householdKey,
            householdKeyColumn: text(.caseNumber) == nil ? .referralId : .caseNumber, firstName: first ?? "",
            middleName: text(.middleName), lastName: last ?? "", dateOfBirth: dob, sex: sex, ssn: ssn, cin: cin,
            street: text(.street), city: text(.city), zip: zip, phone: phone, relationship: relationship,
            caseRole: role, involvements: involvements)
        if program == .childWelfare { person.referralId = text(.referralId) }
        person.placeholderSSN = placeholderSSN
        return .person(person)
    }
}

/// The values extracts use, and what they mean.
enum ExtractValues {
    static let sexes: [String: Sex] = [
        "f": .female, "female": .female, "m": .male, "male": .male, "x": .nonbinary, "nonbinary": .nonbinary,
        "u": .unknown, "unknown": .unknown,
    ]
    static let statuses: [String: InvolvementStatus] = [
        "active": .open, "open": .open, "pending": .pending, "applied": .pending, "closed": .closed,
        "discontinued": .closed, "denied": .closed,
    ]
    static let welfareToWorkStatuses: [String: WelfareToWorkStatus] = {
        var table: [String: WelfareToWorkStatus] = [
            "active": .registered, "curing sanction": .curingSanction, "curing_sanction": .curingSanction,
            "noncompliance": .nonCompliance, "non_compliance": .nonCompliance, "sanctioned": .sanction,
        ]
        for status in WelfareToWorkStatus.allCases {
            table[status.rawValue.lowercased()] = status
            table[status.displayName] = status
        }
        return table
    }()
    static let welfareToWorkStatusNames = "registered, voluntary, exempt, curing sanction, non-compliance, sanction, ineligible or closed"
    static let calworksComponents: [String: ServiceComponent] = [
        "cash_aid": .cashAid, "cashaid": .cashAid, "ca": .cashAid, "wtw": .welfareToWork, "welfare_to_work": .welfareToWork,
        "fs": .familyStabilization, "family_stabilization": .familyStabilization,
    ]
    static let childWelfareComponents: [String: ServiceComponent] = [
        "er": .emergencyResponse, "emergency_response": .emergencyResponse, "fm": .familyMaintenance,
        "family_maintenance": .familyMaintenance, "fr": .familyReunification, "family_reunification": .familyReunification,
        "pp": .permanencyPlanning, "permanency_planning": .permanencyPlanning,
    ]
    static let roles: [String: CaseRole] = ["child": .child, "parent": .parent, "caretaker": .caretaker]
    static let relationships: [String: Relationship] = {
        var table: [String: Relationship] = [:]
        for relationship in Relationship.allCases {
            table[relationship.rawValue.lowercased()] = relationship
            table[relationship.displayName] = relationship
        }
        table["self"] = .head
        table["case head"] = .head
        table["son"] = .child
        table["daughter"] = .child
        table["mother"] = .parent
        table["father"] = .parent
        table["wife"] = .spouse
        table["husband"] = .spouse
        table["brother"] = .sibling
        table["sister"] = .sibling
        return table
    }()
    static let relationshipNames = "head, spouse, partner, child, stepchild, grandchild, parent, grandparent, sibling, other relative, non-relative"
}

import Foundation

extension String {
    /// Without leading and trailing spaces and tabs; checked on the bytes first, because extract
    /// fields rarely have any.
    var trimmedSpaces: String {
        var text = self
        let padded = text.withUTF8 { bytes in
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = bytes.first, let last = bytes.last else { return false }
            return blank(first) || blank(last)
        }
        return padded ? trimmingCharacters(in: .whitespaces) : self
    }
}
