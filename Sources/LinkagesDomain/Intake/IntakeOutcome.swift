/// Everything the outcome panel shows: the tier with its reasons, what to do and why, the
/// AB 2085 check, and the clocks.
public struct IntakeOutcome: Equatable, Sendable {
    public var findings: IntakeFindings
    public var tier: TierAssessment
    public var recommendations: [Recommendation]
    public var ab2085: AB2085Check
    public var clocks: [IntakeClock]

    public init(draft: IntakeDraft, bank: QuestionBank, known: KnownFamily, settings: IntakeSettings, today: CalendarDate) {
        let findings = IntakeFindings(draft: draft, bank: bank, today: today)
        let involvements = known.involvements + [findings.emergencyResponse(today: today)]
        let concerns = known.concerns + findings.concerns
        // The intake's own ER referral is not a CWS/CMS record: what the family said stands.
        tier = TierRules.assess(involvements: involvements, concerns: concerns, reported: findings.reported, on: today,
                                confirmed: known.confirmed)
        recommendations = IntakeRecommendations.recommend(findings: findings, known: known, draft: draft, today: today)
        ab2085 = AB2085Check(concerns: findings.concerns, seriousHarmAnswer: draft.answer(.seriousHarm))
        clocks = IntakeClocks.clocks(for: draft, settings: settings)
        self.findings = findings
    }
}
