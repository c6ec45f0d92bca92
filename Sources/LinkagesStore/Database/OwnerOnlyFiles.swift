import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates the database folder and file readable by their owner only (0700 and 0600): the
/// data is about child abuse referrals, substance use and domestic violence.
public enum OwnerOnlyFiles {
    /// Writes `data` to `path` as a new file readable by its owner alone from its first byte,
    /// whole or not at all: it is written beside the target under a temporary name, flushed to
    /// disk, then renamed over it. A file already at `path` is replaced, so its old permissions
    /// never carry over to the new content.
    /// A database, or a database's log, shared memory or journal, is never replaced: an export
    /// named after the database by mistake would destroy it.
    public static func write(_ data: Data, to path: String) throws {
        if let database = DatabaseFileCheck.databaseAt(path) {
            throw StoreError.cannotOpen(path: path, reason: database == path
                ? "it is a database, which an export never replaces; choose another file name"
                : "it belongs to the database \((database as NSString).lastPathComponent), which an export never touches; choose another file name")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.linkages-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw writeError(path) }
        let temporary = String(cString: template)
        var written = 0
        let complete = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return fsync(fd) == 0
        }
        let error = errno
        close(fd)
        guard complete, rename(temporary, path) == 0 else {
            let renameError = errno
            unlink(temporary)
            throw writeError(path, errno: complete ? renameError : error)
        }
    }

    private static func writeError(_ path: String, errno code: Int32 = errno) -> StoreError {
        switch code {
        case EACCES, EPERM, EROFS: return .notWritable(path: path)
        case ENOENT: return .folderMissing(path: path)
        case EISDIR: return .cannotOpen(path: path, reason: "it is a folder; name a file")
        default: return .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Creates `folder` and any missing parents with mode 0700. Existing folders are left as they are.
    static func createFolder(_ folder: String) throws {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw errno == EACCES ? StoreError.notWritable(path: path) : StoreError.folderMissing(path: path)
            }
        }
    }

    /// Creates an empty file with mode 0600 if none exists. SQLite gives its -wal and -shm files
    /// the same mode as the database file.
    static func createFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            if errno == ENOENT { throw StoreError.folderMissing(path: path) }
            throw StoreError.notWritable(path: path)
        }
        close(fd)
    }

    /// Takes every permission but the owner's reading and writing off an existing file.
    static func restrictToOwner(_ path: String) throws {
        guard chmod(path, 0o600) == 0 else { throw StoreError.notWritable(path: path) }
    }

    /// The file's size in bytes, or nil when there is no such file.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    static func owner(of path: String) -> uid_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_uid
    }

    /// A shared folder where only a file's owner may remove it (/tmp).
    static func isSticky(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_ISVTX != 0
    }

    static func permissions(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }
}
