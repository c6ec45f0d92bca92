import LinkagesDomain
import Testing

@Suite("Staffing agenda")
struct StaffingAgendaTests {
    /// The weights of the first agenda; the time since the last staffing weighs nothing here.
    static let weights: StaffingWeights = {
        var weights = StaffingWeights(
            version: 1, openEmergencyResponse: 30, safetyConcern: 15, safetyConcernsCounted: 2, overdueReferral: 10,
            overduePlanTask: 5, mutualClient: 10, earlyIntervention: 5, ab135EndingSoon: 25)
        weights.staffingDue = 0
        weights.recentlyStaffed = 0
        return weights
    }()

    @Test("never staffed or long ago adds; staffed in the last two weeks takes off; changes told count up to three")
    func staffingTime() {
        let weights = StaffingWeights(
            version: 1, openEmergencyResponse: 30, safetyConcern: 15, safetyConcernsCounted: 2, overdueReferral: 10,
            overduePlanTask: 5, mutualClient: 10, earlyIntervention: 5, ab135EndingSoon: 25)
        func family(_ id: Int64, days: Int?, changes: Int = 0) -> StaffingSignals {
            var signals = StaffingSignals(familyId: id, familyName: "Family \(id)", tier: .mutualClient)
            signals.daysSinceLastStaffing = days
            signals.recentChanges = changes
            return signals
        }
        let agenda = StaffingAgenda.rank([family(1, days: nil), family(2, days: 61), family(3, days: 60, changes: 5),
                                          family(4, days: 14), family(5, days: 15)], weights: weights)
        #expect(agenda.map(\.familyName) == ["Family 3", "Family 1", "Family 2", "Family 5"], "staffed 14 days ago: off the agenda")
        #expect(agenda.map(\.score) == [10 + 15, 15, 15, 10])
        #expect(agenda[0].reasons.first?.text == "5 changes told between the programs this month")
        #expect(agenda[2].reasons.map(\.text) == ["Mutual client (open in both programs)", "Last staffed 61 days ago"])
    }

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

            1. **Núñez-García, José** (family 3, score 20)
               - 1 referral overdue (+10)
               - Mutual client (open in both programs) (+10)

            """)
        #expect(StaffingAgenda.text([], title: "Agenda") == "Agenda\n======\n\nNo family is due for a joint staffing.\n")
        // A long reason breaks under itself on paper.
        let concerns = StaffingAgenda.rank([
            StaffingSignals(familyId: 4, familyName: "Cruz-Núñez, Sebastián", tier: .earlyIntervention, openEmergencyResponse: true,
                            safetyConcerns: [.domesticViolence, .substanceUse, .homeSafetyHazard, .mentalHealth]),
        ], weights: Self.weights)
        #expect(StaffingAgenda.text(concerns, title: "Agenda").contains("""
            1. Cruz-Núñez, Sebastián  (family 4, score 65)
                 Emergency Response referral open  +30
                 Safety concerns: domestic violence, substance use, home safety hazards,
                   mental health need  +30
            """))
    }

    @Test("a Welfare-to-Work sanction outranks non-compliance; an unmet first team meeting counts from two weeks before it is due, and stays while overdue")
    func welfareToWorkAndTeamMeeting() {
        func family(_ id: Int64, _ status: WelfareToWorkStatus? = nil, meetingIn days: Int? = nil) -> StaffingSignals {
            var signals = StaffingSignals(familyId: id, familyName: "Family \(id)", tier: .mutualClient)
            signals.welfareToWorkStatus = status
            signals.teamMeetingDaysLeft = days
            return signals
        }
        let agenda = StaffingAgenda.rank([
            family(1, .registered), family(2, .nonCompliance), family(3, .sanction), family(4, .curingSanction),
            family(5, meetingIn: 15), family(6, meetingIn: 14), family(7, meetingIn: -3), family(8, meetingIn: 0),
            family(9, meetingIn: -30), family(10, meetingIn: -31),
        ], weights: Self.weights)
        #expect(agenda.map(\.familyName) == ["Family 10", "Family 3", "Family 4", "Family 6", "Family 7", "Family 8", "Family 9",
                                             "Family 2", "Family 1", "Family 5"])
        #expect(agenda.map(\.score) == [30, 30, 30, 30, 30, 30, 30, 22, 10, 10],
                "registered and a deadline 15 days off weigh nothing; one missed 31 days ago still counts (ACL 22-35's deadline does not lapse)")
        #expect(agenda[0].reasons.first.map { [$0.text, $0.signedPoints] } == ["First CFT meeting 31 days overdue", "+20"])
        #expect(agenda[1].reasons.first.map { [$0.text, $0.signedPoints] } == ["Welfare-to-Work: sanction", "+20"])
        #expect(agenda[2].reasons.first?.text == "Welfare-to-Work: curing a sanction")
        #expect(agenda[3].reasons.first?.text == "First CFT meeting due in 14 days, none scheduled")
        #expect(agenda[4].reasons.first?.text == "First CFT meeting 3 days overdue")
        #expect(agenda[5].reasons.first?.text == "First CFT meeting due today, none scheduled")
        #expect(agenda[7].reasons.first.map { [$0.text, $0.signedPoints] } == ["Welfare-to-Work: non-compliance", "+12"])
    }
}
