import Foundation
import LinkagesResources

/// Given names that are the same person's name: Pepe and José, Lupe and Guadalupe, Bob and
/// Robert. Read from Resources/matching/nicknames.csv.
public struct Nicknames: Sendable {
    /// Each folded name's groups: a name and all its nicknames share a group.
    private var groups: [[UInt8]: [Int32]] = [:]
    /// Each group's names.
    private var members: [Int32: [[UInt8]]] = [:]

    /// The table that comes with Linkages: Resources/matching/nicknames.csv.
    public static func bundled() throws -> Nicknames {
        Nicknames(csv: String(decoding: try LinkagesResources.data("nicknames.csv", in: "matching"), as: UTF8.self))
    }

    public init(csv: String) {
        var group: Int32 = 0
        for line in csv.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("name,") {
            let parts = line.split(separator: ",", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let names = [String(parts[0])] + parts[1].split(separator: ";").map(String.init)
            for name in names {
                guard let word = NameFolding.words(name).first else { continue }
                groups[word, default: []].append(group)
                members[group, default: []].append(word)
            }
            group += 1
        }
    }

    /// The groups a folded given name belongs to (none when it is in no group).
    public func groups(of name: [UInt8]) -> [Int32] {
        groups[name] ?? []
    }

    /// The other names a folded given name may be written as (Pepe for José, José for Pepe).
    public func variants(of name: [UInt8]) -> [[UInt8]] {
        var seen: Set<[UInt8]> = [name]
        return groups(of: name).flatMap { members[$0] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// True when two names' groups (from ``groups(of:)``) meet: one is the other's nickname
    /// or short form.
    public static func areSame(_ left: [Int32], _ right: [Int32]) -> Bool {
        !left.isEmpty && left.contains(where: right.contains)
    }
}
