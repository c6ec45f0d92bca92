import Foundation

/// The recorded legal ground on which one program's records about a family may be shown to
/// the other program: a release the family signed, a written authorisation, or a juvenile
/// court order. Without one, each program sees only what WIC 18961.5 lets counties share.
public struct SharingBasis: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var kind: SharingBasisKind
    /// CalWORKs records may be shown to Child Welfare.
    public var sharesCalWORKs: Bool
    /// Child Welfare records may be shown to CalWORKs.
    public var sharesChildWelfare: Bool
    /// The consent names substance-use information (42 CFR Part 2 requires that it be named).
    public var includesSubstanceUse: Bool
    public var signedOn: CalendarDate
    /// The last day the basis holds. Every basis ends: a release without an end date is not taken.
    public var expiresOn: CalendarDate
    /// The account of the worker who recorded it.
    public var recordedBy: String
    public var recordedAt: Date
    public var revokedAt: Date?
    public var revokedBy: String?
    /// Where the signed paper is kept, or anything else the next worker needs to know.
    public var note: String?

    public init(
        id: Int64? = nil, familyId: Int64, kind: SharingBasisKind, sharesCalWORKs: Bool, sharesChildWelfare: Bool,
        includesSubstanceUse: Bool = false, signedOn: CalendarDate, expiresOn: CalendarDate, recordedBy: String,
        recordedAt: Date, revokedAt: Date? = nil, revokedBy: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.familyId = familyId
        self.kind = kind
        self.sharesCalWORKs = sharesCalWORKs
        self.sharesChildWelfare = sharesChildWelfare
        self.includesSubstanceUse = includesSubstanceUse
        self.signedOn = signedOn
        self.expiresOn = expiresOn
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
        self.note = note
    }

    /// In force on `date`: signed, not yet expired, not revoked.
    public func isActive(on date: CalendarDate) -> Bool {
        revokedAt == nil && signedOn <= date && date <= expiresOn
    }

    /// Whether this basis lets the other program see `program`'s records.
    public func shares(_ program: Program) -> Bool {
        program == .calworks ? sharesCalWORKs : sharesChildWelfare
    }

    /// What is wrong with the basis as entered on `today`, in sentences; empty when it can be recorded.
    public func problems(on today: CalendarDate) -> [String] {
        var problems: [String] = []
        if !sharesCalWORKs && !sharesChildWelfare {
            problems.append("Say whose records it shares: CalWORKs, Child Welfare, or both.")
        }
        if signedOn > today {
            problems.append("The signing date \(signedOn.usFormat) is in the future.")
        }
        if expiresOn < signedOn {
            problems.append("It expires (\(expiresOn.usFormat)) before it was signed (\(signedOn.usFormat)).")
        } else if expiresOn < today {
            problems.append("It expired on \(expiresOn.usFormat): there is nothing to record.")
        }
        return problems
    }

    /// "signed release of 03/04/2026, until 03/04/2027".
    public var summary: String {
        "\(kind.displayName) of \(signedOn.usFormat), until \(expiresOn.usFormat)"
    }

    /// What it shares, in words: "CalWORKs and Child Welfare records, substance use included".
    public var scopeDescription: String {
        let programs = [sharesCalWORKs ? "CalWORKs" : nil, sharesChildWelfare ? "Child Welfare" : nil].compactMap { $0 }
        let records = programs.joined(separator: " and ") + " records"
        return records + (includesSubstanceUse ? ", substance use included" : ", not substance use")
    }
}

/// What kind of document the sharing rests on.
public enum SharingBasisKind: String, Codable, CaseIterable, Sendable {
    case signedRelease
    case authorization
    case courtOrder

    public var displayName: String {
        switch self {
        case .signedRelease: return "signed release"
        case .authorization: return "written authorisation"
        case .courtOrder: return "juvenile court order"
        }
    }
}
