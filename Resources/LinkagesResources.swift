import Foundation

/// The files under the top-level Resources/ folder, read through the package's resource bundle.
///
/// Kept as data so that a county can change wording, names or scripts without touching code.
public enum LinkagesResources {
    /// Reads `Resources/<folder>/<name>`.
    public static func data(_ name: String, in folder: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: folder) else {
            throw ResourceError.missing("\(folder)/\(name)")
        }
        return try Data(contentsOf: url)
    }

    /// Every file of `Resources/<folder>`, by name.
    public static func files(in folder: String) throws -> [String: Data] {
        guard let url = Bundle.module.url(forResource: folder, withExtension: nil) else {
            throw ResourceError.missing(folder)
        }
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            files[name] = try Data(contentsOf: url.appendingPathComponent(name))
        }
        return files
    }

    /// Decodes a JSON resource, naming the file in any error.
    public static func decode<T: Decodable>(_ type: T.Type, from name: String, in folder: String) throws -> T {
        let data = try data(name, in: folder)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ResourceError.unreadable("\(folder)/\(name)", String(describing: error))
        }
    }
}

/// A resource file that is missing or cannot be read.
public enum ResourceError: Error, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "the resource file \(path) is missing from this installation"
        case .unreadable(let path, let reason):
            return "the resource file \(path) cannot be read: \(reason)"
        }
    }
}
