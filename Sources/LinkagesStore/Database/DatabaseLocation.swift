import Foundation

/// Where the Linkages database lives.
///
/// Precedence: `--db PATH`, then the `LINKAGES_DB` variable, then
/// `$XDG_DATA_HOME/linkages/linkages.sqlite` (falling back to `~/.local/share/linkages/`).
public struct DatabaseLocation: Equatable, Sendable {
    public var path: String
    /// True when the path is the default location (created on first use), false when the user
    /// named it (a missing file is then an error, so that a typo never creates a stray database).
    public var isDefault: Bool

    public init(path: String, isDefault: Bool) {
        self.path = path
        self.isDefault = isDefault
    }

    public static let environmentVariable = "LINKAGES_DB"
    public static let defaultFileName = "linkages.sqlite"
    public static let demoFileName = "demo.sqlite"
    public static let trainingFileName = "training.sqlite"

    public static func resolve(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabaseLocation {
        try resolve(explicitPath: explicitPath, environment: environment, defaultName: defaultFileName)
    }

    /// The demo database: the named path, or `demo.sqlite` beside the default database.
    public static func demo(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabaseLocation {
        try resolve(explicitPath: explicitPath, environment: environment, defaultName: demoFileName)
    }

    /// The training database: the named path, or `training.sqlite` beside the default database.
    /// `LINKAGES_DB` names the worker's real database, so it is never the training one.
    public static func training(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabaseLocation {
        var environment = environment
        environment[environmentVariable] = nil
        return try resolve(explicitPath: explicitPath, environment: environment, defaultName: trainingFileName)
    }

    private static func resolve(
        explicitPath: String?, environment: [String: String], defaultName: String
    ) throws -> DatabaseLocation {
        for named in [explicitPath, environment[environmentVariable]] {
            if let named, !named.isEmpty {
                return DatabaseLocation(path: absolute(named), isDefault: false)
            }
        }
        return DatabaseLocation(path: try defaultFolder(environment: environment) + "/" + defaultName, isDefault: true)
    }

    /// `$XDG_DATA_HOME/linkages`, or `$HOME/.local/share/linkages`.
    public static func defaultFolder(environment: [String: String]) throws -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/linkages"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw StoreError.noHomeFolder
        }
        return home + "/.local/share/linkages"
    }

    /// The file name, shown on the title line.
    public var displayName: String {
        (path as NSString).lastPathComponent
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        let cwd = FileManager.default.currentDirectoryPath
        return ((cwd as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}
