import Foundation

/// A step a worker takes on a referral. Each moves it to one status.
public enum ReferralStep: Hashable, Sendable {
    case send
    case receive
    case accept
    case decline(reason: String)
    case startService
    case close(ReferralOutcome)
    /// A declined referral sent again, to another program or provider.
    case resend(toProgram: Program?, toProvider: String?)

    /// The status the step leads to.
    public var target: ReferralStatus {
        switch self {
        case .send, .resend: return .sent
        case .receive: return .received
        case .accept: return .accepted
        case .decline: return .declined
        case .startService: return .inService
        case .close: return .closed
        }
    }

    public var kind: ReferralStepKind {
        switch self {
        case .send: return .send
        case .receive: return .receive
        case .accept: return .accept
        case .decline: return .decline
        case .startService: return .startService
        case .close: return .close
        case .resend: return .resend
        }
    }
}

/// The steps without their details, for saying which are allowed.
public enum ReferralStepKind: String, CaseIterable, Sendable {
    case send, receive, accept, decline, startService, close, resend

    /// "mark it received", as the sentence "it can be … next" needs.
    public var phrase: String {
        switch self {
        case .send: return "sent"
        case .receive: return "marked received"
        case .accept: return "accepted"
        case .decline: return "declined with a reason"
        case .startService: return "marked in service"
        case .close: return "closed with an outcome"
        case .resend: return "sent again to another program or provider"
        }
    }
}

/// A step that is not allowed, in one sentence that says what is.
public struct ReferralStepError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// The closed loop: draft → sent → received → accepted or declined (with a reason) → in service
/// → closed with an outcome. A declined referral may be sent again elsewhere or closed; a
/// referral not yet received may be withdrawn.
public enum ReferralWorkflow {
    /// The steps allowed from `status`.
    public static func allowedSteps(from status: ReferralStatus) -> [ReferralStepKind] {
        switch status {
        case .draft: return [.send, .close]
        case .sent: return [.receive, .close]
        case .received: return [.accept, .decline]
        case .declined: return [.resend, .close]
        case .accepted: return [.startService, .close]
        case .inService: return [.close]
        case .closed: return []
        }
    }

    /// The outcomes a referral may close with from `status`.
    public static func outcomes(from status: ReferralStatus) -> [ReferralOutcome] {
        switch status {
        case .draft, .sent: return [.withdrawn]
        case .declined: return [.familyDeclined, .unableToContact, .notEligible, .withdrawn]
        case .accepted, .inService: return ReferralOutcome.allCases
        case .received, .closed: return []
        }
    }

    /// The referral after `step`, and the event for its timeline; or why the step is refused.
    public static func apply(
        _ step: ReferralStep, to referral: Referral, by workerId: Int64?, at time: Date
    ) throws -> (Referral, ReferralEvent) {
        let allowed = allowedSteps(from: referral.status)
        guard allowed.contains(step.kind) else {
            throw ReferralStepError(description: refusal(step.kind, status: referral.status, allowed: allowed))
        }
        var next = referral
        var note: String?
        switch step {
        case .decline(let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw ReferralStepError(description: "Say why the referral is declined.") }
            note = reason
        case .close(let outcome):
            guard outcomes(from: referral.status).contains(outcome) else {
                let possible = outcomes(from: referral.status).map { $0.displayName.lowercased() }.joined(separator: ", ")
                throw ReferralStepError(description: "A \(referral.status.displayName.lowercased()) referral closes as: \(possible).")
            }
            next.outcome = outcome
            note = outcome.displayName
        case .resend(let program, let provider):
            let provider = provider?.trimmingCharacters(in: .whitespaces)
            guard program != nil || !(provider ?? "").isEmpty else {
                throw ReferralStepError(description: "Say where the referral goes: a program or a provider.")
            }
            next.toProgram = program
            next.toProviderName = program == nil ? provider : nil
            note = "Sent again to \(next.destinationName)"
        default:
            break
        }
        next.status = step.target
        next.updatedAt = time
        next.statusSince = time
        let event = ReferralEvent(referralId: referral.id ?? 0, status: step.target, at: time, workerId: workerId, note: note)
        return (next, event)
    }

    /// The program whose workers take `kind` on `referral`: the sender sends, withdraws and
    /// re-sends; the receiving program answers a referral sent to it. A provider's answers are
    /// recorded by the sender, who hears them.
    public static func actingProgram(for kind: ReferralStepKind, on referral: Referral) -> Program {
        switch kind {
        case .send, .resend: return referral.fromProgram
        case .close where [.draft, .sent, .declined].contains(referral.status): return referral.fromProgram
        default: return referral.toProgram ?? referral.fromProgram
        }
    }

    static func refusal(_ kind: ReferralStepKind, status: ReferralStatus, allowed: [ReferralStepKind]) -> String {
        let current = "This referral is \(status.displayName.lowercased())"
        guard !allowed.isEmpty else { return "\(current): nothing more can be done with it." }
        let phrases = allowed.map(\.phrase)
        let list = phrases.count == 1 ? phrases[0] : phrases.dropLast().joined(separator: ", ") + " or " + phrases.last!
        return "\(current); it cannot be \(kind.phrase) now. It can be \(list)."
    }
}

/// How long each step may take before the referral is overdue. Counties set their own.
public struct ReferralServiceLevels: Equatable, Sendable, Codable {
    /// From sent to received, in working days.
    public var receiveWithinWorkingDays: Int
    /// From received to accepted or declined, in working days.
    public var decideWithinWorkingDays: Int
    /// From accepted to the first contact with the family (in service), in calendar days.
    public var firstContactWithinDays: Int

    public init(receiveWithinWorkingDays: Int = 2, decideWithinWorkingDays: Int = 5, firstContactWithinDays: Int = 10) {
        self.receiveWithinWorkingDays = receiveWithinWorkingDays
        self.decideWithinWorkingDays = decideWithinWorkingDays
        self.firstContactWithinDays = firstContactWithinDays
    }

    /// When the referral, in `status` since `since`, must have moved on; nil when no clock runs.
    public func due(status: ReferralStatus, since: CalendarDate, holidays: Set<CalendarDate> = []) -> CalendarDate? {
        switch status {
        case .sent: return since.adding(workingDays: receiveWithinWorkingDays, holidays: holidays)
        case .received: return since.adding(workingDays: decideWithinWorkingDays, holidays: holidays)
        case .accepted: return since.adding(days: firstContactWithinDays)
        case .draft, .declined, .inService, .closed: return nil
        }
    }

    /// What the running clock waits for, for the worker: "to be received".
    public static func waitingFor(_ status: ReferralStatus) -> String? {
        switch status {
        case .sent: return "to be received"
        case .received: return "to be accepted or declined"
        case .accepted: return "the first contact with the family"
        default: return nil
        }
    }
}

extension Referral {
    /// Another open referral of the same type for the same person (or, when the referral names
    /// no person, the same family): the duplicate a worker is warned about before sending.
    public func duplicate(among others: [Referral]) -> Referral? {
        others.first { other in
            other.id != id && other.status.isOpen && other.status != .declined && other.type == type
                && other.familyId == familyId && (personId == nil || other.personId == nil || other.personId == personId)
        }
    }
}
