import LinkagesDomain
import LinkagesTestSupport
@testable import LinkagesTUI
import Testing

@Suite("Staffing agenda screen")
struct AgendaScreenTests {
    /// A family with every reason a county weighs, and one with a single reason.
    static let items = StaffingAgenda.rank([
        {
            var signals = StaffingSignals(
                familyId: 1, familyName: "Vang, Mai Yer", tier: .mutualClient, openEmergencyResponse: true,
                safetyConcerns: [.domesticViolence], overdueReferrals: 2, overduePlanTasks: 1, ab135DaysLeft: 6)
            signals.planConflicts = 1
            signals.recentChanges = 1
            signals.welfareToWorkStatus = .sanction
            signals.teamMeetingDaysLeft = -3
            return signals
        }(),
        StaffingSignals(familyId: 2, familyName: "Bell, Tanisha", tier: .earlyIntervention),
    ], weights: Fixtures.staffingWeights)

    func screen(_ size: Size) -> String {
        var screen = AgendaScreen()
        _ = screen.receive(.agenda(Self.items))
        var grid = CellGrid(size: size)
        screen.render(into: &grid, area: Rect(row: 0, column: 0, width: size.width, height: size.height),
                      context: RenderContext(today: Fixtures.today, now: Fixtures.now))
        return grid.text
    }

    @Test("every reason of the selected family shows under the table at 80×24, not only the first four")
    func everyReason() throws {
        let family = try #require(Self.items.first)
        #expect(family.reasons.count > 8)
        let text = screen(Size(width: 80, height: 24))
        for reason in family.reasons {
            let line = "  \(reason.text) (\(reason.signedPoints))"
            #expect(text.contains(line), "\(reason.text) is missing:\n\(text)")
        }
    }

    @Test("when the screen is too short for them all, the last line says how many more there are")
    func tooManyForTheScreen() {
        let text = screen(Size(width: 80, height: 14))
        #expect(text.contains("more reasons: linkages agenda export lists them all"), "\(text)")
    }
}
