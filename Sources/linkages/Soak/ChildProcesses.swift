import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting and waiting for copies of this program (the soak's and the crash trials' workers).
enum ChildProcesses {
    /// This program's own executable.
    static var executable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    /// Starts `arguments[0]` with the rest as its arguments, inheriting this process's
    /// environment, and its standard streams unless `quiet` sends them to /dev/null.
    static func spawn(_ arguments: [String], quiet: Bool = false) throws -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            for stream in [STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", O_WRONLY, 0)
            }
        }
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw InputError("could not start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Waits for the process to end: its exit status, or 128 plus the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
