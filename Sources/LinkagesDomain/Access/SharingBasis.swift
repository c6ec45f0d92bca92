import Foundation

/// The recorded legal ground on which one program's records about a family may be shown to
/// the other program: a release the family signed, a written authorisation, or a juvenile
/// court order. Without one, each program sees only what WIC 18961.5 lets counties share.
///
/// Any worker may record one, but it opens a program's records only once a supervisor of that
/// program, who is not the recorder, has approved it (``decision(for:)``): one worker alone
/// cannot give herself access to the other program's records.
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
    /// The worker who recorded it (what the second-person rule compares: on a demo database
    /// one account may act as several workers).
    public var recordedByWorkerId: Int64?
    public var recordedAt: Date
    public var revokedAt: Date?
    public var revokedBy: String?
    /// Where the signed paper is kept, or anything else the next worker needs to know.
    public var note: String?
    /// A CalWORKs supervisor's decision on showing CalWORKs records; nil while pending.
    public var calworksDecision: BasisDecision?
    /// A Child Welfare supervisor's decision on showing Child Welfare records; nil while pending.
    public var childWelfareDecision: BasisDecision?

    public init(
        id: Int64? = nil, familyId: Int64, kind: SharingBasisKind, sharesCalWORKs: Bool, sharesChildWelfare: Bool,
        includesSubstanceUse: Bool = false, signedOn: CalendarDate, expiresOn: CalendarDate, recordedBy: String,
        recordedAt: Date, revokedAt: Date? = nil, revokedBy: String? = nil, note: String? = nil,
        calworksDecision: BasisDecision? = nil, childWelfareDecision: BasisDecision? = nil, recordedByWorkerId: Int64? = nil
    ) {
        self.recordedByWorkerId = recordedByWorkerId
        self.calworksDecision = calworksDecision
        self.childWelfareDecision = childWelfareDecision
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

    /// Whether this basis names `program`'s records as shared (approved or not).
    public func shares(_ program: Program) -> Bool {
        program == .calworks ? sharesCalWORKs : sharesChildWelfare
    }

    /// The decision on showing `program`'s records, nil while it waits for one.
    public func decision(for program: Program) -> BasisDecision? {
        program == .calworks ? calworksDecision : childWelfareDecision
    }

    public mutating func setDecision(_ decision: BasisDecision, for program: Program) {
        if program == .calworks { calworksDecision = decision } else { childWelfareDecision = decision }
    }

    /// Whether it lets the other program see `program`'s records on `date`: in force, naming
    /// them, and approved by that program.
    public func opens(_ program: Program, on date: CalendarDate) -> Bool {
        isActive(on: date) && shares(program) && decision(for: program)?.approved == true
    }

    /// The programs whose approval it still waits for (while in force).
    public func awaitingApproval(on date: CalendarDate) -> [Program] {
        guard isActive(on: date) else { return [] }
        return Program.allCases.filter { shares($0) && decision(for: $0) == nil }
    }

    /// Whether `worker` recorded it: by worker when the basis names one, else by account.
    public func isRecorded(by worker: Worker) -> Bool {
        if let recordedByWorkerId, let id = worker.id { return recordedByWorkerId == id }
        return recordedBy == worker.account
    }

    /// Where it stands, in words: "in force", "waiting for a Child Welfare supervisor's approval" …
    public func state(on date: CalendarDate) -> String {
        if let revokedBy = revokedBy, revokedAt != nil { return "revoked by \(revokedBy)" }
        guard isActive(on: date) else { return date > expiresOn ? "expired" : "not yet in force" }
        var parts: [String] = []
        for program in Program.allCases where shares(program) {
            switch decision(for: program) {
            case nil: parts.append("waiting for a \(program.displayName) supervisor's approval")
            case let decision? where decision.approved: parts.append("\(program.displayName) records approved by \(decision.name)")
            case let decision?:
                parts.append("\(program.displayName) records refused by \(decision.name)" + (decision.reason.map { " (“\($0)”)" } ?? ""))
            }
        }
        return parts.joined(separator: "; ")
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

/// A supervisor's decision on whether a sharing basis opens their program's records.
public struct BasisDecision: Codable, Hashable, Sendable {
    public var approved: Bool
    /// The deciding worker's account, and their name as colleagues know it.
    public var account: String
    public var name: String
    public var workerId: Int64?
    public var at: Date
    /// Why (required for a refusal).
    public var reason: String?

    /// Whether `worker` made the decision: by worker when it names one, else by account.
    public func isMade(by worker: Worker) -> Bool {
        if let workerId, let id = worker.id { return workerId == id }
        return account == worker.account
    }

    public init(approved: Bool, account: String, name: String, workerId: Int64? = nil, at: Date, reason: String? = nil) {
        self.workerId = workerId
        self.approved = approved
        self.account = account
        self.name = name
        self.at = at
        self.reason = reason
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
