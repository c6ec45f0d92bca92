import Foundation

/// The real `linkages` binary running in a private tmux server, driven by keys and read with
/// `capture-pane`. Each session has its own socket, so tests never share a terminal.
public final class TmuxSession {
    public let socket: String
    public let folder: URL
    private let resultFile: URL
    private let sttyBefore: URL
    private let sttyAfter: URL
    /// The tmux server's process id, so that it can be stopped even if its socket is gone.
    private var serverPID: Int32?

    /// Starts `linkages <arguments>` in a new window of `width`×`height`.
    ///
    /// After the program exits, the pane records its exit status and the terminal's `stty`
    /// settings (compared with those from before it started), then waits to be read.
    public init(arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        folder = try Fixtures.temporaryFolder()
        socket = folder.appendingPathComponent("tmux.sock").path
        resultFile = folder.appendingPathComponent("exit-status")
        sttyBefore = folder.appendingPathComponent("stty-before")
        sttyAfter = folder.appendingPathComponent("stty-after")
        // An empty value unsets the variable: NO_COLOR from the test runner would change the screens.
        var env = ["LANG": "C.UTF-8", "LC_ALL": "", "SWIFT_BACKTRACE": "", "NO_COLOR": "", "LINKAGES_TODAY": Fixtures.today.iso, "TERM": "tmux-256color",
                   "HOME": folder.path, "XDG_DATA_HOME": folder.appendingPathComponent("data").path]
        env.merge(environment) { _, new in new }
        let exports = env.sorted { $0.key < $1.key }
            .map { key, value in value.isEmpty ? "unset \(key);" : "export \(key)=\(Self.quote(value));" }
            .joined(separator: " ")
        let command = "\(exports) stty -g > \(Self.quote(sttyBefore.path)); "
            + ([Self.binaryPath] + arguments).map(Self.quote).joined(separator: " ")
            + "; echo $? > \(Self.quote(resultFile.path)); stty -g > \(Self.quote(sttyAfter.path)); sleep 600"
        // The server this starts keeps running; it must not inherit a pipe we wait on.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), "sh", "-c", command],
                 readOutput: false)
        serverPID = Int32(paneValue("#{pid}"))
    }

    deinit {
        _ = try? tmux(["kill-server"])
        if let serverPID { kill(serverPID, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The built `linkages` executable beside the test bundle.
    public static var binaryPath: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("linkages").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.appendingPathComponent(".build/debug/linkages").path
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    public func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        try ChildProcess.run(["tmux", "-S", socket] + arguments, captureOutput: readOutput).output
    }

    /// The screen as text, one line per row.
    public func capture() -> String {
        (try? tmux(["capture-pane", "-p"])) ?? ""
    }

    /// Sends tmux key names ("Enter", "Escape", "Down", "C-c", "q").
    public func send(_ keys: String...) {
        _ = try? tmux(["send-keys"] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) {
        _ = try? tmux(["send-keys", "-l", text])
    }

    public func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format value for the pane, such as `#{alternate_on}`.
    public func paneValue(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains `text`; returns false (the test then prints the screen)
    /// after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    public func waitUntil(timeout: Double = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(capture()) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(capture())
    }

    /// The program's exit status once it has exited, waiting up to `timeout` seconds.
    public func exitStatus(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: resultFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                Thread.sleep(forTimeInterval: 0.1)
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// True when the terminal's settings after the program are what they were before it.
    public var terminalSettingsRestored: Bool {
        guard let before = try? String(contentsOf: sttyBefore, encoding: .utf8),
              let after = try? String(contentsOf: sttyAfter, encoding: .utf8) else { return false }
        return before == after
    }

    /// The process id of the running `linkages` (a child of the pane's shell).
    public var programPID: Int32? {
        guard let shell = Int32(paneValue("#{pane_pid}")),
              let found = try? ChildProcess.run(["pgrep", "-P", String(shell), "-x", "linkages"]) else { return nil }
        return found.output.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
