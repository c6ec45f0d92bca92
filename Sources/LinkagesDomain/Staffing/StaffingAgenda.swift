/// What makes a family urgent for a joint staffing, as far as the supervisor may see it.
public struct StaffingSignals: Equatable, Sendable {
    public var familyId: Int64
    public var familyName: String
    public var tier: LinkagesTier?
    /// An Emergency Response referral is open.
    public var openEmergencyResponse: Bool
    /// Safety concerns recorded (domestic violence, substance use, home hazards, reports, mental health).
    public var safetyConcerns: [ConcernKind]
    public var overdueReferrals: Int
    public var overduePlanTasks: Int
    /// Days left on an AB 135 clock in its last 30 days.
    public var ab135DaysLeft: Int?
    /// Clashes in the joint case plan (Welfare-to-Work hours on a visit, deadlines out of order …).
    public var planConflicts: Int = 0
    /// Changes of address, household or work told between the programs in the last 30 days.
    public var recentChanges: Int = 0
    /// Days since the family was last staffed jointly; nil when it never was.
    public var daysSinceLastStaffing: Int?
    /// The most pressing Welfare-to-Work standing of the family's parents (sanction before non-compliance).
    public var welfareToWorkStatus: WelfareToWorkStatus?
    /// Days until the first Child and Family Team meeting is due (negative when overdue), when
    /// a child is in placement and no meeting held or scheduled meets the deadline.
    public var teamMeetingDaysLeft: Int?

    public init(
        familyId: Int64, familyName: String, tier: LinkagesTier? = nil, openEmergencyResponse: Bool = false,
        safetyConcerns: [ConcernKind] = [], overdueReferrals: Int = 0, overduePlanTasks: Int = 0, ab135DaysLeft: Int? = nil
    ) {
        self.ab135DaysLeft = ab135DaysLeft
        self.familyId = familyId
        self.familyName = familyName
        self.tier = tier
        self.openEmergencyResponse = openEmergencyResponse
        self.safetyConcerns = safetyConcerns
        self.overdueReferrals = overdueReferrals
        self.overduePlanTasks = overduePlanTasks
    }

    /// The concerns that count as safety concerns on the agenda.
    public static func isSafety(_ kind: ConcernKind) -> Bool {
        [.domesticViolence, .substanceUse, .homeSafetyHazard, .childWelfareReport, .mentalHealth].contains(kind)
    }
}

/// How much each signal weighs: data a county tunes (Resources/staffing/weights.json).
public struct StaffingWeights: Codable, Equatable, Sendable {
    public var version: Int
    public var openEmergencyResponse: Int
    public var safetyConcern: Int
    /// At most this many safety concerns add to the score.
    public var safetyConcernsCounted: Int
    public var overdueReferral: Int
    public var overduePlanTask: Int
    public var mutualClient: Int
    public var earlyIntervention: Int
    /// An AB 135 clock in its last 30 days: cash aid and child care are about to end.
    public var ab135EndingSoon: Int
    /// Each clash in the joint case plan. Files written before it existed weigh it 10.
    public var planConflict: Int = 10
    /// Each change told between the programs in the last 30 days (at most three count).
    public var recentChange: Int = 5
    /// A family never staffed jointly, or not in the last `staffingDueDays` days.
    public var staffingDue: Int = 5
    public var staffingDueDays: Int = 60
    /// Taken off a family staffed in the last `recentlyStaffedDays` days, so the agenda moves on.
    public var recentlyStaffed: Int = 25
    public var recentlyStaffedDays: Int = 14
    /// A parent in Welfare-to-Work sanction (or curing one); counties put sanctions first.
    public var welfareToWorkSanction: Int = 20
    /// A parent in Welfare-to-Work non-compliance, the step before a sanction.
    public var welfareToWorkNonCompliance: Int = 12
    /// The first Child and Family Team meeting due within `teamMeetingDueDays` days, or overdue,
    /// with no meeting set to meet it: an overdue first meeting stays on the agenda until one is
    /// held or scheduled (ACL 22-35's deadline does not lapse).
    public var teamMeetingDue: Int = 20
    public var teamMeetingDueDays: Int = 14

    public init(
        version: Int, openEmergencyResponse: Int, safetyConcern: Int, safetyConcernsCounted: Int, overdueReferral: Int,
        overduePlanTask: Int, mutualClient: Int, earlyIntervention: Int, ab135EndingSoon: Int
    ) {
        self.ab135EndingSoon = ab135EndingSoon
        self.version = version
        self.openEmergencyResponse = openEmergencyResponse
        self.safetyConcern = safetyConcern
        self.safetyConcernsCounted = safetyConcernsCounted
        self.overdueReferral = overdueReferral
        self.overduePlanTask = overduePlanTask
        self.mutualClient = mutualClient
        self.earlyIntervention = earlyIntervention
    }
}

