import Foundation

/// What can go wrong opening or using the database, each with one clear line for the worker.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noHomeFolder
    case missing(path: String)
    case folderMissing(path: String)
    case notWritable(path: String)
    case notADatabase(path: String)
    /// A file of 0 bytes: only `linkages init` makes it a database.
    case emptyFile(path: String)
    /// An empty file with another database's leftover log beside it.
    case staleLog(path: String)
    case otherApplication(path: String)
    case newerVersion(path: String)
    case settingNotApplied(name: String, expected: String, actual: String)
    case cannotOpen(path: String, reason: String)
    case refusingToReplace(path: String)
    case networkFilesystem(path: String, kind: String)
    /// The database was restored from a backup after this process opened it.
    case replaced(path: String)
    /// Only a training database is snapshotted and reset.
    case notTraining

    public var description: String {
        switch self {
        case .noHomeFolder:
            return "cannot find a place for the database: HOME is not set; use --db PATH"
        case .missing(let path):
            return "no database at \(path); run 'linkages init --db \(path)' to create an empty one, or 'linkages demo --db \(path)' for a demo"
        case .folderMissing(let path):
            return "the folder for \(path) does not exist; create it first or choose another --db path"
        case .notWritable(let path):
            return "cannot write to \(path): permission denied"
        case .notADatabase(let path):
            return "\(path) is not a Linkages database, or it is damaged; restore it from a backup or choose another --db path"
        case .emptyFile(let path):
            return "\(path) is empty, not a Linkages database; run 'linkages init --db \(path)' to make it one, or choose another --db path"
        case .staleLog(let path):
            return "\(path) is empty, and the \((path as NSString).lastPathComponent)-wal beside it is left over from another database; "
                + "move that -wal file away, then run 'linkages init --db \(path)'"
        case .otherApplication(let path):
            return "\(path) belongs to another program, not Linkages; choose another --db path"
        case .newerVersion(let path):
            return "\(path) was written by a newer version of Linkages; update Linkages to open it"
        case .settingNotApplied(let name, let expected, let actual):
            return "the database refused the safety setting \(name) (wanted \(expected), got \(actual)); it may be on a network drive, which Linkages cannot use"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path): \(reason)"
        case .networkFilesystem(let path, let kind):
            return "\(path) is on a network drive (\(kind)); SQLite's write-ahead log needs a local disk, so Linkages will not open it there"
        case .refusingToReplace(let path):
            return "\(path) holds real data, not a demo or training database; it will not be overwritten; choose another --db path"
        case .replaced(let path):
            return "\((path as NSString).lastPathComponent) was restored from a backup while you were working, so this was not saved; "
                + "note what you typed, then leave Linkages and open it again"
        case .notTraining:
            return "only a training database can be put back to its start; this one is not for training"
        }
    }
}
