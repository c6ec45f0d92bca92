import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command and waits for it with `posix_spawn` and `waitpid`. Foundation's `Process`
/// left exited children unreaped (and `waitUntilExit` hanging) when tests ran it from several
/// threads at once; this does the same job in a few lines with no run loop.
public enum ChildProcess {
    /// Runs `arguments` (looked up on PATH) and returns its exit status and standard output.
    /// Standard error is discarded. With `captureOutput` false, standard output is too.
    @discardableResult
    public static func run(_ arguments: [String], captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipe: [Int32] = [-1, -1]
        if captureOutput {
            guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        // Nothing else is passed on: a tmux server started here lives on, and a pipe or socket
        // of the test process it held open would keep `swift test` waiting for its end.
        for descriptor in openDescriptors() where descriptor > STDERR_FILENO && !pipe.contains(descriptor) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, cArguments, environ)
        if captureOutput { close(pipe[1]) }
        guard spawned == 0 else {
            if captureOutput { close(pipe[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        var output = Data()
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(pipe[0], &buffer, buffer.count)
                if count > 0 {
                    output.append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }

    /// The file descriptors open in this process (read from /proc before spawning).
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }
}

/// The built `linkages` run from the shell, as a supervisor or administrator runs it.
public enum LinkagesCommand {
    /// Runs `linkages` with the screens' fixed date and `home` as its home folder; the output
    /// holds standard error too.
    public static func run(_ arguments: [String], home: URL) throws -> (status: Int32, output: String) {
        try ChildProcess.run(["env", "HOME=\(home.path)", "LINKAGES_TODAY=\(Fixtures.today.iso)", "sh", "-c", "\"$0\" \"$@\" 2>&1",
                              TmuxSession.binaryPath] + arguments)
    }
}
