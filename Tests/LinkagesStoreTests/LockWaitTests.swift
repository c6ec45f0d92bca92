import Foundation
@testable import LinkagesStore
import LinkagesTestSupport
import Testing

/// Waiting for another process's lock (LockWait), without waiting behind a stopped one; the
/// whole stop-and-release is tried end to end by `bench stall-trials`.
@Suite("Waiting for a lock")
struct LockWaitTests {
    @Test("only the locks that keep others waiting count: the writer, a checkpoint, a read mark, any exclusive lock")
    func locksThatMakeOthersWait() throws {
        let (database, location) = try Fixtures.emptyDatabase()
        defer { try? database.close() }
        let file = try #require(FileLocks.inode(of: location.path))
        let memory = try #require(FileLocks.inode(of: location.path + "-shm"))
        let table = """
            1: POSIX  ADVISORY  READ 1001 fe:00:\(memory) 128 128
            2: POSIX  ADVISORY  READ 1001 fe:00:\(file) 1073741826 1073742335
            3: POSIX  ADVISORY  WRITE 1002 fe:00:\(memory) 120 120
            4: POSIX  ADVISORY  READ 1003 fe:00:\(memory) 124 124
            5: POSIX  ADVISORY  WRITE 1004 fe:00:\(file) 1073741824 1073741824
            6: POSIX  ADVISORY  WRITE 1005 fe:00:\(memory) 121 121
            7: -> POSIX  ADVISORY  WRITE 1006 fe:00:\(memory) 120 120
            8: POSIX  ADVISORY  WRITE 1007 fe:00:1 120 120
            9: POSIX  ADVISORY  WRITE \(getpid()) fe:00:\(memory) 120 120
            """
        let locks = FileLocks(databaseAt: location.path, table: table)
        #expect(locks.processesMakingOthersWait == [1002, 1003, 1004, 1005],
                "an idle connection (1001), one still waiting (1006), another file (1007) and this process are left out")
        #expect(locks.otherProcesses == [1001, 1002, 1003, 1004, 1005])
    }

    @Test("a write waits for another connection's write to end instead of failing")
    func waitsForAnotherWriter() throws {
        let (first, location) = try Fixtures.emptyDatabase()
        let second = try AppDatabase.open(location)
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread {
            try? first.writer.write { _ in
                holding.signal()
                usleep(300_000)
            }
            released.signal()
        }.start()
        holding.wait()
        try second.setKind(.demo)
        released.wait()
        #expect(try second.kind() == .demo)
        try second.close()
        try first.close()
    }

    @Test("waits up to ten seconds, looking at the holders first after about 130 ms, then every 200 ms")
    func waitingSchedule() {
        #expect((0..<6).map(LockWait.pause(after:)) == [1, 2, 4, 8, 16, 20])
        #expect(LockWait.milliseconds(before: 0) == 0)
        #expect(LockWait.milliseconds(before: 10) == (0..<10).map(LockWait.pause(after:)).reduce(0, +))
        #expect(LockWait.milliseconds(before: 10) == 131)
        let lastTry = (0...).first { LockWait.milliseconds(before: $0) >= 10_000 }!
        #expect(lastTry == 504)
    }

    @Test("a process's state is read from /proc: this one runs, a stopped child is stopped")
    func stoppedProcess() throws {
        #expect(!ProcessState.isStopped(getpid()))
        var child: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("30"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&child, "/bin/sleep", nil, nil, argv, environ) == 0)
        defer {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        kill(child, SIGSTOP)
        var tries = 0
        while !ProcessState.isStopped(child) && tries < 2000 {
            usleep(1000)
            tries += 1
        }
        #expect(ProcessState.isStopped(child))
        kill(child, SIGCONT)
        tries = 0
        while ProcessState.isStopped(child) && tries < 2000 {
            usleep(1000)
            tries += 1
        }
        #expect(!ProcessState.isStopped(child))
    }
}
