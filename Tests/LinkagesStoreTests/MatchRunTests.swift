import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesMatching
import LinkagesStore
import LinkagesTestSupport
import Testing

/// A small generated county, as both programs would extract it, with the truth.
private let county = try! SyntheticExtractFiles.generate(
    SyntheticOptions(calworks: 6_000, childWelfare: 1_200, overlap: 0.3, seed: 5, today: Fixtures.today))

private let truth: Set<String> = {
    let lines = String(decoding: county.truth, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
    return Set(lines.map { $0.replacingOccurrences(of: ",", with: "|") })
}()

@Suite("The batch match in the store")
struct MatchRunTests {
    /// Both extracts imported into a new database.
    func importedCounty() throws -> AppDatabase {
        let (database, _) = try Fixtures.emptyDatabase()
        for (program, data) in [(Program.calworks, county.calworks), (.childWelfare, county.childWelfare)] {
            _ = try database.importExtract(data, options: ImportOptions(program: program, file: "\(program).csv"), at: Fixtures.now)
        }
        return database
    }

    func familyOf(_ sourcePersonId: String, _ database: AppDatabase) throws -> Int64? {
        try database.writer.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT household.familyId FROM person JOIN household ON household.id = person.householdId WHERE person.sourcePersonId = ?
                """, arguments: [sourcePersonId])
        }
    }

    @Test("links the same people across the programs, joins their families, and writes them as pairs")
    func linksAndJoins() throws {
        let database = try importedCounty()
        let report = try database.runMatch(MatchRunOptions(), at: Fixtures.now)
        #expect(report.calworksPeople == county.summary.calworksRows && report.cwsPeople == county.summary.childWelfareRows)
        let found = Set(report.pairs.map { "\($0.calworksId)|\($0.cwsId)" })
        let right = found.intersection(truth).count
        #expect(Double(right) / Double(found.count) >= 0.98, "precision")
        #expect(Double(right) / Double(truth.count) >= 0.97, "recall")
        #expect(report.pairs.allSatisfy { $0.probability >= MatchThresholds.link })
        #expect(report.familiesJoined > 0)
        for pair in report.pairs.prefix(50) {
            #expect(try familyOf(pair.calworksId, database) == familyOf(pair.cwsId, database))
        }
        // Every link carries its evidence, in words.
        let family = try #require(try familyOf(report.pairs[0].calworksId, database))
        let links = try database.personMatches(familyId: family, by: "test", at: Fixtures.now)
        #expect(!links.isEmpty && links.allSatisfy { $0.status == .linked && $0.evidence.count >= 5 })
        #expect(links[0].evidence.contains { $0.field == .birthDate && $0.text.contains("birth date") })
    }

    @Test("running the match again changes nothing")
    func rerun() throws {
        let database = try importedCounty()
        let first = try database.runMatch(MatchRunOptions(), at: Fixtures.now)
        let second = try database.runMatch(MatchRunOptions(), at: Fixtures.now)
        // The same pairs; the probabilities agree but for the last bits of sums taken in parallel.
        #expect(second.pairs.map(\.calworksId) == first.pairs.map(\.calworksId))
        #expect(second.pairs.map(\.cwsId) == first.pairs.map(\.cwsId))
        #expect(zip(first.pairs, second.pairs).allSatisfy { abs($0.probability - $1.probability) < 1e-9 })
        #expect(second.linked == first.linked && second.suggested == first.suggested)
        #expect(second.familiesJoined == 0)
    }

    @Test("a supervisor's decisions stand: confirmed pairs stay linked, rejected pairs are never suggested again")
    func decisionsStand() throws {
        let database = try importedCounty()
        // A strict threshold leaves many pairs for review.
        let strict = MatchRunOptions(threshold: 0.999_999, reviewFloor: 0.5)
        let first = try database.runMatch(strict, at: Fixtures.now)
        #expect(first.suggested >= 2)
        let queue = try database.matchReviewQueue(by: "test", at: Fixtures.now)
        #expect(queue.count == first.suggested)
        #expect(try database.matchReviewCount() == first.suggested)
        #expect(zip(queue, queue.dropFirst()).allSatisfy { $0.probability >= $1.probability })
        let (confirmed, rejected) = (queue[0], queue[1])
        // What was recorded about the Child Welfare family before the join comes along with it.
        let cwsFamily = confirmed.childWelfare.household.familyId
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO staffingReview (familyId, reviewedAt, reviewedBy, minutes) VALUES (?, ?, 'pat', 'm')",
                           arguments: [cwsFamily, Fixtures.now])
        }
        try database.decideMatch(id: confirmed.id, .confirm, by: "pat", at: Fixtures.now)
        let joined = try #require(try familyOf(confirmed.childWelfare.person.sourcePersonId!, database))
        try database.writer.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM staffingReview WHERE familyId = ?", arguments: [joined]) == 1)
            // Noted as mutual: by this review, or earlier by a batch link of another member.
            let method = try String.fetchOne(db, sql: "SELECT method FROM mutualIdentification WHERE familyId = ?", arguments: [joined])
            #expect(method == "lookup" || method == "batchMatch")
        }
        let decided = try database.decideMatch(id: rejected.id, .reject, by: "pat", at: Fixtures.now)
        #expect(decided.status == .rejected && decided.decidedBy == "pat" && decided.decidedAt == Fixtures.now)
        #expect(throws: MatchDecisionError.self) { try database.decideMatch(id: rejected.id, .confirm, by: "lee", at: Fixtures.now) }
        #expect(try familyOf(confirmed.calworks.person.sourcePersonId!, database) == familyOf(confirmed.childWelfare.person.sourcePersonId!, database))

        let second = try database.runMatch(strict, at: Fixtures.now)
        #expect(second.decisionsKept == 2)
        #expect(second.suggested == first.suggested - 2)
        let again = try database.matchReviewQueue(by: "test", at: Fixtures.now)
        #expect(!again.contains { $0.id == confirmed.id || $0.id == rejected.id })
        #expect(!again.contains { $0.calworks.person.id == rejected.calworks.person.id && $0.childWelfare.person.id == rejected.childWelfare.person.id })
        #expect(second.pairs.contains { $0.calworksId == confirmed.calworks.person.sourcePersonId && $0.cwsId == confirmed.childWelfare.person.sourcePersonId })
    }

    @Test("rejecting every link that tied a Child Welfare household to a family gives it a family of its own")
    func rejectingParts() throws {
        let database = try importedCounty()
        let report = try database.runMatch(MatchRunOptions(), at: Fixtures.now)
        let family = try #require(try familyOf(report.pairs[0].calworksId, database))
        let links = try database.personMatches(familyId: family, by: "test", at: Fixtures.now)
        let household = links[0].childWelfare.household.id
        let tying = links.filter { $0.childWelfare.household.id == household }
        for link in tying.dropLast() {
            try database.decideMatch(id: link.id, .reject, by: "pat", at: Fixtures.now)
            #expect(try familyOf(link.childWelfare.person.sourcePersonId!, database) == family, "still tied by the others")
        }
        let last = try #require(tying.last)
        try database.decideMatch(id: last.id, .reject, by: "pat", at: Fixtures.now)
        let parted = try #require(try familyOf(last.childWelfare.person.sourcePersonId!, database))
        #expect(parted != family)
        #expect(try familyOf(last.calworks.person.sourcePersonId!, database) == family)
    }
}