extension StaffingWeights {
    private enum CodingKeys: String, CodingKey {
        case version, openEmergencyResponse, safetyConcern, safetyConcernsCounted, overdueReferral, overduePlanTask
        case mutualClient, earlyIntervention, ab135EndingSoon, planConflict
        case recentChange, staffingDue, staffingDueDays, recentlyStaffed, recentlyStaffedDays
        case welfareToWorkSanction, welfareToWorkNonCompliance, teamMeetingDue, teamMeetingDueDays
    }

    /// Reads a county's weights; a weight added after the county wrote its file keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            version: try container.decode(Int.self, forKey: .version),
            openEmergencyResponse: try container.decode(Int.self, forKey: .openEmergencyResponse),
            safetyConcern: try container.decode(Int.self, forKey: .safetyConcern),
            safetyConcernsCounted: try container.decode(Int.self, forKey: .safetyConcernsCounted),
            overdueReferral: try container.decode(Int.self, forKey: .overdueReferral),
            overduePlanTask: try container.decode(Int.self, forKey: .overduePlanTask),
            mutualClient: try container.decode(Int.self, forKey: .mutualClient),
            earlyIntervention: try container.decode(Int.self, forKey: .earlyIntervention),
            ab135EndingSoon: try container.decode(Int.self, forKey: .ab135EndingSoon))
        planConflict = try container.decodeIfPresent(Int.self, forKey: .planConflict) ?? planConflict
        recentChange = try container.decodeIfPresent(Int.self, forKey: .recentChange) ?? recentChange
        staffingDue = try container.decodeIfPresent(Int.self, forKey: .staffingDue) ?? staffingDue
        staffingDueDays = try container.decodeIfPresent(Int.self, forKey: .staffingDueDays) ?? staffingDueDays
        recentlyStaffed = try container.decodeIfPresent(Int.self, forKey: .recentlyStaffed) ?? recentlyStaffed
        recentlyStaffedDays = try container.decodeIfPresent(Int.self, forKey: .recentlyStaffedDays) ?? recentlyStaffedDays
        welfareToWorkSanction = try container.decodeIfPresent(Int.self, forKey: .welfareToWorkSanction) ?? welfareToWorkSanction
        welfareToWorkNonCompliance = try container.decodeIfPresent(Int.self, forKey: .welfareToWorkNonCompliance)
            ?? welfareToWorkNonCompliance
        teamMeetingDue = try container.decodeIfPresent(Int.self, forKey: .teamMeetingDue) ?? teamMeetingDue
        teamMeetingDueDays = try container.decodeIfPresent(Int.self, forKey: .teamMeetingDueDays) ?? teamMeetingDueDays
    }
}

/// One family on the staffing agenda: its place, its score and the reasons, heaviest first.
public struct AgendaItem: Equatable, Sendable {
    public var familyId: Int64
    public var familyName: String
    public var score: Int
    public var reasons: [AgendaReason]
}

/// One reason a family is on the agenda, with what it adds to the score.
public struct AgendaReason: Equatable, Sendable {
    public var text: String
    public var points: Int

    /// The points with their sign: "+30", "−25".
    public var signedPoints: String { points < 0 ? "−\(-points)" : "+\(points)" }
}

/// The supervisors' staffing agenda: families ranked by the weighted sum of their signals,
/// every point explained.
public enum StaffingAgenda {
    public static func rank(_ families: [StaffingSignals], weights: StaffingWeights) -> [AgendaItem] {
        families.compactMap { item(for: $0, weights: weights) }
            .sorted { ($0.score, $1.familyName) > ($1.score, $0.familyName) }
    }

