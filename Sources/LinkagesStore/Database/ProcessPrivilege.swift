#if canImport(Glibc)
import Glibc
#endif

/// Whether Linkages runs as an installed county program: set-user-id to the account that owns
/// the county database, so that workers reach the data only through Linkages
/// (docs/deployment.md). Such a process distrusts its environment.
public enum ProcessPrivilege {
    /// The effective user or group differs from the real one.
    public static var isElevated: Bool {
        getuid() != geteuid() || getgid() != getegid()
    }

    /// Where an installed Linkages keeps the county database.
    public static let countyDatabasePath = "/var/lib/linkages/linkages.sqlite"

    /// Variables a worker could set to redirect an installed Linkages: the database path, the
    /// date the rules use, terminal descriptions and temporary folders. Removed at start.
    static let distrustedVariables = [
        "LINKAGES_DB", "LINKAGES_TODAY", "XDG_DATA_HOME", "TERMINFO", "TERMINFO_DIRS", "TMPDIR", "SQLITE_TMPDIR",
        "ICU_DATA", "SWIFT_BACKTRACE",
    ]

    /// Clears the distrusted variables when elevated; does nothing otherwise.
    public static func distrustEnvironment() {
        guard isElevated else { return }
        for name in distrustedVariables {
            unsetenv(name)
        }
    }
}

extension ProcessPrivilege {
    /// Runs `body` with the worker's own rights: an installed Linkages reads the files a worker
    /// names (extracts, column maps) and writes their exports as the worker, so that it can
    /// never be used to read or write a file the worker could not.
    public static func asWorker<T>(_ body: () throws -> T) throws -> T {
        guard isElevated else { return try body() }
        let serviceUser = geteuid(), serviceGroup = getegid()
        guard setegid(getgid()) == 0, seteuid(getuid()) == 0 else {
            throw StoreError.cannotOpen(path: "your files", reason: "could not take your own rights to read them")
        }
        defer {
            // Restoring the saved ids cannot fail for a set-id program; if it did, the next
            // database open would fail with "permission denied" rather than widen access.
            _ = seteuid(serviceUser)
            _ = setegid(serviceGroup)
        }
        return try body()
    }
}
