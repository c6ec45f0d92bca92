import Foundation
import LinkagesDomain
import LinkagesStore

/// Runs effects against the database and turns each result into a ``DataEvent``. The runtime
/// calls it off the input thread; tests call it directly.
public struct EffectRunner: Sendable {
    public let database: AppDatabase
    /// The worker using the screens: what they may see, and the account their work is saved under.
    public let worker: Worker
    /// The database holds made-up families (demo or training).
    public let isPracticeData: Bool
    public let questionBank: QuestionBank
    /// The county's staffing agenda weights.
    public let staffingWeights: StaffingWeights
    public let today: @Sendable () -> CalendarDate
    public let now: @Sendable () -> Date
    /// Puts the training database back to its start; nil on any other database.
    public let resetTraining: (@Sendable () throws -> Void)?

    public init(
        database: AppDatabase, worker: Worker, isPracticeData: Bool, questionBank: QuestionBank, staffingWeights: StaffingWeights,
        today: @escaping @Sendable () -> CalendarDate, now: @escaping @Sendable () -> Date = { Date() },
        resetTraining: (@Sendable () throws -> Void)? = nil
    ) {
        self.resetTraining = resetTraining
        self.staffingWeights = staffingWeights
        self.database = database
        self.worker = worker
        self.isPracticeData = isPracticeData
        self.questionBank = questionBank
        self.today = today
        self.now = now
    }

    var account: String { worker.account ?? "" }

    var policy: AccessPolicy {
        AccessPolicy(viewer: worker, isPracticeData: isPracticeData, today: today())
    }

    /// Intake questions whose answers are substance-use information.
    var sensitiveQuestions: Set<String> {
        Set(questionBank.sections.flatMap(\.questions).filter(\.isSensitive).map(\.id))
    }

