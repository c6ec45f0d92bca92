/// What an intake's answers say, as the rules need it: the concerns raised, what the family
/// reports about CalWORKs and Child Welfare, and the ER referral itself.
public struct IntakeFindings: Equatable, Sendable {
    public var concerns: [ConcernKind]
    public var reported: Set<ReportedFact>
    /// The referral received: an Emergency Response involvement from that day.
    public var referralReceived: CalendarDate?

    public init(draft: IntakeDraft, bank: QuestionBank, today: CalendarDate) {
        var concerns: [ConcernKind] = []
        for section in bank.sections {
            for question in section.questions {
                let answer = (draft.answers[question.id] ?? "").trimmingCharacters(in: .whitespaces)
                for trigger in question.raises ?? [] where trigger.when == answer && !concerns.contains(trigger.concern) {
                    concerns.append(trigger.concern)
                }
            }
        }
        self.concerns = ConcernKind.allCases.filter(concerns.contains)
        reported = ReportedFact.facts(in: draft)
        referralReceived = CalendarDate(draft.answer(.referralReceivedDate)).map { min($0, today) }
    }

    /// The Emergency Response referral this intake is about, as an involvement.
    public func emergencyResponse(today: CalendarDate) -> Involvement {
        Involvement(householdId: 0, component: .emergencyResponse, status: .open, startDate: referralReceived ?? today)
    }
}
