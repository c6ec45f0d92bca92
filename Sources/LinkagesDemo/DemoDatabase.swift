import Foundation
import LinkagesDomain
import LinkagesMatching
import LinkagesResources
import LinkagesStore

/// Builds the demo database: Sarah's Story, José Núñez-García's family and about 230 other
/// synthetic families over all three tiers, with today's referrals and joint case plans, a
/// year of past work and Mai Yer Vang's AB 135 months running out. The same seed and date
/// always give the same database.
public enum DemoDatabase {
    public static let defaultSeed: UInt64 = 2_024_0229
    /// Who `linkages demo` works as: the Child Welfare ER caseworker of Sarah's Story.
    public static let defaultWorker = "Marcus Bell"
    /// Who `linkages train` works as: the demo's trainer, who sees all practice data.
    public static let trainer = "Karen López"

    /// Builds a fresh demo (or training) database at `location`, replacing an earlier demo or
    /// training database there but never one that holds real data. The new file is built beside
    /// the old one and moved into place only when complete.
    public static func build(
        at location: DatabaseLocation, on today: CalendarDate, seed: UInt64 = defaultSeed, kind: DatabaseKind = .demo
    ) throws -> AppDatabase {
        precondition(kind != .production, "the demo county is made up: it never becomes a production database")
        let path = location.path
        if FileManager.default.fileExists(atPath: path) {
            let existing = try AppDatabase.open(location)
            let existingKind = try existing.kind()
            try existing.close()
            guard existingKind != .production else { throw StoreError.refusingToReplace(path: path) }
        }
        let buildingPath = path + ".building"
        removeDatabaseFiles(at: buildingPath)
        let building = try AppDatabase.open(DatabaseLocation(path: buildingPath, isDefault: location.isDefault), create: true)
        try populate(building, on: today, seed: seed)
        try building.setKind(kind)
        try building.close()
        removeDatabaseFiles(at: path)
        do {
            try FileManager.default.moveItem(atPath: buildingPath, toPath: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "could not move the new demo database into place")
        }
        removeDatabaseFiles(at: buildingPath)
        return try AppDatabase.open(location)
    }

    /// Reunification cases that began a year and more ago, added after the other families.
    static let reunificationHistories = 30

    /// Fills an empty database with the demo county, in one transaction.
    public static func populate(_ database: AppDatabase, on today: CalendarDate, seed: UInt64 = defaultSeed) throws {
        let resources = try DemoResources.load()
        var random = SeededGenerator(seed: seed)
        try database.batch { batch in
            let staff = StaffDirectory(workers: try DemoStaff.workers.map { try batch.addWorker($0) })
            let created = today.adding(days: -1).instant(hour: 8)
            let sarah = try batch.addFamily(StoryFamilies.sarah(resources.sarah, staff: staff, on: today), at: created)
            // Sarah signed a release at the ER visit: both programs share, substance use excluded.
            // The workbook's county has no sharing policy yet: the release is the exercise's own.
            try batch.addSharingBasis(SharingBasis(
                familyId: sarah.familyId, kind: .signedRelease, sharesCalWORKs: true, sharesChildWelfare: true,
                signedOn: today.adding(days: -1), expiresOn: today.adding(days: 364), recordedBy: "demo",
                recordedAt: created, note: "Added for the training exercise (the workbook's county has no sharing policy yet): signed at the ER home visit.",
                calworksDecision: DemoApprovals.calworks(at: created), childWelfareDecision: DemoApprovals.childWelfare(at: created)))
            let jose = try batch.addFamily(StoryFamilies.nunezGarcia(staff: staff, on: today), at: created)
            // Sofía and Mateo were removed 75 days ago; eleven days later the reunification plan
            // was amended to recommend cash aid, and Linh Tran found Welfare-to-Work services needed.
            try batch.addReunificationRecord(ReunificationRecord(
                familyId: jose.familyId, servicesNeeded: true, cashAidRecommendedOn: today.adding(days: -64),
                allEligibleChildrenRemoved: true, recordedBy: "demo", recordedAt: created))
            for family in DemoReviewCases.families(on: today) {
                try batch.addFamily(family, at: created)
            }

            var factory = FamilyFactory(resources: resources, staff: staff, today: today, random: random)
            var situations = Situation.demoMix.flatMap { situation, count in Array(repeating: situation, count: count) }
            situations.shuffle(using: &random)
            var activity = DemoActivity(staff: staff, today: today, random: SeededGenerator(seed: seed &+ 1))
            var history = DemoHistory(staff: staff, today: today, random: SeededGenerator(seed: seed &+ 2))
            var responses = DemoResponses(today: today, random: SeededGenerator(seed: seed &+ 3))
            for situation in situations {
                let family = factory.make(situation)
                let added = try batch.addFamily(family.new, at: created)
                for (referral, timeline) in activity.referrals(for: family, familyId: added.familyId) {
                    try batch.addReferral(referral, timeline: timeline)
                }
                if let (plan, tasks) = activity.plan(for: family, familyId: added.familyId) {
                    try batch.addPlan(plan, tasks: tasks)
                    try history.recordMeeting(family, familyId: added.familyId, after: CalendarDate.today(now: plan.createdAt),
                                              lead: plan.leadWorkerId, in: batch)
                }
                try history.record(family, familyId: added.familyId, in: batch)
                try responses.record(family, familyId: added.familyId, in: batch)
            }
            // Reunification cases from a year and more ago: how they ended is what AB 135 and
            // re-entry measure.
            for _ in 0..<reunificationHistories {
                var family = factory.make(.mutual(.familyReunification))
                let past = history.reunificationHistory(&family)
                let added = try batch.addFamily(family.new, at: created)
                try batch.addReunificationRecord(ReunificationRecord(
                    familyId: added.familyId, removedOn: past.removed, servicesNeeded: true, cashAidRecommendedOn: past.amended,
                    allEligibleChildrenRemoved: true, recordedBy: "demo", recordedAt: past.amended.instant(hour: 15)))
                let workers = family.new.households.map { $0.involvements.first?.workerId }
                let (plan, tasks) = history.reunificationPlan(past, familyId: added.familyId, lead: workers.last ?? nil,
                                                             calworksWorker: workers.first ?? nil)
                try batch.addPlan(plan, tasks: tasks)
                try history.recordMeeting(family, familyId: added.familyId, after: CalendarDate.today(now: plan.createdAt),
                                          lead: plan.leadWorkerId, in: batch)
                try history.record(family, familyId: added.familyId, in: batch)
            }
            try DemoClockCase.add(staff: staff, on: today, to: batch)
        }
        // The county's community service directory (invented providers, Open Referral HSDS files).
        try database.importDirectory(files: LinkagesResources.files(in: "directory"), by: nil, at: today.adding(days: -1).instant(hour: 8))
        // Cross-reference the county as `linkages match` would, with weights learnt beforehand
        // from a generated county (too few people here to learn them from).
        let model = try JSONDecoder().decode(MatchModel.self, from: LinkagesResources.data("demo-model.json", in: "matching"))
        _ = try database.runMatch(MatchRunOptions(model: model), at: today.adding(days: -1).instant(hour: 9))
    }

    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
