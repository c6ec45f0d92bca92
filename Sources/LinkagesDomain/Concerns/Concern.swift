import Foundation

/// A risk factor or service need recorded for a family: at an ER intake, by a CalWORKs worker,
/// or from a program's data. Concerns are what move a CalWORKs family from primary prevention
/// to early intervention in the Linkages logic model.
public struct Concern: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var kind: ConcernKind
    public var note: String?
    public var recordedAt: Date
    public var recordedById: Int64?

    public init(
        id: Int64? = nil, familyId: Int64, kind: ConcernKind, note: String? = nil, recordedAt: Date,
        recordedById: Int64? = nil
    ) {
        self.id = id
        self.familyId = familyId
        self.kind = kind
        self.note = note
        self.recordedAt = recordedAt
        self.recordedById = recordedById
    }
}

/// The kinds of concern the seeds' targeted ER questions bring out.
public enum ConcernKind: String, Codable, CaseIterable, Sendable {
    // Financial stability
    case jobLoss
    case financialHardship
    case housingInstability
    case foodInsecurity
    case childCareNeed
    case utilityShutoff
    // Safety
    case domesticViolence
    case substanceUse
    case mentalHealth
    case homeSafetyHazard
    case childWelfareReport
    // Children's well-being
    case schoolAbsence
    case parentingStress

    public var displayName: String {
        switch self {
        case .jobLoss: return "recent job loss"
        case .financialHardship: return "financial hardship"
        case .housingInstability: return "housing instability"
        case .foodInsecurity: return "not enough food"
        case .childCareNeed: return "no child care"
        case .utilityShutoff: return "utility shut-off notice"
        case .domesticViolence: return "domestic violence"
        case .substanceUse: return "substance use"
        case .mentalHealth: return "mental health need"
        case .homeSafetyHazard: return "home safety hazards"
        case .childWelfareReport: return "child welfare report or concern"
        case .schoolAbsence: return "school absences"
        case .parentingStress: return "parenting stress"
        }
    }

    /// Economic disadvantage rather than a safety threat. Under AB 2085 (Penal Code 11165.2),
    /// economic disadvantage alone is not general neglect.
    public var isEconomic: Bool {
        switch self {
        case .jobLoss, .financialHardship, .housingInstability, .foodInsecurity, .childCareNeed,
             .utilityShutoff:
            return true
        default:
            return false
        }
    }

    /// Substance-use information is protected by 42 CFR Part 2 and shown only to those allowed.
    public var isSensitive: Bool {
        self == .substanceUse
    }
}
