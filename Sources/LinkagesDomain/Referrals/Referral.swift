import Foundation

/// A referral from one program to the other program, a liaison or a community provider, on
/// behalf of a family. Closed-loop: it is followed until it reaches an outcome.
public struct Referral: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    /// The person the referral is mainly for, when it is for one person.
    public var personId: Int64?
    public var fromProgram: Program
    public var fromWorkerId: Int64?
    /// Set when the referral goes to a program (its liaison's queue).
    public var toProgram: Program?
    /// Set when the referral goes to a community provider.
    public var toProviderName: String?
    public var type: ReferralType
    public var urgency: ReferralUrgency
    public var reason: String
    public var status: ReferralStatus
    public var outcome: ReferralOutcome?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the referral entered its current status: the service-level clock starts here.
    public var statusSince: Date?
    /// The liaison whose queue a referral to a program is in.
    public var assignedLiaisonId: Int64?
    /// How many times the record was saved: an edit carries the version its worker read, so
    /// that a save over someone else's newer one is noticed instead of overwriting it.
    public var version: Int

    public init(
        id: Int64? = nil, familyId: Int64, personId: Int64? = nil, fromProgram: Program,
        fromWorkerId: Int64? = nil, toProgram: Program? = nil, toProviderName: String? = nil,
        type: ReferralType, urgency: ReferralUrgency = .routine, reason: String,
        status: ReferralStatus = .draft, outcome: ReferralOutcome? = nil, createdAt: Date,
        updatedAt: Date? = nil, statusSince: Date? = nil, assignedLiaisonId: Int64? = nil, version: Int = 1
    ) {
        self.version = version
        self.statusSince = statusSince ?? updatedAt ?? createdAt
        self.assignedLiaisonId = assignedLiaisonId
        self.id = id
        self.familyId = familyId
        self.personId = personId
        self.fromProgram = fromProgram
        self.fromWorkerId = fromWorkerId
        self.toProgram = toProgram
        self.toProviderName = toProviderName
        self.type = type
        self.urgency = urgency
        self.reason = reason
        self.status = status
        self.outcome = outcome
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// "Child Welfare", "CalWORKs" or the provider's name.
    public var destinationName: String {
        toProviderName ?? toProgram?.displayName ?? "—"
    }
}

/// One step in a referral's timeline: who moved it to which status, when, and why.
public struct ReferralEvent: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var referralId: Int64
    public var status: ReferralStatus
    public var at: Date
    public var workerId: Int64?
    public var note: String?

    public init(id: Int64? = nil, referralId: Int64, status: ReferralStatus, at: Date, workerId: Int64? = nil, note: String? = nil) {
        self.id = id
        self.referralId = referralId
        self.status = status
        self.at = at
        self.workerId = workerId
        self.note = note
    }
}

/// What a referral asks for.
public enum ReferralType: String, Codable, CaseIterable, Sendable {
    case expeditedCalWORKsAppointment
    case welfareToWorkSupportiveServices
    case employmentServices
    case familyStabilization
    case childCare
    case housing
    case homeSafety
    case domesticViolence
    case mentalHealth
    case substanceUseTreatment
    case differentialResponsePath1
    case homeVisitingNFP
    case homeVisitingHFA
    case utilityAssistance
    case other

    public var displayName: String {
        switch self {
        case .expeditedCalWORKsAppointment: return "Expedited CalWORKs appointment"
        case .welfareToWorkSupportiveServices: return "WTW supportive services"
        case .employmentServices: return "Employment services"
        case .familyStabilization: return "Family Stabilization"
        case .childCare: return "Child care"
        case .housing: return "Housing"
        case .homeSafety: return "Home safety"
        case .domesticViolence: return "Domestic violence services"
        case .mentalHealth: return "Mental health"
        case .substanceUseTreatment: return "Substance use treatment"
        case .differentialResponsePath1: return "Differential Response Path 1"
        case .homeVisitingNFP: return "Home visiting (Nurse-Family Partnership)"
        case .homeVisitingHFA: return "Home visiting (Healthy Families America)"
        case .utilityAssistance: return "Utility help (LIHEAP)"
        case .other: return "Other"
        }
    }

    /// Substance-use treatment referrals carry 42 CFR Part 2 information.
    public var isSensitive: Bool { self == .substanceUseTreatment }
}

public enum ReferralUrgency: String, Codable, CaseIterable, Sendable {
    case routine, priority, urgent

    public var displayName: String { rawValue.capitalized }
}

/// The steps of a closed-loop referral.
public enum ReferralStatus: String, Codable, CaseIterable, Sendable {
    case draft, sent, received, accepted, declined, inService, closed

    public var displayName: String {
        switch self {
        case .draft: return "Draft"
        case .sent: return "Sent"
        case .received: return "Received"
        case .accepted: return "Accepted"
        case .declined: return "Declined"
        case .inService: return "In service"
        case .closed: return "Closed"
        }
    }

    /// Still needs someone to act (everything but closed).
    public var isOpen: Bool { self != .closed }
}

/// How a closed referral ended.
public enum ReferralOutcome: String, Codable, CaseIterable, Sendable {
    case servicesReceived, familyDeclined, unableToContact, notEligible, withdrawn

    public var displayName: String {
        switch self {
        case .servicesReceived: return "Services received"
        case .familyDeclined: return "Family declined"
        case .unableToContact: return "Unable to contact"
        case .notEligible: return "Not eligible"
        case .withdrawn: return "Withdrawn"
        }
    }
}

/// A message in a referral's thread between the sending and receiving sides.
public struct ReferralNote: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var referralId: Int64
    public var workerId: Int64?
    public var at: Date
    public var text: String
    /// Holds sensitive information (substance use, domestic violence details): shown flagged.
    public var sensitive: Bool

    public init(id: Int64? = nil, referralId: Int64, workerId: Int64?, at: Date, text: String, sensitive: Bool = false) {
        self.id = id
        self.referralId = referralId
        self.workerId = workerId
        self.at = at
        self.text = text
        self.sensitive = sensitive
    }
}
