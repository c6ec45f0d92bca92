import LinkagesDomain
import LinkagesStore

/// The home screen: where to go, and where the county's families stand today.
public struct HomeScreen: ScreenModel {
    struct Destination: Equatable {
        var key: Character
        var route: Route
        var name: String
        var purpose: String
    }

    static let destinations = [
        Destination(key: "i", route: .intake, name: "ER intake",
                    purpose: "Families with an Emergency Response referral open: check what CalWORKs knows before the first visit."),
        Destination(key: "l", route: .lookup, name: "Household lookup",
                    purpose: "Find a family in CalWORKs and Child Welfare records by name, birth date, CIN or case number."),
        Destination(key: "r", route: .referrals, name: "Referrals",
                    purpose: "Referrals between CalWORKs, Child Welfare and community providers, from sent to outcome."),
        Destination(key: "p", route: .plans, name: "Case plans",
                    purpose: "Joint case plans: who does what, by when, in which program."),
        Destination(key: "c", route: .changeInbox, name: "Changes told to you",
                    purpose: "What the other program told you changed in a family you share: address, household, work."),
        Destination(key: "d", route: .intakeDrafts, name: "Intake drafts",
                    purpose: "Your unfinished intakes, saved at every key: resume or discard them."),
        Destination(key: "m", route: .matchReview, name: "Match review",
                    purpose: "People the match is unsure of: confirm or reject each pair, both records side by side."),
    ]

    /// Supervisors also review their office's emergency openings.
    static let agenda = Destination(
        key: "a", route: .agenda, name: "Staffing agenda",
        purpose: "Families due for a joint staffing, most urgent first, with every reason.")

    static let emergencies = Destination(
        key: "e", route: .emergencies, name: "Flagged for review",
        purpose: "What the audit trail flagged for your office's workers: emergency openings, reading many families at once, "
            + "records opened by a release they recorded or approved.")

    static let approvals = Destination(
        key: "s", route: .approvals, name: "Releases to approve",
        purpose: "Releases and court orders other workers recorded: each opens your program's records only once you approve it.")

    static let outcomes = Destination(
        key: "o", route: .outcomes, name: "Outcomes",
        purpose: "The county's Linkages measures for a period, with charts, and each rate by race/ethnicity.")

    let destinations: [Destination]
    let isSupervisor: Bool
    /// The match review is for supervisors (and trainers on practice data).
    let mayReviewMatches: Bool
    public private(set) var selection = ListSelection()
    public private(set) var summary: HomeSummary?
    /// The supervisor's emergency openings waiting for review, when loaded.
    public private(set) var emergenciesToReview: Int?
    /// The sharing bases waiting for the supervisor's approval, when loaded.
    public private(set) var basesToApprove: Int?
    /// The worker's own referrals (sent by them or in their queue) past their service level.
    public private(set) var myOverdueReferrals: [ReferralRow]?
    public private(set) var loadError: String?
    /// The worker's unfinished intakes, when loaded.
    public private(set) var drafts: [IntakeDraftSummary]?
    /// The draft offered at start ("resume it?"), while the offer is open.
    public private(set) var offeredDraft: IntakeDraftSummary?
    var hasOffered = false

    public init(session: Session) {
        isSupervisor = session.policy.mayRunStaffings
        mayReviewMatches = session.policy.mayDecideMatches
        destinations = Self.destinations + (isSupervisor ? [Self.agenda, Self.emergencies, Self.approvals] : [])
            + (session.policy.mayReadOutcomes ? [Self.outcomes] : [])
    }

    public var title: String { "Home" }

    public var bindings: [KeyBinding] {
        if offeredDraft != nil {
            return [
                KeyBinding([.enter], .resumeDraft, label: "resume", help: "Go back to the unfinished intake where you left it."),
                KeyBinding([.char("d")], .go(.intakeDrafts), label: "all drafts", help: "See all your unfinished intakes."),
                KeyBinding([.escape], .dismissOffer, label: "not now", help: "Close this; the draft stays saved."),
            ]
        }
        return destinations.map { destination in
            KeyBinding([.char(destination.key)], .go(destination.route), label: destination.name.lowercased(),
                       help: "Open \(destination.name): \(destination.purpose)", inHintBar: false,
                       disabledReason: destination.route == .matchReview && !mayReviewMatches ? "the match review is for supervisors" : nil)
        } + CommonBindings.moveInList + [
            KeyBinding([.enter], .open, label: "open", help: "Open the selected screen."),
            KeyBinding([.char("R"), .ctrl("r")], .refresh, label: "refresh", help: "Count again from the database.", inHintBar: false),
        ]
    }

    public func onAppear() -> [ScreenCommand] {
        [.run(.loadHome), .run(.loadIntakeDrafts)] + onTick()
    }

