import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates the database folder and file readable by their owner only (0700 and 0600): the
/// data is about child abuse referrals, substance use and domestic violence.
enum OwnerOnlyFiles {
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
