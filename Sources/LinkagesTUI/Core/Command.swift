import Foundation
import LinkagesDomain
import LinkagesStore

/// What a screen asks for after handling a key or a result. Plain data, so tests can check
/// exactly what a key press caused.
public enum ScreenCommand: Equatable, Sendable {
    /// Run a database read or write outside the update function.
    case run(Effect)
    /// Open another screen on top of this one.
    case open(Route)
    /// Close this screen.
    case close
    /// Leave Linkages.
    case quit
    /// Show a one-line message to the worker.
    case say(String)
    /// Ask before doing something destructive or final.
    case confirm(Confirmation)
}

/// The only way screens touch the outside world: each effect is run by ``EffectRunner``, whose
/// result comes back to the screens as a ``DataEvent``.
public enum Effect: Equatable, Sendable {
    case loadHome
    case loadEmergencyResponseQueue
    case search(query: String, generation: Int)
    case loadFamily(id: Int64)
    /// Open a family's records the worker has no basis to see, with the reason they typed.
    case breakGlass(familyId: Int64, reason: String)
    /// Read a family again after the glass was broken on it (audited, not flagged again).
    case reloadInEmergency(familyId: Int64, reason: String)
    case loadReferrals(ReferralFilter)
    case loadPlans
    // Intake
    case createIntakeDraft(IntakeDraft)
    case saveIntakeDraft(id: Int64, IntakeDraft)
    case loadIntake(id: Int64)
    case loadIntakeDrafts
    case discardIntakeDraft(id: Int64)
    case findKnownRecords([MemberEntry], generation: Int)
    case loadKnownFamily(id: Int64)
    case finishIntake(id: Int64)
    // Access
    case recordSharingBasis(SharingBasis)
    case loadEmergencyOpenings
    /// The sharing bases waiting for the supervisor's program's approval.
    case loadPendingBases
    /// Approve or refuse a basis for the deciding supervisor's program.
    case decideBasis(id: Int64, approve: Bool, reason: String?)
    case loadAgenda
    /// The outcomes report for a period, for the whole county or split by a breakdown.
    case loadOutcomes(ReportPeriod, breakdown: Breakdown?)
    // Referrals
    case loadReferral(id: Int64)
    /// `seen`: the referral as the worker read it; a referral changed since is not stepped.
    case referralStep(id: Int64, ReferralStep, seen: Referral?)
    case addReferralNote(id: Int64, text: String, sensitive: Bool)
    case reassignReferral(id: Int64, liaisonId: Int64, seen: Referral?)
    case findDuplicateReferral(Referral)
    case createReferral(Referral)
    case searchDirectory(String, generation: Int)
    case reviewEmergency(eventId: Int64)
    // Match review
    case loadMatchReview
    case loadFamilyLinks(familyId: Int64)
    case decideMatch(id: Int64, confirm: Bool)
    case revealSSN(matchId: Int64)
    /// The active caseworkers, liaisons and supervisors, for naming a plan's workers.
    case loadWorkers
    /// `seen`: the plan as the worker read it (nil when they saw none), so that a save over
    /// another worker's is merged or refused instead of overwriting it.
    case savePlan(familyId: Int64, goals: String, leadWorkerId: Int64?, seen: CasePlan?)
    /// `seen`: the task as the worker read it (nil for a new task).
    case saveTask(familyId: Int64, PlanTask, seen: PlanTask?)
    case loadInvitees(familyId: Int64)
    case loadFamilyAudit(familyId: Int64)
    case scheduleMeeting(TeamMeeting, invitees: [MeetingInvitee])
    case recordDecision(meetingId: Int64, text: String, task: PlanTask?)
    case setMeetingStatus(meetingId: Int64, MeetingStatus, seen: TeamMeeting?)
    /// `came`: for each invitee's id, whether they came; `alsoCame`: those who came uninvited.
    case recordAttendance(meetingId: Int64, came: [Int64: Bool], alsoCame: [MeetingInvitee], seen: TeamMeeting?)
    case recordStaffing(familyId: Int64, minutes: String)
    case shareChange(familyId: Int64, ChangeKind, text: String)
    case recordResponseContact(intakeId: Int64, ResponseContact)
    case loadInbox
    case markChangeRead(id: Int64)
    /// Put the training database back as it was when `linkages train` started.
    case resetTraining

