import Foundation
import GRDB
import LinkagesDomain

extension AppDatabase {
    /// The supervisor's staffing agenda: the families of their program and office that are known
    /// to both programs or have an Emergency Response referral open (an ER intake's included),
    /// ranked by `weights`. Only
    /// what the supervisor may see counts (a family's other-program details need a release).
    /// The view is audited.
    public func staffingAgenda(for policy: AccessPolicy, weights: StaffingWeights, at time: Date) throws -> [AgendaItem] {
        guard policy.mayOpenFamilies else { return [] }
        return try write { db in
            let viewer = policy.viewer
            // A finished ER intake is a Child Welfare record of the family (source 'intake'),
            // so a new family is on its Child Welfare supervisor's agenda the moment it is finished.
            let childWelfareSources = [RecordSource.childWelfare, .intake].map(\.rawValue)
            let own = viewer.program == .childWelfare ? childWelfareSources : [RecordSource.calworks.rawValue]
            let other = viewer.program == .childWelfare ? [RecordSource.calworks.rawValue] : childWelfareSources
            let familyIds = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT own.familyId
                FROM household AS own
                WHERE own.source IN (\(databaseQuestionMarks(count: own.count)))
                  AND (own.office IS NULL OR own.office = ? OR ?)
                  AND (EXISTS (SELECT 1 FROM household AS other WHERE other.familyId = own.familyId
                               AND other.source IN (\(databaseQuestionMarks(count: other.count))))
                       OR EXISTS (SELECT 1 FROM involvement JOIN household h ON h.id = involvement.householdId
                                  WHERE h.familyId = own.familyId AND involvement.component = 'emergencyResponse'
                                    AND involvement.status != 'closed'))
                """, arguments: StatementArguments(own) + [viewer.office, viewer.role == .trainer] + StatementArguments(other))
            let levels = try Self.serviceLevels(db)
            let holidays = try Self.holidays(db)
            let recentChanges = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT familyId, count(*) AS n FROM changeNotice WHERE sentAt >= ? GROUP BY familyId
                """, arguments: [time.addingTimeInterval(-30 * 86_400)]).map { (row: Row) -> (Int64, Int) in (row["familyId"], row["n"]) })
            let lastStaffed = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT familyId, max(reviewedAt) AS at FROM staffingReview GROUP BY familyId
                """).map { (row: Row) -> (Int64, Date) in (row["familyId"], row["at"]) })
            var signals: [StaffingSignals] = []
            for id in familyIds {
                guard let detail = try Self.familyDetail(db, id: id, on: policy.today)?
                    .visible(under: policy, emergencyReason: nil, sensitiveQuestions: []) else { continue }
                let involvements = detail.records.flatMap(\.involvements)
                let overdueReferrals = detail.referrals.filter { referral in
                    guard let since = referral.statusSince,
                          let due = levels.due(status: referral.status, since: CalendarDate.today(now: since), holidays: holidays)
                    else { return false }
                    return due < policy.today
                }
                var familySignals = StaffingSignals(
                    familyId: id, familyName: detail.family.displayName, tier: detail.tier.tier,
                    openEmergencyResponse: involvements.contains { $0.component == .emergencyResponse && $0.isCurrent(on: policy.today) },
                    safetyConcerns: ConcernKind.allCases.filter { kind in
                        StaffingSignals.isSafety(kind) && detail.concerns.contains { $0.kind == kind }
                    },
                    overdueReferrals: overdueReferrals.count,
                    overduePlanTasks: detail.tasks.filter { $0.isOverdue(on: policy.today) }.count,
                    ab135DaysLeft: detail.reunification?.ab135Clock.flatMap { clock in
                        if case .endingSoon(let days) = clock.state(on: policy.today) { return days }
                        return nil
                    })
                familySignals.recentChanges = recentChanges[id] ?? 0
                familySignals.daysSinceLastStaffing = lastStaffed[id].map { CalendarDate.today(now: $0).days(until: policy.today) }
                familySignals.planConflicts = detail.plan == nil ? 0 : PlanConflicts.find(in: detail.tasks, today: policy.today).count
                familySignals.welfareToWorkStatus = involvements
                    .filter { $0.component == .welfareToWork && $0.isCurrent(on: policy.today) }
                    .compactMap(\.welfareToWorkStatus)
                    .max { $0.staffingPriority < $1.staffingPriority }
                if let deadline = detail.teamMeetingDeadline, deadline.stillAwaited(detail.meetings.map(\.meeting)) {
                    familySignals.teamMeetingDaysLeft = policy.today.days(until: deadline.due)
                }
                signals.append(familySignals)
            }
            let agenda = StaffingAgenda.rank(signals, weights: weights)
            // The agenda shows each listed family by name, with its reasons: every one is named.
            let listed = agenda.map(\.familyId)
            try AuditTrail.append(AuditEntry(account: viewer.account ?? "", action: .viewAgenda,
                                             detail: "\(signals.count) families weighed, \(listed.count) listed ("
                                                 + listed.map(String.init).joined(separator: ", ") + ")",
                                             familyIds: listed), at: time, in: db)
            return agenda
        }
    }
}
