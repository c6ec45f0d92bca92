import Foundation
import GRDB

/// One thing `linkages doctor` checked, and what to do when it is not right.
public struct CheckupFinding: Equatable, Sendable {
    public enum Level: String, Sendable { case ok, warning, problem }

    public var level: Level
    public var check: String
    /// What was found, and for a warning or a problem, what to do about it.
    public var detail: String
}

/// The file systems SQLite's write-ahead log cannot work on: its shared memory needs one machine.
enum NetworkFilesystem {
    static let types: Set<String> = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "ceph", "glusterfs", "9p"]

    /// The network file system `path` is on, if any, read from the kernel's mount table.
    static func kind(of path: String, mounts: String? = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) -> String? {
        guard let mounts else { return nil }
        let resolved = (path as NSString).resolvingSymlinksInPath
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            // Spaces and tabs in mount points are written as octal escapes.
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\011", with: "\t")
            let inside = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
            if inside && point.count >= (best?.point.count ?? -1) {
                best = (point, String(fields[2]))
            }
        }
        guard let best, types.contains(best.type) else { return nil }
        return best.type
    }
}

extension AppDatabase {
    /// Checks the database: integrity, foreign keys, the safety settings, file permissions,
    /// the audit chain and unfinished intake drafts. Read-only.
    public func checkup(path: String) throws -> [CheckupFinding] {
        var findings: [CheckupFinding] = []
        let integrity = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        findings.append(integrity == ["ok"]
            ? CheckupFinding(level: .ok, check: "integrity", detail: "SQLite finds no damage")
            : CheckupFinding(level: .problem, check: "integrity",
                             detail: "SQLite reports damage (\(integrity.prefix(3).joined(separator: "; "))). Stop using this file; restore the latest backup."))
        let orphans = try writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        findings.append(orphans == 0
            ? CheckupFinding(level: .ok, check: "references", detail: "every record points to records that exist")
            : CheckupFinding(level: .problem, check: "references",
                             detail: "\(orphans) records point to records that no longer exist. Restore the latest backup, or ask for help before editing."))
        do {
            try Self.verifySettings(of: writer)
            findings.append(CheckupFinding(level: .ok, check: "settings",
                                           detail: "write-ahead log, synchronous=FULL, foreign keys, secure delete, busy timeout"))
        } catch {
            findings.append(CheckupFinding(level: .problem, check: "settings", detail: "\(error)"))
        }
        findings.append(permissions(of: path))
        switch try verifyAuditTrail() {
        case .intact(let rows, let lastHash):
            findings.append(CheckupFinding(level: .ok, check: "audit trail", detail: "\(rows) rows chain correctly; last hash \(lastHash.prefix(16))…"))
        case .broken(let row, let problem):
            findings.append(CheckupFinding(level: .problem, check: "audit trail",
                                           detail: "broken at row \(row): \(problem). Keep this file as evidence and tell your security officer."))
        }
        let stale = try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM intake WHERE status = 'draft' AND updatedAt < ?",
                             arguments: [Date().addingTimeInterval(-86_400)]) ?? 0
        }
        findings.append(stale == 0
            ? CheckupFinding(level: .ok, check: "intake drafts", detail: "no draft left unfinished for more than a day")
            : CheckupFinding(level: .warning, check: "intake drafts",
                             detail: "\(stale) intake draft\(stale == 1 ? "" : "s") unfinished for more than a day: their workers see them under d on the home screen; finish or discard them."))
        return findings
    }

    private func permissions(of path: String) -> CheckupFinding {
        let folder = (path as NSString).deletingLastPathComponent
        var checked = [(path, OwnerOnlyFiles.permissions(of: path), 0o600)]
        // The folder is the owner's own (not a shared, sticky one such as /tmp): it must be closed too.
        if OwnerOnlyFiles.owner(of: folder) == OwnerOnlyFiles.owner(of: path) && !OwnerOnlyFiles.isSticky(folder) {
            checked.append((folder, OwnerOnlyFiles.permissions(of: folder), 0o700))
        }
        let open = checked.filter { _, mode, wanted in (mode ?? 0) & ~wanted & 0o077 != 0 }
        guard open.isEmpty else {
            let list = open.map { "\($0.0) is \(String($0.1 ?? 0, radix: 8))" }.joined(separator: ", ")
            let remedy = open.map { "chmod \(String($0.2, radix: 8)) '\($0.0)'" }.joined(separator: "; ")
            return CheckupFinding(level: .problem, check: "permissions", detail: "others can reach the data (\(list)). Run: \(remedy)")
        }
        let what = checked.count == 2 ? "the file and its folder are" : "the file is"
        return CheckupFinding(level: .ok, check: "permissions", detail: "\(what) readable by the owner only")
    }
}
