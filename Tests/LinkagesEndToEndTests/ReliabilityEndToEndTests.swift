import Foundation
import LinkagesTestSupport
import Testing

/// Short runs of the reliability harnesses (docs/reliability.md has the long ones): eight
/// workers writing to one file at once, one worker's process stopped while others work, and
/// kills in the middle of an import and an intake.
@Suite("Concurrent writers and crashes", .serialized)
struct ReliabilityEndToEndTests {
    @Test("eight processes write for 30 seconds: every acknowledged write is there, nothing locked, integrity ok")
    func soak() throws {
        let home = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try LinkagesCommand.run(["bench", "soak", "--processes", "8", "--seconds", "30", "--folder", home.path], home: home)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\"database is locked\" errors: 0; other errors: 0"), "\(run.output)")
        #expect(run.output.contains("acknowledged writes missing: 0"), "\(run.output)")
        #expect(run.output.contains("integrity_check: ok; audit chain: intact"), "\(run.output)")
    }

    @Test("one worker's process stopped four times, twice in the middle of a write: a waiting worker releases it, nothing locked or lost")
    func stalls() throws {
        let home = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try LinkagesCommand.run(["bench", "stall-trials", "--trials", "4", "--stop-seconds", "1.5", "--folder", home.path],
                                          home: home)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("left waiting: 0)"), "\(run.output)")
        #expect(!run.output.contains("holding the write lock: 0 "), "a stop in the middle of a write: \(run.output)")
        #expect(run.output.contains("\"database is locked\" errors: 0; other errors: 0"), "\(run.output)")
        #expect(run.output.contains("acknowledged writes missing: 0"), "\(run.output)")
        #expect(run.output.contains("integrity_check: ok; audit chain: intact"), "\(run.output)")
    }

    @Test("ten kills: an import leaves all its rows or none, a draft is as last saved, integrity ok")
    func crashes() throws {
        let home = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try LinkagesCommand.run(["bench", "crash-trials", "--trials", "10", "--rows", "5000", "--folder", home.path],
                                          home: home)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("failures: 0"), "\(run.output)")
        #expect(run.output.contains("Crash trials: 10 kills"), "\(run.output)")
    }
}
