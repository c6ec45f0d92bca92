import Foundation
import LinkagesDomain
import Testing

/// The sharing rules, for every role × the worker's program × the record's program × the
/// family's consent state × office, and the substance-use rule on top.
@Suite("Who may see what")
struct AccessPolicyTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    enum Consent: CaseIterable {
        /// `sharesRecordProgram`: approved by a supervisor of the record's program; `pending`:
        /// recorded, not yet decided; `refused`: that program's supervisor refused it;
        /// `approvedByOtherProgram`: only the other program approved (its own records).
        case none, sharesRecordProgram, sharesOtherProgramOnly, expired, revoked, pending, refused, approvedByOtherProgram
    }

    static let approval = BasisDecision(approved: true, account: "supervisor", name: "A Supervisor", at: Date(timeIntervalSince1970: 0))

    static func basis(_ consent: Consent, recordProgram: Program, substanceUse: Bool = false) -> [SharingBasis] {
        var shared: Set<Program> = [recordProgram]
        var expires = today.adding(days: 100)
        var revoked: Date?
        var decisions: [Program: BasisDecision] = [recordProgram: approval]
        switch consent {
        case .none: return []
        case .sharesRecordProgram: break
        case .sharesOtherProgramOnly: shared = [recordProgram.other]; decisions = [recordProgram.other: approval]
        case .expired: expires = today.adding(days: -1)
        case .revoked: revoked = Date(timeIntervalSince1970: 0)
        case .pending: decisions = [:]
        case .refused: decisions = [recordProgram: BasisDecision(approved: false, account: "s", name: "S", at: Date(), reason: "wrong child")]
        case .approvedByOtherProgram: shared = Set(Program.allCases); decisions = [recordProgram.other: approval]
        }
        return [SharingBasis(
            id: 1, familyId: 1, kind: .signedRelease, sharesCalWORKs: shared.contains(.calworks), sharesChildWelfare: shared.contains(.childWelfare),
            includesSubstanceUse: substanceUse, signedOn: today.adding(days: -30), expiresOn: expires, recordedBy: "someone",
            recordedAt: Date(timeIntervalSince1970: 0), revokedAt: revoked,
            calworksDecision: decisions[.calworks], childWelfareDecision: decisions[.childWelfare])]
    }

    static func worker(_ role: WorkerRole, _ program: Program, office: String = "Central") -> Worker {
        Worker(id: 7, account: "viewer", name: "Viewer", program: program, office: office, role: role)
    }

    /// The expected outcome, stated the way docs/privacy-and-security.md states the rules.
    static func expected(
        role: WorkerRole, viewer: Program, record: Program, consent: Consent, sameOffice: Bool, practice: Bool
    ) -> String {
        switch role {
        case .admin: return "none"
        case .trainer: return practice ? "full" : "none"
        default: break
        }
        if viewer == record {
            return sameOffice || role == .liaison ? "full" : "identifying"
        }
        return consent == .sharesRecordProgram ? "full" : "identifying"
    }

    static func outcome(_ access: RecordAccess) -> String {
        switch access {
        case .full: return "full"
        case .identifying: return "identifying"
        case .none: return "none"
        }
    }

    @Test("every role, program, consent state and office")
    func matrix() {
        var checked = 0
        for role in WorkerRole.allCases {
            for viewer in Program.allCases {
                for record in Program.allCases {
                    for consent in Consent.allCases {
                        for sameOffice in [true, false] {
                            for practice in [true, false] {
                                let policy = AccessPolicy(viewer: Self.worker(role, viewer), isPracticeData: practice, today: Self.today)
                                let ownership = RecordOwnership(program: record, office: sameOffice ? "Central" : "South")
                                let access = policy.access(to: ownership, bases: Self.basis(consent, recordProgram: record))
                                let want = Self.expected(role: role, viewer: viewer, record: record, consent: consent,
                                                         sameOffice: sameOffice, practice: practice)
                                #expect(Self.outcome(access) == want,
                                        "\(role) in \(viewer) looking at \(record) (\(consent), same office \(sameOffice), practice \(practice))")
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked == 5 * 2 * 2 * Consent.allCases.count * 2 * 2)
    }

    enum SubstanceConsent: CaseIterable {
        case none, releaseNotNamingIt, releaseNamingIt, expiredReleaseNamingIt
    }

    @Test("substance use for every role, consent state, recorder and program")
    func substanceUseMatrix() {
        var checked = 0
        for role in WorkerRole.allCases {
            for viewer in Program.allCases {
                for record in Program.allCases {
                    for consent in SubstanceConsent.allCases {
                        for recordedByViewer in [true, false] {
                            let bases: [SharingBasis] = switch consent {
                            case .none: []
                            case .releaseNotNamingIt: Self.basis(.sharesRecordProgram, recordProgram: record)
                            case .releaseNamingIt: Self.basis(.sharesRecordProgram, recordProgram: record, substanceUse: true)
                            case .expiredReleaseNamingIt: Self.basis(.expired, recordProgram: record, substanceUse: true)
                            }
                            let policy = AccessPolicy(viewer: Self.worker(role, viewer), isPracticeData: false, today: Self.today)
                            let shown = policy.substanceUse(
                                in: RecordOwnership(program: record, office: "Central"),
                                recordedBy: recordedByViewer ? "viewer" : "someone else", bases: bases).isShown
                            // Administrators and trainers see nothing of real data; the recorder
                            // sees what they wrote; anyone else needs a consent in force that names it.
                            let want = role != .admin && role != .trainer
                                && (recordedByViewer || consent == .releaseNamingIt)
                            #expect(shown == want, "\(role) in \(viewer), \(record) record, \(consent), recorded by viewer \(recordedByViewer)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked == 5 * 2 * 2 * 4 * 2)
    }

    @Test("an assigned caseworker sees their record even when another office holds it")
    func assignedWorker() {
        let policy = AccessPolicy(viewer: Self.worker(.caseworker, .calworks), isPracticeData: false, today: Self.today)
        let record = RecordOwnership(program: .calworks, office: "South", assignedWorkerIds: [7])
        #expect(policy.access(to: record, bases: []).isFull)
        #expect(!policy.access(to: RecordOwnership(program: .calworks, office: "South"), bases: []).isFull)
    }

    @Test("breaking the glass opens the other program's record, says so, and never opens substance use")
    func emergency() {
        let policy = AccessPolicy(viewer: Self.worker(.caseworker, .calworks), isPracticeData: false, today: Self.today)
        let record = RecordOwnership(program: .childWelfare, office: "Central")
        let access = policy.access(to: record, bases: [], emergencyReason: "child at the hospital")
        #expect(access == .full(.emergency(reason: "child at the hospital")))
        #expect(access.explanation.contains("child at the hospital"))
        #expect(!policy.substanceUse(in: record, recordedBy: "someone", bases: []).isShown)
    }

    @Test("substance use: the worker who recorded it, or a consent that names it; the notice goes with the consent")
    func substanceUse() {
        let calworks = AccessPolicy(viewer: Self.worker(.caseworker, .calworks), isPracticeData: false, today: Self.today)
        let childWelfare = AccessPolicy(viewer: Self.worker(.supervisor, .childWelfare), isPracticeData: false, today: Self.today)
        let record = RecordOwnership(program: .childWelfare, office: "Central")
        let withoutSubstanceUse = Self.basis(.sharesRecordProgram, recordProgram: .childWelfare)
        let naming = Self.basis(.sharesRecordProgram, recordProgram: .childWelfare, substanceUse: true)

        // The recorder always sees what they wrote, without a notice.
        #expect(childWelfare.substanceUse(in: record, recordedBy: "viewer", bases: []) == .shown(underConsent: nil))
        // Their colleagues and supervisor need a consent that names substance use.
        #expect(childWelfare.substanceUse(in: record, recordedBy: "er.worker", bases: []) == .withheld)
        #expect(childWelfare.substanceUse(in: record, recordedBy: "er.worker", bases: withoutSubstanceUse) == .withheld)
        #expect(childWelfare.substanceUse(in: record, recordedBy: "er.worker", bases: naming) == .shown(underConsent: naming[0]))
        // The other program: only with a consent that shares the record and names substance use.
        #expect(calworks.substanceUse(in: record, recordedBy: "er.worker", bases: withoutSubstanceUse) == .withheld)
        #expect(calworks.substanceUse(in: record, recordedBy: "er.worker", bases: naming) == .shown(underConsent: naming[0]))
        let expired = Self.basis(.expired, recordProgram: .childWelfare, substanceUse: true)
        #expect(calworks.substanceUse(in: record, recordedBy: "er.worker", bases: expired) == .withheld)
    }

    @Test("a basis is decided for a program's records by a supervisor of that program who did not record it; revoked by its recorder, such a supervisor, or an administrator")
    func decidingAndRevoking() {
        let basis = Self.basis(.pending, recordProgram: .childWelfare)[0]
        func policy(_ role: WorkerRole, _ program: Program, account: String = "viewer", practice: Bool = false, active: Bool = true) -> AccessPolicy {
            var worker = Worker(id: 7, account: account, name: "Viewer", program: program, office: "Central", role: role)
            worker.active = active
            return AccessPolicy(viewer: worker, isPracticeData: practice, today: Self.today)
        }
        #expect(policy(.supervisor, .childWelfare).mayDecide(basis, for: .childWelfare))
        #expect(!policy(.supervisor, .childWelfare).mayDecide(basis, for: .calworks), "the basis does not share CalWORKs records")
        #expect(!policy(.supervisor, .calworks).mayDecide(basis, for: .childWelfare), "the other program's supervisor")
        #expect(!policy(.supervisor, .childWelfare, account: "someone").mayDecide(basis, for: .childWelfare), "its recorder")
        #expect(!policy(.supervisor, .childWelfare, active: false).mayDecide(basis, for: .childWelfare), "a disabled supervisor")
        for role in [WorkerRole.caseworker, .liaison, .admin] {
            #expect(!policy(role, .childWelfare).mayDecide(basis, for: .childWelfare), "\(role)")
        }
        #expect(policy(.trainer, .childWelfare, practice: true).mayDecide(basis, for: .childWelfare))
        #expect(!policy(.trainer, .childWelfare).mayDecide(basis, for: .childWelfare), "a trainer on real data")
        #expect(policy(.supervisor, .calworks).decisionRefusal(basis, for: .childWelfare)
            == "only a Child Welfare supervisor approves the showing of Child Welfare records")

        #expect(policy(.caseworker, .calworks, account: "someone").mayRevoke(basis), "its recorder")
        #expect(policy(.supervisor, .childWelfare).mayRevoke(basis), "a supervisor of a program it shares")
        #expect(policy(.admin, .calworks).mayRevoke(basis))
        #expect(!policy(.supervisor, .calworks).mayRevoke(basis), "a supervisor of a program it does not share")
        #expect(!policy(.caseworker, .childWelfare).mayRevoke(basis), "another caseworker, even of the program it shares")
        #expect(!policy(.admin, .calworks, active: false).mayRevoke(basis))

        #expect(basis.state(on: Self.today) == "waiting for a Child Welfare supervisor's approval")
        #expect(Self.basis(.sharesRecordProgram, recordProgram: .calworks)[0].state(on: Self.today) == "CalWORKs records approved by A Supervisor")
        #expect(Self.basis(.refused, recordProgram: .calworks)[0].state(on: Self.today) == "CalWORKs records refused by S (“wrong child”)")
    }

    @Test("who may open families and decide links")
    func capabilities() {
        func policy(_ role: WorkerRole, practice: Bool = false, active: Bool = true) -> AccessPolicy {
            var worker = Self.worker(role, .childWelfare)
            worker.active = active
            return AccessPolicy(viewer: worker, isPracticeData: practice, today: Self.today)
        }
        #expect(policy(.caseworker).mayOpenFamilies && !policy(.caseworker).mayDecideMatches)
        #expect(policy(.supervisor).mayDecideMatches)
        #expect(!policy(.admin).mayOpenFamilies && policy(.admin).refusal?.contains("linkages admin worker") == true)
        #expect(!policy(.trainer).mayOpenFamilies && policy(.trainer, practice: true).mayOpenFamilies)
        #expect(!policy(.supervisor, active: false).mayOpenFamilies)
        #expect(policy(.supervisor, active: false).refusal?.contains("disabled") == true)
    }

    @Test("the referral list: what the worker's program sent or received; substance-use treatment only to its sender")
    func referralList() {
        let calworks = AccessPolicy(viewer: Self.worker(.caseworker, .calworks), isPracticeData: false, today: Self.today)
        #expect(calworks.mayList(referralFrom: .childWelfare, to: .calworks, type: .childCare, sentBy: "someone"))
        #expect(calworks.mayList(referralFrom: .calworks, to: nil, type: .housing, sentBy: "someone"))
        #expect(!calworks.mayList(referralFrom: .childWelfare, to: nil, type: .housing, sentBy: "someone"))
        #expect(!calworks.mayList(referralFrom: .calworks, to: nil, type: .substanceUseTreatment, sentBy: "someone"))
        #expect(calworks.mayList(referralFrom: .calworks, to: nil, type: .substanceUseTreatment, sentBy: "viewer"))
    }

    @Test("a sharing basis holds from the day it is signed through its last day, unless revoked")
    func basisDates() {
        let basis = Self.basis(.sharesRecordProgram, recordProgram: .calworks)[0]
        #expect(basis.isActive(on: Self.today))
        #expect(basis.isActive(on: basis.expiresOn) && !basis.isActive(on: basis.expiresOn.adding(days: 1)))
        #expect(!basis.isActive(on: basis.signedOn.adding(days: -1)))
        #expect(basis.scopeDescription == "CalWORKs records, not substance use")
    }
}
