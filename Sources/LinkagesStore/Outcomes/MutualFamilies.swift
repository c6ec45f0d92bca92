import Foundation
import GRDB
import LinkagesDomain

/// Records when and how a family was first found to be known to both programs: a CalWORKs
/// record and a Child Welfare one (an extract's or an ER intake's) in the same family.
enum MutualFamilies {
    /// Notes `method` for the family when it is now mutual and was not noted before.
    static func noteIdentified(familyId: Int64, by method: IdentificationMethod, account: String?, at time: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO mutualIdentification (familyId, identifiedAt, method, account)
            SELECT :family, :at, :method, :account
            WHERE EXISTS (SELECT 1 FROM household WHERE familyId = :family AND source = 'calworks')
              AND EXISTS (SELECT 1 FROM household WHERE familyId = :family AND source IN ('childWelfare', 'intake'))
            """, arguments: ["family": familyId, "at": time, "method": method.rawValue, "account": account])
    }

    /// After records part: a family no longer known to both programs was not a mutual family.
    static func forgetIfNoLongerMutual(familyId: Int64, _ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM mutualIdentification WHERE familyId = :family
              AND NOT (EXISTS (SELECT 1 FROM household WHERE familyId = :family AND source = 'calworks')
                       AND EXISTS (SELECT 1 FROM household WHERE familyId = :family AND source IN ('childWelfare', 'intake')))
            """, arguments: ["family": familyId])
    }
}