    /// Writes that must be on disk before the next key is read: a dropped connection or a
    /// power cut right after a key press loses nothing that was on screen.
    public var runsBeforeNextKey: Bool {
        switch self {
        case .createIntakeDraft, .saveIntakeDraft, .discardIntakeDraft, .finishIntake, .decideMatch, .recordSharingBasis, .decideBasis, .reviewEmergency,
             .referralStep, .addReferralNote, .createReferral, .reassignReferral, .savePlan, .saveTask,
             .scheduleMeeting, .recordDecision, .setMeetingStatus, .recordAttendance, .recordStaffing, .shareChange, .recordResponseContact, .markChangeRead, .resetTraining: return true
        default: return false
        }
    }
}

/// The result of an effect.
public enum DataEvent: Equatable, Sendable {
    case home(HomeSummary)
    case emergencyResponseQueue([EmergencyResponseRow])
    case searchResults(generation: Int, LookupAnswer)
    case family(id: Int64, FamilyDetail?)
    case referrals(ReferralFilter, [ReferralRow])
    case plans([PlanSummary])
    case intakeDraftCreated(id: Int64)
    case intakeDraftSaved(id: Int64, at: Date)
    case intakeLoaded(id: Int64, IntakeRecord?)
    case intakeDrafts([IntakeDraftSummary])
    case intakeDraftDiscarded(id: Int64)
    case knownRecords(generation: Int, [KnownRecordMatch])
    case knownFamily(id: Int64, KnownFamily, name: String)
    case intakeFinished(id: Int64, familyId: Int64)
    /// A write about an intake failed; the sentence is for the worker.
    case intakeNotSaved(id: Int64?, String)
    case matchReview([PersonMatch])
    case matchDecided(PersonMatch)
    case ssnRevealed(matchId: Int64)
    case sharingBasisRecorded(SharingBasis)
    case emergencyOpenings([EmergencyOpening])
    case pendingBases([PendingSharingBasis])
    case basisDecided(SharingBasis)
    case agenda([AgendaItem])
    case outcomes(OutcomeReport)
    case referral(id: Int64, ReferralDetail?)
    case referralChanged(Referral)
    /// Someone changed the referral after the worker read it: the step was not taken.
    case referralStale(id: Int64, String)
    case referralNoteAdded(referralId: Int64)
    case duplicateReferral(Referral?)
    case referralCreated(Referral)
    case directoryResults(generation: Int, [DirectoryEntry])
    case emergencyReviewed(eventId: Int64)
    case workers([Worker])
    case planSaved(CasePlan)
    case taskSaved(familyId: Int64, PlanTask)
    /// Another worker saved the same fields of the plan or task since it was read.
    case planConflict(familyId: Int64, EditConflict, current: CasePlan)
    case taskConflict(familyId: Int64, EditConflict, current: PlanTask)
    case invitees(familyId: Int64, [MeetingInvitee])
    case meetingScheduled(TeamMeeting)
    case decisionRecorded(MeetingDecision)
    case meetingChanged(meetingId: Int64)
    case attendanceRecorded(meetingId: Int64)
    case familyAudit(familyId: Int64, [FamilyAuditRow])
    /// Someone changed the meeting after the worker read it: nothing was changed.
    case meetingStale(meetingId: Int64, String)
    case staffingRecorded(familyId: Int64)
    case changeShared(ChangeNotice)
    case responseContactRecorded(intakeId: Int64, ResponseContact)
    case inbox([ChangeNoticeRow])
    case changeRead(id: Int64)
    /// The training database is back at its start.
    case trainingReset
    /// An effect failed; the sentence is for the worker.
    case failed(String)
}
