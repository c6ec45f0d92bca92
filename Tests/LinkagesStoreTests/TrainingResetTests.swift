import Foundation
import GRDB
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing

/// A trainer resets the training database between runs of a walkthrough: every table must be
/// exactly as it was at the start, and nothing but a training database may ever be reset.
@Suite("Training database reset")
struct TrainingResetTests {
    /// Every row of every table (the schema's own and full-text tables included), sorted. A
    /// full-text index is read from the tables it is stored in: one that keeps no copy of its
    /// text cannot be read whole.
    static func contents(of database: AppDatabase) throws -> String {
        try database.writer.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
                """)
            var text = ""
            for table in tables {
                // Some full-text tables have no rowid: sort the rows' text instead.
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted() {
                    text += "\(table) \(row)\n"
                }
            }
            return text
        }
    }

    static func trainingDatabase() throws -> (AppDatabase, DatabaseLocation) {
        let location = DatabaseLocation(path: try Fixtures.temporaryFolder().path + "/training.sqlite", isDefault: false)
        return (try DemoDatabase.build(at: location, on: Fixtures.today, kind: .training), location)
    }

    @Test("reset puts back every table exactly as it was, after plans, staffings, drafts and audit rows")
    func resetRestoresStart() throws {
        let (database, location) = try Self.trainingDatabase()
        let snapshot = try database.trainingSnapshot()
        let start = try Self.contents(of: database)
        let policy = AccessPolicy(viewer: Fixtures.trainer, isPracticeData: true, today: Fixtures.today)
        let sarah = try #require(try database.searchFamilies("Sarah Mitchell", on: Fixtures.today).first)
        _ = try database.savePlan(familyId: sarah.id, goals: "Keep the children safe at home.", leadWorkerId: nil, for: policy, at: Fixtures.now)
        try database.recordStaffing(familyId: sarah.id, minutes: "Staffed in training.", for: policy, at: Fixtures.now)
        _ = try database.createIntakeDraft(account: "trainer", draft: IntakeDraft(bankVersion: 1), at: Fixtures.now)
        #expect(try Self.contents(of: database) != start)

        try database.restore(snapshot)
        #expect(try Self.contents(of: database) == start)
        #expect(try database.kind() == .training)
        // The database goes on working after a reset, and a second reset works as well.
        _ = try database.savePlan(familyId: sarah.id, goals: "Second run.", leadWorkerId: nil, for: policy, at: Fixtures.now)
        try database.restore(snapshot)
        #expect(try Self.contents(of: database) == start)
        let mode = try FileManager.default.attributesOfItem(atPath: location.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("only a training database is snapshotted or reset")
    func onlyTraining() throws {
        let demo = try Fixtures.demoDatabase()
        #expect(throws: StoreError.notTraining) { try demo.trainingSnapshot() }
        let (training, _) = try Self.trainingDatabase()
        let snapshot = try training.trainingSnapshot()
        #expect(throws: StoreError.notTraining) { try demo.restore(snapshot) }
    }
}
