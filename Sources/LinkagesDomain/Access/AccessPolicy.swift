import Foundation

/// Who may see what: the one place the sharing rules live.
///
/// A worker sees their own program's records in full when the record is theirs to work on
/// (their office, or assigned to them; liaisons county-wide). Of the other program's records,
/// and of their own program's records in other offices, they see only the identifying fields
/// WIC 18961.5 lets counties share about families at risk, and who to contact, unless a
/// sharing basis recorded for the family covers that program, or they break the glass in an
/// emergency. Substance-use information (42 CFR Part 2) is shown only to the worker who
/// recorded it, or under a consent that names it. Administrators manage accounts and see no
/// family; trainers see everything, on training and demo data only.
///
/// Sources: WIC 10850, WIC 827, WIC 18961.5, 42 CFR Part 2 (docs/privacy-and-security.md).
public struct AccessPolicy: Sendable {
    public var viewer: Worker
    /// The database holds made-up families (a demo or training database).
    public var isPracticeData: Bool
    public var today: CalendarDate

    public init(viewer: Worker, isPracticeData: Bool, today: CalendarDate) {
        self.viewer = viewer
        self.isPracticeData = isPracticeData
        self.today = today
    }

    // MARK: What a worker may do

    /// Whether the worker may open the case screens at all.
    public var mayOpenFamilies: Bool {
        guard viewer.active else { return false }
        switch viewer.role {
        case .admin: return false
        case .trainer: return isPracticeData
        case .caseworker, .liaison, .supervisor: return true
        }
    }

    /// Why the case screens are closed to the worker, in one sentence; nil when they are open.
    public var refusal: String? {
        guard !mayOpenFamilies else { return nil }
        if !viewer.active {
            return "Your Linkages account (\(viewer.name)) is disabled; ask your administrator."
        }
        switch viewer.role {
        case .admin:
            return "Administrators see no family records; manage workers with `linkages admin worker` and review the audit trail with `linkages audit`."
        case .trainer:
            return "Trainers work on training databases only; use `linkages train` or `linkages demo`."
        default:
            return nil
        }
    }

    /// Supervisors decide the links the batch match is unsure of.
    public var mayDecideMatches: Bool {
        mayOpenFamilies && (viewer.role == .supervisor || (viewer.role == .trainer && isPracticeData))
    }

    /// Supervisors run the joint staffings (and trainers show them on practice data): the agenda,
    /// and marking a family staffed with the minutes.
    public var mayRunStaffings: Bool { mayDecideMatches }

    /// The outcomes report: county-wide counts with small ones suppressed, for the people who
    /// answer for the program (supervisors, liaisons, administrators) and trainers.
    public var mayReadOutcomes: Bool {
        [.supervisor, .liaison, .admin, .trainer].contains(viewer.role)
    }

    /// The in-person contact after an ER referral is Child Welfare's to record (MPP 31-115,
    /// 31-120): its caseworkers, liaisons and supervisors, and trainers on practice data.
    public var mayRecordResponseContact: Bool {
        mayOpenFamilies && (viewer.program == .childWelfare || viewer.role == .trainer)
    }

    /// A worker who obtains a release records it; it opens nothing until approved.
    public var mayRecordSharingBasis: Bool {
        mayOpenFamilies
    }

    /// Whether the worker may approve or refuse `basis` for `program`'s records: a supervisor of
    /// that program who did not record it (a trainer, on practice data). The second person is
    /// what keeps one worker from giving herself access (WIC 10850, 827).
    public func mayDecide(_ basis: SharingBasis, for program: Program) -> Bool {
        guard mayOpenFamilies, basis.shares(program), !basis.isRecorded(by: viewer) else { return false }
        if viewer.role == .trainer { return isPracticeData }
        return viewer.role == .supervisor && viewer.program == program
    }

    /// Why the worker may not decide `basis` for `program`, in one sentence; nil when they may.
    public func decisionRefusal(_ basis: SharingBasis, for program: Program) -> String? {
        guard !mayDecide(basis, for: program) else { return nil }
        if !basis.shares(program) { return "this basis does not share \(program.displayName) records" }
        if basis.isRecorded(by: viewer) { return "you recorded it: another supervisor approves it" }
        return "only a \(program.displayName) supervisor approves the showing of \(program.displayName) records"
    }

    /// Whether the worker may revoke `basis`: who recorded it, a supervisor of a program whose
    /// records it shares, or an administrator; no one else.
    public func mayRevoke(_ basis: SharingBasis) -> Bool {
        guard viewer.active else { return false }
        if viewer.role == .admin { return true }
        if viewer.role == .trainer { return isPracticeData }
        if basis.isRecorded(by: viewer) { return true }
        return viewer.role == .supervisor && basis.shares(viewer.program)
    }

    // MARK: Records

    /// What the worker may see of one program's record of a family.
    ///
    /// - Parameters:
    ///   - record: whose record it is, which office holds it, who is assigned.
    ///   - bases: every sharing basis recorded for the family (expired and revoked ones included).
    ///   - emergencyReason: the reason typed when the worker broke the glass on this family.
    public func access(to record: RecordOwnership, bases: [SharingBasis], emergencyReason: String? = nil) -> RecordAccess {
        guard mayOpenFamilies else { return .none }
        if viewer.role == .trainer { return .full(.practiceData) }
        if record.program == viewer.program {
            if isOwnWork(record) { return .full(.ownProgram) }
            if let emergencyReason { return .full(.emergency(reason: emergencyReason)) }
            return .identifying(.otherOffice(record.office ?? ""))
        }
        if let basis = activeBasis(in: bases, sharing: record.program) {
            return .full(.sharingBasis(basis))
        }
        if let emergencyReason { return .full(.emergency(reason: emergencyReason)) }
        return .identifying(.noSharingBasis(record.program))
    }