    static func item(for signals: StaffingSignals, weights: StaffingWeights) -> AgendaItem? {
        var reasons: [AgendaReason] = []
        if signals.openEmergencyResponse {
            reasons.append(AgendaReason(text: "Emergency Response referral open", points: weights.openEmergencyResponse))
        }
        let concerns = signals.safetyConcerns
        if !concerns.isEmpty {
            let counted = min(concerns.count, weights.safetyConcernsCounted)
            reasons.append(AgendaReason(
                text: "Safety concerns: " + concerns.map(\.displayName).joined(separator: ", "),
                points: counted * weights.safetyConcern))
        }
        if let days = signals.ab135DaysLeft {
            reasons.append(AgendaReason(text: days == 0 ? "AB 135 aid ends today" : "AB 135 aid ends in \(days) days",
                                        points: weights.ab135EndingSoon))
        }
        if let days = signals.teamMeetingDaysLeft, days <= weights.teamMeetingDueDays {
            let when = days < 0 ? "\(-days) day\(days == -1 ? "" : "s") overdue"
                : (days == 0 ? "due today" : "due in \(days) day\(days == 1 ? "" : "s")") + ", none scheduled"
            reasons.append(AgendaReason(text: "First CFT meeting " + when, points: weights.teamMeetingDue))
        }
        if let status = signals.welfareToWorkStatus {
            switch status.staffingPriority {
            case 2: reasons.append(AgendaReason(text: "Welfare-to-Work: \(status.displayName)", points: weights.welfareToWorkSanction))
            case 1: reasons.append(AgendaReason(text: "Welfare-to-Work: \(status.displayName)", points: weights.welfareToWorkNonCompliance))
            default: break
            }
        }
        if signals.overdueReferrals > 0 {
            reasons.append(AgendaReason(text: "\(signals.overdueReferrals) referral\(signals.overdueReferrals == 1 ? "" : "s") overdue",
                                        points: signals.overdueReferrals * weights.overdueReferral))
        }
        if signals.planConflicts > 0 {
            reasons.append(AgendaReason(text: "\(signals.planConflicts) clash\(signals.planConflicts == 1 ? "" : "es") in the joint plan",
                                        points: signals.planConflicts * weights.planConflict))
        }
        if signals.overduePlanTasks > 0 {
            reasons.append(AgendaReason(text: "\(signals.overduePlanTasks) plan task\(signals.overduePlanTasks == 1 ? "" : "s") overdue",
                                        points: signals.overduePlanTasks * weights.overduePlanTask))
        }
        if signals.recentChanges > 0 {
            let counted = min(signals.recentChanges, 3)
            reasons.append(AgendaReason(text: "\(signals.recentChanges) change\(signals.recentChanges == 1 ? "" : "s") told between the programs this month",
                                        points: counted * weights.recentChange))
        }
        switch signals.daysSinceLastStaffing {
        case nil:
            reasons.append(AgendaReason(text: "Never staffed jointly", points: weights.staffingDue))
        case let days? where days > weights.staffingDueDays:
            reasons.append(AgendaReason(text: "Last staffed \(days) days ago", points: weights.staffingDue))
        case let days? where days <= weights.recentlyStaffedDays:
            reasons.append(AgendaReason(text: days == 0 ? "Staffed today" : "Staffed \(days) day\(days == 1 ? "" : "s") ago",
                                        points: -weights.recentlyStaffed))
        default:
            break
        }
        switch signals.tier {
        case .mutualClient?: reasons.append(AgendaReason(text: "Mutual client (open in both programs)", points: weights.mutualClient))
        case .earlyIntervention?: reasons.append(AgendaReason(text: "Early intervention", points: weights.earlyIntervention))
        default: break
        }
        reasons.removeAll { $0.points == 0 }
        let score = reasons.map(\.points).reduce(0, +)
        guard score > 0 else { return nil }
        return AgendaItem(familyId: signals.familyId, familyName: signals.familyName, score: score,
                          reasons: reasons.sorted { $0.points > $1.points })
    }

    /// The agenda as Markdown, for printing or pasting into the staffing's minutes. Each family
    /// has its number, for `linkages plan export`.
    public static func markdown(_ items: [AgendaItem], title: String) -> String {
        var lines = ["# \(title)", ""]
        for (index, item) in items.enumerated() {
            lines.append("\(index + 1). **\(item.familyName)** (family \(item.familyId), score \(item.score))")
            for reason in item.reasons {
                lines.append("   - \(reason.text) (\(reason.signedPoints))")
            }
        }
        if items.isEmpty { lines.append("No family is due for a joint staffing.") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The agenda as plain text.
    public static func text(_ items: [AgendaItem], title: String) -> String {
        var lines = [title, String(repeating: "=", count: title.count), ""]
        for (index, item) in items.enumerated() {
            lines += PrintedText.wrap("\(item.familyName)  (family \(item.familyId), score \(item.score))", firstIndent: "\(index + 1). ",
                                      indent: "     ")
            for reason in item.reasons {
                lines += PrintedText.wrap("\(reason.text)  \(reason.signedPoints)", firstIndent: "     ", indent: "       ")
            }
        }
        if items.isEmpty { lines.append("No family is due for a joint staffing.") }
        return lines.joined(separator: "\n") + "\n"
    }
}
