import LinkagesDomain
import Testing

@Suite("Staffing agenda")
struct StaffingAgendaTests {
    static let weights = StaffingWeights(
        version: 1, openEmergencyResponse: 30, safetyConcern: 15, safetyConcernsCounted: 2, overdueReferral: 10,
        overduePlanTask: 5, mutualClient: 10, earlyIntervention: 5, ab135EndingSoon: 25)

    @Test("families rank by the weighted sum of what is known, every point explained, heaviest reason first")
    func ranking() {
        let agenda = StaffingAgenda.rank([
            StaffingSignals(familyId: 1, familyName: "Quiet, Family", tier: .primaryPrevention),
            StaffingSignals(familyId: 2, familyName: "Mutual, Overdue", tier: .mutualClient, overdueReferrals: 2, overduePlanTasks: 1),
            StaffingSignals(familyId: 3, familyName: "Emergency, Unsafe", tier: .earlyIntervention, openEmergencyResponse: true,
                            safetyConcerns: [.domesticViolence, .substanceUse, .homeSafetyHazard]),
            StaffingSignals(familyId: 4, familyName: "Alpha, Tie", tier: .mutualClient, overdueReferrals: 2, overduePlanTasks: 1),
            StaffingSignals(familyId: 5, familyName: "Clock, Ending", tier: .mutualClient, ab135DaysLeft: 12),
        ], weights: Self.weights)
        #expect(agenda.map(\.familyName) == ["Emergency, Unsafe", "Alpha, Tie", "Clock, Ending", "Mutual, Overdue"],
                "nothing to weigh: not on the agenda; equal scores by name")
        #expect(agenda[2].reasons.map(\.text) == ["AB 135 aid ends in 12 days", "Mutual client (open in both programs)"])
        #expect(agenda[0].score == 30 + 2 * 15 + 5, "only the first two safety concerns count")
        #expect(agenda[0].reasons.map(\.text) == [
            "Emergency Response referral open", "Safety concerns: domestic violence, substance use, home safety hazards",
            "Early intervention",
        ])
        #expect(agenda[1].score == 20 + 5 + 10 && agenda[1].reasons.first?.text == "2 referrals overdue")
        #expect(agenda[2].score == 25 + 10)
    }

    @Test("the agenda reads on paper: Markdown and plain text")
    func documents() {
        let items = StaffingAgenda.rank([
            StaffingSignals(familyId: 3, familyName: "Núñez-García, José", tier: .mutualClient, overdueReferrals: 1),
        ], weights: Self.weights)
        #expect(StaffingAgenda.markdown(items, title: "Agenda") == """
            # Agenda

            1. **Núñez-García, José** (score 20)
               - 1 referral overdue (+10)
               - Mutual client (open in both programs) (+10)

            """)
        #expect(StaffingAgenda.text([], title: "Agenda") == "Agenda\n======\n\nNo family is due for a joint staffing.\n")
    }
}