    /// Whether the worker may see substance-use information held in `record`'s program.
    ///
    /// - Parameter recordedBy: the account of the worker who recorded it, when known.
    public func substanceUse(
        in record: RecordOwnership, recordedBy: String?, bases: [SharingBasis]
    ) -> SubstanceUseAccess {
        guard mayOpenFamilies else { return .withheld }
        if viewer.role == .trainer { return .shown(underConsent: nil) }
        if let recordedBy, recordedBy == viewer.account { return .shown(underConsent: nil) }
        guard case .full(let ground) = access(to: record, bases: bases), !ground.isEmergency else { return .withheld }
        // A consent holds for a program's records once that program approved it; for the
        // worker's own program, once either program did.
        let consent = bases.first { basis in
            basis.includesSubstanceUse && (basis.opens(record.program, on: today)
                || (record.program == viewer.program && Program.allCases.contains { basis.opens($0, on: today) }))
        }
        return consent.map { .shown(underConsent: $0) } ?? .withheld
    }

    /// Whether a referral appears in the worker's referral list: referrals their program sent or
    /// received; substance-use treatment referrals only to the worker who sent them. (The
    /// family page shows more when a release covers it.)
    public func mayList(referralFrom from: Program, to: Program?, type: ReferralType, sentBy account: String?) -> Bool {
        guard mayOpenFamilies else { return false }
        if viewer.role == .trainer { return true }
        guard from == viewer.program || to == viewer.program else { return false }
        return !type.isSensitive || (account != nil && account == viewer.account)
    }

    /// The record is the worker's to work on: same program and office, assigned to them, or
    /// county-wide for a liaison. A record that names no office belongs to the whole program.
    private func isOwnWork(_ record: RecordOwnership) -> Bool {
        if viewer.role == .liaison { return true }
        if let id = viewer.id, record.assignedWorkerIds.contains(id) { return true }
        guard let office = record.office else { return true }
        return office.caseInsensitiveCompare(viewer.office) == .orderedSame
    }

    private func activeBasis(in bases: [SharingBasis], sharing program: Program) -> SharingBasis? {
        bases.filter { $0.opens(program, on: today) }.max { $0.expiresOn < $1.expiresOn }
    }
}

/// Whose a record is, as the access rules need to know it.
public struct RecordOwnership: Hashable, Sendable {
    public var program: Program
    /// The office that holds the record; nil when it names none.
    public var office: String?
    /// The workers assigned to it.
    public var assignedWorkerIds: Set<Int64>

    public init(program: Program, office: String? = nil, assignedWorkerIds: Set<Int64> = []) {
        self.program = program
        self.office = office
        self.assignedWorkerIds = assignedWorkerIds
    }
}

/// What a worker may see of one record.
public enum RecordAccess: Hashable, Sendable {
    /// Everything, on the stated ground.
    case full(AccessGround)
    /// The identifying fields WIC 18961.5 allows (names, address, phone, dates of birth, the
    /// case or referral number, the assigned worker's name and phone, dates of contact).
    case identifying(Withheld)
    /// Nothing at all.
    case none

    public var isFull: Bool {
        if case .full = self { return true }
        return false
    }

    /// One line for the screen: why the worker sees what they see.
    public var explanation: String {
        switch self {
        case .full(let ground): return ground.explanation
        case .identifying(let withheld): return withheld.explanation
        case .none: return "Not shown to your role."
        }
    }
}

/// Why a worker sees a record in full.
public enum AccessGround: Hashable, Sendable {
    case ownProgram
    case sharingBasis(SharingBasis)
    case emergency(reason: String)
    case practiceData

    public var isEmergency: Bool {
        if case .emergency = self { return true }
        return false
    }

    public var explanation: String {
        switch self {
        case .ownProgram: return "Your program's record."
        case .sharingBasis(let basis): return "Shared under the \(basis.summary)."
        case .emergency(let reason): return "Opened in an emergency (“\(reason)”); your supervisor is told."
        case .practiceData: return "Practice data: every record is shown."
        }
    }
}

/// Why only the identifying fields are shown.
public enum Withheld: Hashable, Sendable {
    /// The other program's record, and no release or order covers it.
    case noSharingBasis(Program)
    /// The worker's own program, but another office's record.
    case otherOffice(String)

    public var explanation: String {
        switch self {
        case .noSharingBasis(let program):
            return "Known to \(program.displayName). Only identifying details are shared (WIC 18961.5) until a release is recorded."
        case .otherOffice(let office):
            let where_ = office.isEmpty ? "another office" : "the \(office) office"
            return "Held by \(where_): only identifying details are shown; contact the assigned worker."
        }
    }
}

/// Whether substance-use information is shown, and under which consent.
public enum SubstanceUseAccess: Hashable, Sendable {
    /// Shown; `underConsent` is the Part 2 consent it was disclosed under (nil for the worker who recorded it).
    case shown(underConsent: SharingBasis?)
    case withheld

    public var isShown: Bool {
        if case .shown = self { return true }
        return false
    }

    /// The redisclosure notice 42 CFR 2.32 requires beside information disclosed under consent.
    public static let redisclosureNotice = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
}
