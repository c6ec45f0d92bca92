import Foundation
import GRDB
import LinkagesDomain
import LinkagesMatching

/// What `linkages match` is asked to do.
public struct MatchRunOptions: Sendable {
    /// At or above: linked without review.
    public var threshold: Double
    /// At or above (below `threshold`): queued for review.
    public var reviewFloor: Double
    /// Weights to use instead of learning them from the data.
    public var model: MatchModel?
    /// The account running the match, written to the audit trail with it; nil for the demo.
    public var account: String?

    public init(
        threshold: Double = MatchThresholds.link, reviewFloor: Double = MatchThresholds.review, model: MatchModel? = nil,
        account: String? = nil
    ) {
        self.threshold = threshold
        self.reviewFloor = min(reviewFloor, threshold)
        self.model = model
        self.account = account
    }
}

/// One linked pair, by the source systems' person ids.
public struct MatchedPair: Sendable, Equatable {
    public var calworksId: String
    public var cwsId: String
    public var probability: Double
}

/// What a batch match found and changed.
public struct MatchRunReport: Sendable {
    public var calworksPeople = 0
    public var cwsPeople = 0
    public var candidatePairs = 0
    /// Pairs linked by this run (at or above the threshold), not counting confirmed ones.
    public var linked = 0
    /// Pairs waiting for a supervisor.
    public var suggested = 0
    /// Pairs a supervisor had already decided, left as decided.
    public var decisionsKept = 0
    /// Families that became one because of this run.
    public var familiesJoined = 0
    /// Every pair linked or confirmed, at or above the threshold, for pairs.csv.
    public var pairs: [MatchedPair] = []
    public var model: MatchModel?
    public var timings: [(step: String, seconds: Double)] = []
}

extension AppDatabase {
    /// Cross-references everyone imported from CalWORKs with everyone from Child Welfare:
    /// links the pairs at or above the threshold (joining their households into one family),
    /// queues the less certain ones for review, and leaves supervisors' decisions alone. A
    /// rejected pair is never suggested again.
    public func runMatch(_ options: MatchRunOptions, at time: Date) throws -> MatchRunReport {
        let nicknames = try Nicknames.bundled()
        let (a, b, decisions) = try writer.read { db in
            (try MatchPeople.read(db, source: .calworks, nicknames: nicknames),
             try MatchPeople.read(db, source: .childWelfare, nicknames: nicknames),
             try Self.decisions(db))
        }
        var report = MatchRunReport(calworksPeople: a.count, cwsPeople: b.count)
        let indexA = Dictionary(uniqueKeysWithValues: a.enumerated().map { ($1.personId, $0) })
        let indexB = Dictionary(uniqueKeysWithValues: b.enumerated().map { ($1.personId, $0) })
        // A rejected pair is never offered again; confirmed people are taken, so the matcher
        // offers them to no one else.
        var rejected = Set<UInt64>(), takenA = Set<Int>(), takenB = Set<Int>()
        for decision in decisions {
            guard let left = indexA[decision.calworks], let right = indexB[decision.cws] else { continue }
            if decision.status == .confirmed {
                takenA.insert(left)
                takenB.insert(right)
            } else {
                rejected.insert(UInt64(left) << 32 | UInt64(right))
            }
        }
        let matcher = Matcher(comparator: Comparator())
        let result = matcher.run(a: a, b: b, threshold: options.reviewFloor, model: options.model) { left, right in
            !takenA.contains(left) && !takenB.contains(right) && !rejected.contains(UInt64(left) << 32 | UInt64(right))
        }
        report.candidatePairs = result.candidatePairs
        report.model = result.model
        report.timings = result.timings
        let scorer = Scorer(model: result.model, frequencies: NameFrequencies([a, b]))
        let encoder = JSONEncoder()
        let started = DispatchTime.now().uptimeNanoseconds
        try write { db in
            // Undecided suggestions from earlier runs give way to this run's.
            try db.execute(sql: "DELETE FROM personMatch WHERE status = ?", arguments: [PersonMatchStatus.suggested.rawValue])
            let upsert = try db.makeStatement(sql: """
                INSERT INTO personMatch (calworksPersonId, cwsPersonId, probability, evidence, status, matchedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (calworksPersonId, cwsPersonId) DO UPDATE SET
                    probability = excluded.probability, evidence = excluded.evidence, status = excluded.status,
                    matchedAt = excluded.matchedAt
                WHERE personMatch.status NOT IN ('confirmed', 'rejected')
                """)
            for link in result.links {
                let left = a[link.a], right = b[link.b]
                let status: PersonMatchStatus = link.probability >= options.threshold ? .linked : .suggested
                let evidence = String(decoding: try encoder.encode(scorer.evidence(link.vector, left)), as: UTF8.self)
                try upsert.execute(arguments: [left.personId, right.personId, link.probability, evidence, status.rawValue, time])
                if status == .linked {
                    report.linked += 1
                    if try FamilyJoin.join(left.personId, right.personId, db) {
                        report.familiesJoined += 1
                        if let family = try FamilyJoin.family(ofPerson: left.personId, db) {
                            try MutualFamilies.noteIdentified(familyId: family, by: .batchMatch, account: nil, at: time, db)
                        }
                    }
                } else {
                    report.suggested += 1
                }
            }
            report.decisionsKept = decisions.count
            report.pairs = try Self.linkedPairs(db, threshold: options.threshold)
            if let account = options.account {
                try AuditTrail.append(AuditEntry(
                    account: account, action: .runMatch,
                    detail: "\(report.linked) linked, \(report.suggested) for review, \(report.familiesJoined) families joined"),
                    at: time, in: db)
            }
        }
        report.timings.append(("saving", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9))
        return report
    }

    /// Decided pairs, by person row ids.
    static func decisions(_ db: Database) throws -> [(calworks: Int64, cws: Int64, status: PersonMatchStatus)] {
        try Row.fetchAll(db, sql: "SELECT calworksPersonId, cwsPersonId, status FROM personMatch WHERE status IN ('confirmed', 'rejected')")
            .map { row in (row[0], row[1], PersonMatchStatus(rawValue: row[2]) ?? .rejected) }
    }

    /// The linked and confirmed pairs at or above the threshold, by source person id (or the
    /// row id, as `#123`, for a person entered in Linkages).
    static func linkedPairs(_ db: Database, threshold: Double) throws -> [MatchedPair] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(calworks.sourcePersonId, '#' || calworks.id), coalesce(cws.sourcePersonId, '#' || cws.id), personMatch.probability
            FROM personMatch
            JOIN person AS calworks ON calworks.id = personMatch.calworksPersonId
            JOIN person AS cws ON cws.id = personMatch.cwsPersonId
            WHERE personMatch.status IN ('linked', 'confirmed') AND (personMatch.probability >= ? OR personMatch.status = 'confirmed')
            ORDER BY 1, 2
            """, arguments: [threshold])
            .map { MatchedPair(calworksId: $0[0], cwsId: $0[1], probability: $0[2]) }
    }
}
