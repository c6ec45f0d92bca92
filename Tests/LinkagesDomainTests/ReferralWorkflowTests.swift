import Foundation
import LinkagesDomain
import Testing

@Suite("Referral workflow")
struct ReferralWorkflowTests {
    static let time = Date(timeIntervalSince1970: 1_790_000_000)

    static func referral(_ status: ReferralStatus, type: ReferralType = .housing, personId: Int64? = nil, id: Int64 = 1) -> Referral {
        Referral(id: id, familyId: 7, personId: personId, fromProgram: .calworks, fromWorkerId: 3, toProgram: .childWelfare,
                 type: type, reason: "r", status: status, createdAt: time)
    }

    /// A step of each kind, with valid details for the status.
    static func step(_ kind: ReferralStepKind, from status: ReferralStatus) -> ReferralStep {
        switch kind {
        case .send: return .send
        case .receive: return .receive
        case .accept: return .accept
        case .decline: return .decline(reason: "no capacity this month")
        case .startService: return .startService
        case .close: return .close(ReferralWorkflow.outcomes(from: status).first ?? .withdrawn)
        case .resend: return .resend(toProgram: nil, toProvider: "Hope Housing Collaborative")
        }
    }

    /// The closed loop as the issue states it, written out.
    static let allowed: [ReferralStatus: Set<ReferralStepKind>] = [
        .draft: [.send, .close], .sent: [.receive, .close], .received: [.accept, .decline],
        .declined: [.resend, .close], .accepted: [.startService, .close], .inService: [.close], .closed: [],
    ]

    @Test("every step from every status: allowed ones move the referral and add an event; the rest say what is allowed")
    func everyTransition() throws {
        for status in ReferralStatus.allCases {
            for kind in ReferralStepKind.allCases {
                let step = Self.step(kind, from: status)
                if Self.allowed[status]!.contains(kind) {
                    let (next, event) = try ReferralWorkflow.apply(step, to: Self.referral(status), by: 9, at: Self.time)
                    #expect(next.status == step.target && event.status == step.target && event.workerId == 9)
                    #expect(event.at == Self.time && next.updatedAt == Self.time)
                } else {
                    #expect {
                        _ = try ReferralWorkflow.apply(step, to: Self.referral(status), by: 9, at: Self.time)
                    } throws: { error in
                        let text = (error as? ReferralStepError)?.description ?? ""
                        return text.hasPrefix("This referral is \(status.displayName.lowercased())")
                            && Self.allowed[status]!.allSatisfy { text.contains($0.phrase) }
                    }
                }
            }
        }
    }

    @Test("the refusal names what is allowed, in plain words")
    func refusalSentence() {
        #expect(throws: ReferralStepError(description:
            "This referral is received; it cannot be closed with an outcome now. It can be accepted or declined with a reason.")) {
            _ = try ReferralWorkflow.apply(.close(.servicesReceived), to: Self.referral(.received), by: nil, at: Self.time)
        }
        #expect(throws: ReferralStepError(description: "This referral is closed: nothing more can be done with it.")) {
            _ = try ReferralWorkflow.apply(.send, to: Self.referral(.closed), by: nil, at: Self.time)
        }
    }

    @Test("a decline needs a reason, a close an outcome that fits, a re-send a destination")
    func details() throws {
        #expect(throws: ReferralStepError(description: "Say why the referral is declined.")) {
            _ = try ReferralWorkflow.apply(.decline(reason: "  "), to: Self.referral(.received), by: nil, at: Self.time)
        }
        #expect(throws: ReferralStepError(description: "A sent referral closes as: withdrawn.")) {
            _ = try ReferralWorkflow.apply(.close(.servicesReceived), to: Self.referral(.sent), by: nil, at: Self.time)
        }
        #expect(throws: ReferralStepError(description: "Say where the referral goes: a program or a provider.")) {
            _ = try ReferralWorkflow.apply(.resend(toProgram: nil, toProvider: ""), to: Self.referral(.declined), by: nil, at: Self.time)
        }
        let (declined, event) = try ReferralWorkflow.apply(.decline(reason: "not eligible here"), to: Self.referral(.received), by: 1, at: Self.time)
        #expect(event.note == "not eligible here" && declined.status == .declined)
        let (resent, _) = try ReferralWorkflow.apply(.resend(toProgram: nil, toProvider: "Hope Housing Collaborative"), to: declined, by: 1, at: Self.time)
        #expect(resent.status == .sent && resent.toProgram == nil && resent.destinationName == "Hope Housing Collaborative")
        let (closed, _) = try ReferralWorkflow.apply(.close(.servicesReceived), to: Self.referral(.inService), by: 1, at: Self.time)
        #expect(closed.outcome == .servicesReceived && !closed.status.isOpen)
    }

    @Test("service levels count working days, skip holidays, and stop when nothing waits")
    func serviceLevels() {
        let levels = ReferralServiceLevels()
        let friday = CalendarDate(year: 2026, month: 11, day: 20)!
        #expect(levels.due(status: .sent, since: friday) == CalendarDate(year: 2026, month: 11, day: 24))
        let thanksgiving: Set = [CalendarDate(year: 2026, month: 11, day: 26)!, CalendarDate(year: 2026, month: 11, day: 27)!]
        let wednesday = CalendarDate(year: 2026, month: 11, day: 25)!
        #expect(levels.due(status: .sent, since: wednesday, holidays: thanksgiving) == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(levels.due(status: .received, since: friday) == CalendarDate(year: 2026, month: 11, day: 27))
        #expect(levels.due(status: .accepted, since: friday) == CalendarDate(year: 2026, month: 11, day: 30))
        for status in [ReferralStatus.draft, .declined, .inService, .closed] {
            #expect(levels.due(status: status, since: friday) == nil)
        }
    }

    @Test("a second open referral of the same type for the same person is a duplicate")
    func duplicates() {
        let new = Self.referral(.draft, type: .childCare, personId: 5, id: 10)
        #expect(new.duplicate(among: [Self.referral(.sent, type: .childCare, personId: 5, id: 1)])?.id == 1)
        #expect(new.duplicate(among: [Self.referral(.sent, type: .childCare, personId: nil, id: 2)])?.id == 2)
        #expect(new.duplicate(among: [Self.referral(.sent, type: .childCare, personId: 6, id: 3)]) == nil)
        #expect(new.duplicate(among: [Self.referral(.closed, type: .childCare, personId: 5, id: 4)]) == nil)
        #expect(new.duplicate(among: [Self.referral(.declined, type: .childCare, personId: 5, id: 5)]) == nil)
        #expect(new.duplicate(among: [Self.referral(.sent, type: .housing, personId: 5, id: 6)]) == nil)
    }
}