    public func run(_ effect: Effect) -> DataEvent {
        do {
            switch effect {
            case .loadHome:
                return .home(try database.homeSummary(on: today()))
            case .loadEmergencyResponseQueue:
                return .emergencyResponseQueue(try database.emergencyResponseQueue(on: today(), by: account, at: now()))
            case .search(let query, let generation):
                return .searchResults(generation: generation, try database.lookUp(query, by: account, on: today(), at: now()))
            case .loadFamily(let id):
                return .family(id: id, try database.familyDetail(id: id, for: policy, sensitiveQuestions: sensitiveQuestions, at: now()))
            case .breakGlass(let id, let reason):
                return .family(id: id, try database.familyDetail(
                    id: id, for: policy, emergencyReason: reason, sensitiveQuestions: sensitiveQuestions, at: now()))
            case .reloadInEmergency(let id, let reason):
                return .family(id: id, try database.familyDetail(
                    id: id, for: policy, emergencyReason: reason, continuingEmergency: true,
                    sensitiveQuestions: sensitiveQuestions, at: now()))
            case .loadReferrals(let filter):
                return .referrals(filter, try database.referralRows(filter, for: policy, at: now()))
            case .loadWorkers:
                return .workers(try database.workers().filter { $0.active && ![.admin, .trainer].contains($0.role) })
            case .savePlan(let familyId, let goals, let lead, let seen):
                do {
                    return .planSaved(try database.savePlan(familyId: familyId, goals: goals, leadWorkerId: lead, seen: seen,
                                                            for: policy, at: now()))
                } catch let refused as RecordConflict<CasePlan> {
                    return .planConflict(familyId: familyId, refused.conflict, current: refused.current)
                }
            case .saveTask(let familyId, let task, let seen):
                do {
                    return .taskSaved(familyId: familyId, try database.saveTask(task, seen: seen, familyId: familyId, for: policy, at: now()))
                } catch let refused as RecordConflict<PlanTask> {
                    return .taskConflict(familyId: familyId, refused.conflict, current: refused.current)
                }
            case .loadFamilyAudit(let familyId):
                return .familyAudit(familyId: familyId, try database.familyAuditTrail(familyId: familyId, for: policy, at: now()))
            case .loadInvitees(let familyId):
                return .invitees(familyId: familyId, try database.defaultInvitees(familyId: familyId, for: policy))
            case .scheduleMeeting(let meeting, let invitees):
                return .meetingScheduled(try database.scheduleMeeting(meeting, invitees: invitees, for: policy, at: now()))
            case .recordDecision(let meetingId, let text, let task):
                return .decisionRecorded(try database.recordDecision(text, meetingId: meetingId, task: task, for: policy, at: now()))
            case .setMeetingStatus(let meetingId, let status, let seen):
                do {
                    try database.setMeetingStatus(status, meetingId: meetingId, seen: seen, for: policy, at: now())
                } catch let stale as StaleRecord {
                    return .meetingStale(meetingId: meetingId, stale.description)
                }
                return .meetingChanged(meetingId: meetingId)
            case .recordAttendance(let meetingId, let came, let guests, let seen):
                do {
                    try database.recordAttendance(meetingId: meetingId, came: came, alsoCame: guests, seen: seen, for: policy, at: now())
                } catch let stale as StaleRecord {
                    return .meetingStale(meetingId: meetingId, stale.description)
                }
                return .attendanceRecorded(meetingId: meetingId)
            case .recordStaffing(let familyId, let minutes):
                try database.recordStaffing(familyId: familyId, minutes: minutes, for: policy, at: now())
                return .staffingRecorded(familyId: familyId)
            case .shareChange(let familyId, let kind, let text):
                return .changeShared(try database.shareChange(familyId: familyId, kind: kind, text: text, for: policy, at: now()))
            case .recordResponseContact(let intakeId, let contact):
                return .responseContactRecorded(
                    intakeId: intakeId, try database.recordResponseContact(contact, intakeId: intakeId, for: policy, at: now()))
            case .loadInbox:
                return .inbox(try database.changeInbox(for: worker, at: now()))
            case .markChangeRead(let id):
                try database.markChangeRead(id: id, by: worker, at: now())
                return .changeRead(id: id)
            case .resetTraining:
                guard let resetTraining else { return .failed("Only a training database can be reset.") }
                try resetTraining()
                return .trainingReset
            case .loadPlans:
                return .plans(try database.planSummaries(for: policy, at: now()))
            case .createIntakeDraft(let draft):
                return .intakeDraftCreated(id: try database.createIntakeDraft(account: account, draft: draft, at: now()))
            case .saveIntakeDraft(let id, let draft):
                let time = now()
                try database.saveIntakeDraft(id: id, draft: draft, at: time)
                return .intakeDraftSaved(id: id, at: time)
            case .loadIntake(let id):
                return .intakeLoaded(id: id, try database.intake(id: id))
            case .recordSharingBasis(var basis):
                guard policy.mayRecordSharingBasis else { return .failed("Your role does not record releases.") }
                basis.recordedBy = account
                basis.recordedByWorkerId = worker.id
                basis.recordedAt = now()
                return .sharingBasisRecorded(try database.recordSharingBasis(basis, at: basis.recordedAt))
            case .revealSSN(let matchId):
                guard policy.mayDecideMatches else { return .failed("Only a supervisor may see a whole SSN.") }
                try database.audit(AuditEntry(account: account, action: .revealSSN, detail: "match \(matchId)"), at: now())
                return .ssnRevealed(matchId: matchId)
            case .loadReferral(let id):
                return .referral(id: id, try database.referralDetail(id: id, for: policy, at: now()))
            case .referralStep(let id, let step, let seen):
                do {
                    return .referralChanged(try database.takeReferralStep(step, referralId: id, seen: seen, by: worker, at: now()))
                } catch let stale as StaleRecord {
                    return .referralStale(id: id, stale.description)
                }
            case .addReferralNote(let id, let text, let sensitive):
                try database.addReferralNote(referralId: id, text: text, sensitive: sensitive, by: worker, at: now())
                return .referralNoteAdded(referralId: id)
            case .searchDirectory(let text, let generation):
                return .directoryResults(generation: generation, try database.searchDirectory(text, limit: 10))
            case .reassignReferral(let id, let liaisonId, let seen):
                do {
                    return .referralChanged(try database.reassignReferral(id: id, toLiaison: liaisonId, seen: seen, by: worker, at: now()))
                } catch let stale as StaleRecord {
                    return .referralStale(id: id, stale.description)
                }
            case .findDuplicateReferral(let referral):
                return .duplicateReferral(try database.duplicateReferral(of: referral))
            case .createReferral(let referral):
                let draft = try database.createReferral(referral, by: worker, at: now())
                return .referralCreated(try database.takeReferralStep(.send, referralId: draft.id!, by: worker, at: now()))
            case .loadOutcomes(let period, let breakdown):
                return .outcomes(try database.outcomeReport(period: period, breakdown: breakdown, for: policy, at: now()))
            case .loadAgenda:
                guard worker.role == .supervisor || worker.role == .trainer else { return .agenda([]) }
                return .agenda(try database.staffingAgenda(for: policy, weights: staffingWeights, at: now()))
            case .loadPendingBases:
                guard policy.mayDecideMatches else { return .pendingBases([]) }
                return .pendingBases(try database.pendingSharingBases(for: policy, at: now()))
            case .decideBasis(let id, let approve, let reason):
                return .basisDecided(try database.decideSharingBasis(id: id, for: worker.program, approve: approve, reason: reason,
                                                                     by: policy, at: now()))
            case .loadEmergencyOpenings:
                guard worker.role == .supervisor else { return .emergencyOpenings([]) }
                return .emergencyOpenings(try database.emergencyOpenings(for: worker, at: now()))
            case .reviewEmergency(let eventId):
                guard worker.role == .supervisor else { return .failed("Only a supervisor reviews emergency openings.") }
                try database.reviewEmergency(eventId: eventId, by: account, at: now())
                return .emergencyReviewed(eventId: eventId)
            case .loadMatchReview:
                guard policy.mayDecideMatches else { return .matchReview([]) }
                return .matchReview(try database.matchReviewQueue(by: account, at: now()))
            case .loadFamilyLinks(let familyId):
                guard policy.mayDecideMatches else { return .matchReview([]) }
                return .matchReview(try database.personMatches(familyId: familyId, by: account, at: now()))
            case .decideMatch(let id, let confirm):
                guard policy.mayDecideMatches else { return .failed("Only a supervisor may confirm or reject a link.") }
                return .matchDecided(try database.decideMatch(id: id, confirm ? .confirm : .reject, by: account, at: now()))
            case .loadIntakeDrafts:
                return .intakeDrafts(try database.intakeDrafts(account: account))
            case .discardIntakeDraft(let id):
                try database.discardIntakeDraft(id: id, by: account, at: now())
                return .intakeDraftDiscarded(id: id)
            case .findKnownRecords(let members, let generation):
                return .knownRecords(generation: generation, try database.knownRecords(for: members, by: account, at: now()))
            case .loadKnownFamily(let id):
                let known = try database.knownFamily(id: id, for: policy, at: now())
                let name = try database.familyName(id: id) ?? ""
                return .knownFamily(id: id, known, name: name)
            case .finishIntake(let id):
                let familyId = try database.finishIntake(id: id, bank: questionBank, account: account, at: now(), today: today())
                return .intakeFinished(id: id, familyId: familyId)
            }
        } catch let error as IntakeError {
            return .intakeNotSaved(id: effect.intakeId, error.description.capitalizedFirst + ".")
        } catch where effect.writesIntake {
            return .intakeNotSaved(id: effect.intakeId, "Could not save: \(Self.sentence(for: error))")
        } catch let error as MatchDecisionError {
            return .failed(error.description)
        } catch let error as ReferralStepError {
            return .failed(error.description)
        } catch let error as ReferralDeskError {
            return .failed(error.description.capitalizedFirst + ".")
        } catch let error as SharingBasisError {
            return .failed(error.description.capitalizedFirst + ".")
        } catch let error as WorkRefusal {
            return .failed(error.description.capitalizedFirst + ".")
        } catch {
            return .failed(Self.sentence(for: error))
        }
    }

    /// A failure in words for the worker, without personal data.
    static func sentence(for error: any Error) -> String {
        if let storeError = error as? StoreError {
            return "Could not read the database: \(storeError)."
        }
        return "Could not read the database. Try again; if it keeps happening, tell your administrator."
    }
}

extension Effect {
    /// An intake is written: a failure must reach the intake form.
    var writesIntake: Bool {
        switch self {
        case .createIntakeDraft, .saveIntakeDraft, .discardIntakeDraft, .finishIntake: return true
        default: return false
        }
    }

    /// The intake an effect writes, if any.
    var intakeId: Int64? {
        switch self {
        case .saveIntakeDraft(let id, _), .discardIntakeDraft(let id), .finishIntake(let id): return id
        default: return nil
        }
    }
}
