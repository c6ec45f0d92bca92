import Foundation
import LinkagesDomain

/// The demo's releases were approved by each program's supervisor, as every release must be
/// before it opens anything.
enum DemoApprovals {
    static func calworks(at time: Date) -> BasisDecision {
        BasisDecision(approved: true, account: "demo", name: "Patricia Owens", at: time)
    }

    static func childWelfare(at time: Date) -> BasisDecision {
        BasisDecision(approved: true, account: "demo", name: "Robert Chen", at: time)
    }
}
