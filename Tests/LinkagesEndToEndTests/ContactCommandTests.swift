import Foundation
import GRDB
import LinkagesStore
import LinkagesTestSupport
import Testing

/// `linkages contact` through the real binary: the visit recorded once, the second refused
/// with who was first, and an intake of another family refused.
@Suite("Recording the ER visit from the command line", .serialized)
struct ContactCommandTests {
    @Test("contact record closes the clock; a second visit and another family's intake are refused in one sentence")
    func recordFromShell() throws {
        let home = try Fixtures.temporaryFolder()
        let database = home.appendingPathComponent("demo.sqlite").path
        let built = try LinkagesCommand.run(["demo", "--seed-only", "--db", database, "--as", "Marcus Bell"], home: home)
        #expect(built.status == 0, "\(built.output)")
        // A demo intake no one has visited yet, and a family it is not.
        let opened = try AppDatabase.open(DatabaseLocation(path: database, isDefault: false))
        let (intake, family, other) = try opened.writer.read { db -> (Int64, Int64, Int64) in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT id, familyId FROM intake WHERE status = 'finished'
                  AND id NOT IN (SELECT intakeId FROM responseContact) ORDER BY id LIMIT 1
                """))
            let other = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM family WHERE id <> ? ORDER BY id LIMIT 1",
                                                        arguments: [row["familyId"] as Int64]))
            return (row["id"], row["familyId"], other)
        }
        try opened.close()
        let recorded = try LinkagesCommand.run(["--db", database, "contact", "record", "--family", "\(family)", "--time", "08:05"], home: home)
        #expect(recorded.status == 0 && recorded.output.contains("Recorded for intake \(intake): family seen, \(Fixtures.today.usFormat) 08:05."),
                "\(recorded.output)")
        #expect(recorded.output.contains("In-person response"), "the clocks follow: \(recorded.output)")
        let again = try LinkagesCommand.run(["--db", database, "contact", "record", "--family", "\(family)"], home: home)
        #expect(again.status == 1 && again.output.contains("the family was already seen on \(Fixtures.today.usFormat) 08:05, recorded by Marcus Bell"),
                "\(again.output)")
        let wrong = try LinkagesCommand.run(["--db", database, "contact", "record", "--family", "\(other)", "--intake", "\(intake)"], home: home)
        #expect(wrong.status == 1 && wrong.output.contains("intake \(intake) is not family \(other)'s"), "\(wrong.output)")
    }
}
