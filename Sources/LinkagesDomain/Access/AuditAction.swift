/// What an audit row records: each view of a family's details, each change, export, match
/// decision and consent change.
public enum AuditAction: String, Codable, CaseIterable, Sendable {
    case viewFamily
    /// A list or search that showed families' data (the lookup, referral and plan lists …).
    case viewList
    /// A worker read more families than the county's limit within its window; flagged.
    case bulkViewing
    /// A supervisor or administrator read the audit trail.
    case viewAuditTrail
    /// A worker opened records they had no basis to see, with a typed reason; flagged for review.
    case breakGlass
    /// A supervisor reviewed an emergency opening.
    case reviewEmergency
    /// A supervisor showed a full SSN.
    case revealSSN
    case recordSharingBasis
    case createReferral
    case referralStep
    case referralNote
    case reassignReferral
    case viewReferral
    case viewAgenda
    case viewOutcomes
    case recordReunification
    case changePlan
    case exportPlan
    case exportAgenda
    case scheduleMeeting
    case recordMeeting
    case recordStaffing
    case shareChange
    case readChange
    case exportReferrals
    case revokeSharingBasis
    /// A supervisor approved a sharing basis for their program's records.
    case approveSharingBasis
    case refuseSharingBasis
    case decideMatch
    case startIntake
    case finishIntake
    /// An ER worker recorded the in-person contact (or an attempt) after an intake.
    case recordContact
    case discardIntake
    case importExtract
    case runMatch
    case exportPairs
    case addWorker
    case changeWorker
    case changeSettings
    case backup
    /// A backup was put in place of the database.
    case restore

    public var displayName: String {
        switch self {
        case .viewOutcomes: return "read the outcomes report"
        case .viewFamily: return "viewed family"
        case .viewList: return "listed families"
        case .bulkViewing: return "viewed many families"
        case .viewAuditTrail: return "read the audit trail"
        case .breakGlass: return "broke the glass"
        case .reviewEmergency: return "reviewed emergency opening"
        case .revealSSN: return "showed a full SSN"
        case .recordSharingBasis: return "recorded sharing basis"
        case .createReferral: return "created referral"
        case .referralStep: return "moved referral"
        case .referralNote: return "wrote referral note"
        case .reassignReferral: return "reassigned referral"
        case .viewReferral: return "viewed referral"
        case .viewAgenda: return "viewed staffing agenda"
        case .recordReunification: return "recorded reunification findings"
        case .changePlan: return "changed joint case plan"
        case .exportPlan: return "exported joint case plan"
        case .exportAgenda: return "exported staffing agenda"
        case .scheduleMeeting: return "scheduled team meeting"
        case .recordMeeting: return "recorded team meeting"
        case .recordStaffing: return "recorded joint staffing"
        case .shareChange: return "told the other program of a change"
        case .readChange: return "read a change notice"
        case .exportReferrals: return "exported referrals"
        case .revokeSharingBasis: return "revoked sharing basis"
        case .approveSharingBasis: return "approved sharing basis"
        case .refuseSharingBasis: return "refused sharing basis"
        case .decideMatch: return "decided match"
        case .startIntake: return "started intake"
        case .finishIntake: return "finished intake"
        case .recordContact: return "recorded an ER contact"
        case .discardIntake: return "discarded intake"
        case .importExtract: return "imported extract"
        case .runMatch: return "ran batch match"
        case .exportPairs: return "exported pairs"
        case .addWorker: return "added worker"
        case .changeWorker: return "changed worker"
        case .changeSettings: return "changed settings"
        case .backup: return "backed up database"
        case .restore: return "restored database from a backup"
        }
    }
}

extension AuditAction {
    /// The action shows families' records or data: what the county's limit on reading many
    /// families in a short while counts.
    public var readsFamilies: Bool {
        switch self {
        case .viewFamily, .viewList, .breakGlass, .viewReferral, .exportPlan, .exportAgenda, .exportReferrals, .exportPairs, .viewAgenda:
            return true
        default:
            return false
        }
    }
}
