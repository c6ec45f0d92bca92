import Foundation
import GRDB

/// A whole training database held in memory as it was at the start of a session, so that a
/// trainer can put the live database back to exactly that state between runs of a walkthrough.
public struct TrainingSnapshot: Sendable {
    let copy: DatabaseQueue
}

extension AppDatabase {
    /// Copies this training database into memory through SQLite's online backup.
    public func trainingSnapshot() throws -> TrainingSnapshot {
        guard try kind() == .training else { throw StoreError.notTraining }
        let copy = try DatabaseQueue(configuration: Self.configuration())
        try writer.backup(to: copy)
        return TrainingSnapshot(copy: copy)
    }

    /// Puts the snapshot back over this database: every table, the audit included, is exactly
    /// as it was when the snapshot was taken. Only ever a training database, both ways.
    public func restore(_ snapshot: TrainingSnapshot) throws {
        guard try kind() == .training else { throw StoreError.notTraining }
        try snapshot.copy.backup(to: writer)
    }
}
