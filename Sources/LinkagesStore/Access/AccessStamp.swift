import Foundation
import GRDB
import LinkagesDomain

/// What a worker's access rests on, read in one small query: their worker record as stored, and
/// a summary of the sharing bases that changes whenever one is recorded, approved, refused or
/// revoked. An open session compares it between keys.
public struct AccessStamp: Equatable, Sendable {
    /// The worker as stored now (nil when the record is gone).
    public var worker: Worker?
    public var bases: String

    /// The sentence that ends a session opened as `opened`, when the stored worker no longer
    /// matches it; nil while it does.
    public func ending(for opened: Worker) -> String? {
        guard let worker else { return "your Linkages account was removed; ask your administrator" }
        if !worker.active { return "your Linkages account was disabled; ask your administrator" }
        if worker.role != opened.role || worker.program != opened.program || worker.office != opened.office
            || worker.account != opened.account {
            return "your Linkages role, program or office changed; open Linkages again to work under the new one"
        }
        return nil
    }
}

extension AppDatabase {
    public func accessStamp(workerId: Int64) throws -> AccessStamp {
        try writer.read { db in
            let worker = try Worker.fetchOne(db, key: workerId)
            let bases = try String.fetchOne(db, sql: """
                SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(revokedAt), '') || ':'
                       || coalesce(sum(length(calworksDecision)), 0) || ':' || coalesce(sum(length(childWelfareDecision)), 0)
                FROM sharingBasis
                """) ?? ""
            return AccessStamp(worker: worker, bases: bases)
        }
    }
}