    /// The worker's overdue referrals and a supervisor's emergencies change while the home
    /// screen is open: read them again each minute.
    public func onTick() -> [ScreenCommand] {
        [.run(.loadReferrals(.mineOverdue))] + (isSupervisor ? [.run(.loadEmergencyOpenings), .run(.loadPendingBases)] : [])
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if selection.apply(action, count: destinations.count, visibleRows: destinations.count) {
            return []
        }
        switch action {
        case .go(let route):
            offeredDraft = nil
            return [.open(route)]
        case .open:
            let route = destinations[selection.index].route
            if route == .matchReview && !mayReviewMatches { return [.say("The match review is for supervisors.")] }
            return [.open(route)]
        case .refresh: return onAppear()
        case .resumeDraft:
            guard let draft = offeredDraft else { return [] }
            offeredDraft = nil
            return [.open(.intakeForm(draft.id))]
        case .dismissOffer:
            offeredDraft = nil
            return []
        default: return []
        }
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .home(let summary):
            self.summary = summary
            loadError = nil
        case .intakeDrafts(let drafts):
            self.drafts = drafts
            // Offer the newest unfinished intake once per session: after a dropped connection
            // the worker comes back to exactly what was typed.
            if !hasOffered, let newest = drafts.first {
                offeredDraft = newest
                hasOffered = true
            }
        case .emergencyOpenings(let openings):
            emergenciesToReview = openings.count
        case .pendingBases(let bases):
            basesToApprove = bases.count
        case .referrals(.mineOverdue, let rows):
            myOverdueReferrals = rows
        case .failed(let message):
            loadError = message
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        let menuWidth = min(38, area.width / 2)
        let (menu, figures) = area.droppingTop(1).splitColumns(leftWidth: menuWidth, gap: 2)
        renderMenu(into: &grid, area: Rect(row: menu.row, column: menu.column + 2, width: menu.width - 2, height: menu.height))
        renderFigures(into: &grid, area: figures)
        if let draft = offeredDraft {
            renderOffer(draft, into: &grid, area: area)
        }
    }

    private func renderOffer(_ draft: IntakeDraftSummary, into grid: inout CellGrid, area: Rect) {
        let width = min(60, area.width - 4)
        let rect = Rect(row: area.row + 5, column: area.column + (area.width - width) / 2, width: width, height: 7)
        Chrome.box(into: &grid, rect, title: "Unfinished intake", style: .warning)
        grid.put("You did not finish the intake of", row: rect.row + 1, column: rect.column + 2)
        grid.put(draft.label, row: rect.row + 2, column: rect.column + 4, style: .bold, maxWidth: width - 6)
        grid.put("Last saved " + draft.updatedAt.stamp + ". Nothing typed was lost.", row: rect.row + 3,
                 column: rect.column + 2, style: .muted, maxWidth: width - 4)
        var column = rect.column + 2
        for (key, label) in [("Enter", " resume   "), ("d", " all drafts   "), ("Esc", " not now")] {
            column = grid.put(key, row: rect.row + 5, column: column, style: .hintKey)
            column = grid.put(label, row: rect.row + 5, column: column)
        }
    }

    private func renderMenu(into grid: inout CellGrid, area: Rect) {
        grid.put("What do you want to do?", row: area.row, column: area.column, style: .heading)
        for (index, destination) in destinations.enumerated() {
            let row = area.row + 2 + index
            let selected = index == selection.index
            let marker = selected ? "▸ " : "  "
            grid.put(marker, row: row, column: area.column, style: .bold)
            grid.put(String(destination.key), row: row, column: area.column + 2, style: .hintKey)
            var name = destination.name
            if destination.route == .intakeDrafts, let count = drafts?.count, count > 0 { name += " (\(count))" }
            if destination.route == .emergencies, let count = emergenciesToReview, count > 0 { name += " (\(count))" }
            if destination.route == .approvals, let count = basesToApprove, count > 0 { name += " (\(count))" }
            if destination.route == .referrals, let count = myOverdueReferrals?.count, count > 0 { name += " (\(count) overdue)" }
            grid.put(name, row: row, column: area.column + 5, style: selected ? .selected : .plain)
        }
        let purpose = destinations[selection.index].purpose
        for (offset, line) in DisplayWidth.wrap(purpose, to: area.width).prefix(4).enumerated() {
            grid.put(line, row: area.row + 3 + destinations.count + offset, column: area.column, style: .muted)
        }
    }

    private func renderFigures(into grid: inout CellGrid, area: Rect) {
        grid.put("Today in the county", row: area.row, column: area.column, style: .heading)
        if let loadError {
            for (offset, line) in DisplayWidth.wrap(loadError, to: area.width).enumerated() {
                grid.put(line, row: area.row + 2 + offset, column: area.column, style: .danger)
            }
            return
        }
        guard let summary else {
            grid.put("Counting…", row: area.row + 2, column: area.column, style: .muted)
            return
        }
        let figureWidth = min(area.width, 36)
        var row = area.row + 2
        func line(_ label: String, _ value: Int, indent: Bool = false, style: Style = .plain) {
            guard row < area.bottom else { return }
            let text = (indent ? "  " : "") + label
            grid.put(DisplayWidth.fit(text, to: figureWidth - 6), row: row, column: area.column, style: indent ? .plain : .bold)
            grid.put(DisplayWidth.fit(String(value), to: 6, alignment: .trailing), row: row,
                     column: area.column + figureWidth - 6, style: style)
            row += 1
        }
        line("Families known to Linkages", summary.familyCount)
        for tier in LinkagesTier.allCases.reversed() {
            line(tier.displayName, summary.familiesByTier[tier] ?? 0, indent: true)
        }
        line("No Linkages tier", summary.familiesWithoutTier, indent: true)
        row += 1
        line("Open ER referrals", summary.openEmergencyResponse)
        line("Open referrals", summary.openReferrals)
        for status in ReferralStatus.allCases where status.isOpen {
            if let count = summary.openReferralsByStatus[status], count > 0 {
                line(status.displayName, count, indent: true)
            }
        }
        row += 1
        line("Plan tasks overdue", summary.overdueTasks, style: summary.overdueTasks > 0 ? .warning : .plain)
        line("Plan tasks due in 7 days", summary.tasksDueThisWeek)
        line("AB 135 aid ending in 30 days", summary.ab135EndingSoon, style: summary.ab135EndingSoon > 0 ? .warning : .plain)
    }
}
