import LinkagesDomain

/// Everything a key can do, named. Key tables map keys to actions; tests press actions by
/// name; the help overlay and docs/keybindings.md list them.
public enum Action: Hashable, Sendable {
    // Moving around
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    case nextFocus, previousFocus
    // Common
    case open
    case back
    /// Close a list or box without choosing (Esc in a picker).
    case cancel
    case quit
    case help
    case search
    case refresh
    // Home
    case go(Route)
    // Lists
    case cycleFilter
    case startFilter, acceptFilter, clearFilter
    // Intake
    case newIntake
    case discardDraft, confirmDiscardDraft
    case nextSection, previousSection
    case addMember, removeMember, confirmRemoveMember
    case attachFamily, detachFamily
    case showOutcome
    case finishIntake, confirmFinishIntake
    case resumeDraft, dismissOffer
    // Match review
    case confirmMatch, rejectMatch, toggleBlind, revealSSN
    // Family
    case breakGlass, confirmBreakGlass
    /// A supervisor has looked at an emergency opening.
    case markReviewed
    /// A supervisor decides on a sharing basis another worker recorded.
    case approveBasis, confirmApproveBasis, refuseBasis
    /// Save the form on screen.
    case save
    // Referrals
    case referralStep(ReferralStepKind)
    case addNote
    case reassign
    case sendDespiteDuplicate
    case useSuggestion
    // Plans
    case newTask, editGoals
    // Team meetings
    case scheduleMeeting, recordDecision, recordAttendance, markHeld, cancelMeeting, confirmCancelMeeting
    // Outcomes
    case previousPeriod, nextPeriod, showDisparity, showMeasures
    // Training
    case resetTraining
}

/// A screen that can be opened.
public enum Route: Hashable, Sendable {
    case intake
    case intakeForm(Int64)
    case intakeDrafts
    case lookup
    case referrals
    case plans
    case family(Int64)
    case plan(familyId: Int64)
    case matchReview
    case recordRelease(familyId: Int64, familyName: String)
    case emergencies
    /// The sharing bases waiting for a supervisor's approval.
    case approvals
    case agenda
    case referral(Int64)
    case familyLinks(familyId: Int64, familyName: String)
    case newReferral(familyId: Int64, familyName: String)
    /// The family's goals and lead worker (starts the plan when there is none).
    case planGoals(familyId: Int64, familyName: String, plan: CasePlan?)
    /// A new plan task (`task` nil) or a change to one; `tasks` are the plan's others, to wait for.
    case planTask(familyId: Int64, familyName: String, task: PlanTask?, tasks: [PlanTask])
    /// The family's Child and Family Team meetings and the first meeting's deadline.
    case meetings(familyId: Int64)
    case scheduleMeeting(familyId: Int64, familyName: String)
    case meetingDecision(meetingId: Int64, familyId: Int64, familyName: String)
    /// Who read or changed the family's records, for a supervisor.
    case familyAudit(familyId: Int64, familyName: String)
    /// Who came to `meeting`, of those it invited.
    case meetingAttendance(familyId: Int64, familyName: String, meeting: TeamMeeting, invitees: [MeetingInvitee])
    /// Marking a family staffed, with the minutes.
    case staffingMinutes(familyId: Int64, familyName: String)
    /// Telling the other program of a change in the family.
    case shareChange(familyId: Int64, familyName: String)
    /// The changes the other program told this worker about.
    case changeInbox
    /// The outcomes dashboard (supervisors, liaisons, administrators, trainers).
    case outcomes
    /// Recording the in-person contact after a finished ER intake.
    case recordContact(intakeId: Int64, familyId: Int64, familyName: String)
}
