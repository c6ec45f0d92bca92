import Foundation

/// Which pairs are worth comparing: those that share at least one blocking key. Cost grows with
/// the number of people, not with the number of possible pairs.
public struct BlockingRule: Sendable {
    /// Adds to `keys` the keys a record files under (none when it lacks the fields).
    public typealias Keys = @Sendable (_ record: MatchRecord, _ keys: inout [UInt64]) -> Void

    public var name: String
    /// The keys of the first list's records.
    public var keys: Keys
    /// The keys of the second list's records, when they differ from the first's (a swapped date).
    public var otherKeys: Keys?

    public init(name: String, keys: @escaping Keys, otherKeys: Keys? = nil) {
        self.name = name
        self.keys = keys
        self.otherKeys = otherKeys
    }

    /// A hash of the values, so that each rule's keys live apart.
    public static func mix(_ values: UInt64...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            hash = (hash ^ value) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        return hash
    }

    /// A stable hash of text (Swift's own hash changes from run to run).
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// The rules Linkages uses; together they catch typos, swapped dates, nicknames, moves and
    /// missing identifiers, each in some rule.
    public static let standard: [BlockingRule] = [
        BlockingRule(name: "same SSN") { record, keys in
            if record.ssn != 0 { keys.append(mix(1, UInt64(record.ssn))) }
        },
        BlockingRule(name: "same CIN") { record, keys in
            if !record.cin.isEmpty { keys.append(mix(2, hash(record.cin))) }
        },
        BlockingRule(name: "same birth date and first initial") { record, keys in
            guard record.dob != 0, let initial = record.name.first.first else { return }
            keys.append(mix(3, UInt64(record.dob), UInt64(initial)))
        },
        BlockingRule(name: "same birth date and a surname that sounds alike") { record, keys in
            guard record.dob != 0 else { return }
            for surname in record.surnameKeys { keys.append(mix(4, UInt64(record.dob), surname)) }
        },
        BlockingRule(
            name: "birth date with day and month swapped, a surname that sounds alike",
            keys: { record, keys in
                guard record.dob != 0 else { return }
                for surname in record.surnameKeys { keys.append(mix(4, UInt64(record.dob), surname)) }
            },
            otherKeys: { record, keys in
                guard record.dob != 0, record.day <= 12, record.day != record.month else { return }
                let swapped = record.year * 10_000 + record.day * 100 + record.month
                for surname in record.surnameKeys { keys.append(mix(4, UInt64(swapped), surname)) }
            }),
        BlockingRule(name: "birth year, first name and surname that sound alike") { record, keys in
            guard record.year != 0, record.firstKey != 0 else { return }
            for surname in record.surnameKeys { keys.append(mix(5, UInt64(record.year), record.firstKey, surname)) }
        },
        BlockingRule(name: "first name and surname that sound alike, same ZIP") { record, keys in
            guard record.zip != 0, record.firstKey != 0 else { return }
            for surname in record.surnameKeys { keys.append(mix(6, UInt64(record.zip), record.firstKey, surname)) }
        },
        BlockingRule(name: "same phone and first initial") { record, keys in
            guard record.phone != 0, let initial = record.name.first.first else { return }
            keys.append(mix(7, UInt64(record.phone), UInt64(initial)))
        },
    ]

    /// The candidate pairs of `a` × `b`, as `a index << 32 | b index`, sorted and without repeats.
    /// A key shared by more than `maximumBlock` records of `a` is skipped as too common.
    /// Rules run side by side, one per core.
    public static func candidates(a: [MatchRecord], b: [MatchRecord], rules: [BlockingRule], maximumBlock: Int = 400) -> [UInt64] {
        let found = Locked<[[UInt64]]>([])
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            let pairs = rules[index].pairs(a: a, b: b, maximumBlock: maximumBlock)
            found.mutate { $0.append(pairs) }
        }
        var pairs = found.value.flatMap { $0 }
        pairs.sort()
        var unique = 0
        for index in pairs.indices where unique == 0 || pairs[unique - 1] != pairs[index] {
            pairs[unique] = pairs[index]
            unique += 1
        }
        pairs.removeLast(pairs.count - unique)
        return pairs
    }

    /// This rule's pairs, unsorted.
    func pairs(a: [MatchRecord], b: [MatchRecord], maximumBlock: Int) -> [UInt64] {
        var index: [(key: UInt64, record: UInt32)] = []
        index.reserveCapacity(a.count)
        var keys: [UInt64] = []
        for (position, record) in a.enumerated() {
            keys.removeAll(keepingCapacity: true)
            self.keys(record, &keys)
            for key in keys { index.append((key, UInt32(position))) }
        }
        index.sort { $0.key < $1.key }
        let keysOfB = otherKeys ?? self.keys
        var pairs: [UInt64] = []
        for (position, record) in b.enumerated() {
            keys.removeAll(keepingCapacity: true)
            keysOfB(record, &keys)
            for key in keys {
                var low = 0, high = index.count
                while low < high {
                    let middle = (low + high) / 2
                    if index[middle].key < key { low = middle + 1 } else { high = middle }
                }
                var end = low
                while end < index.count && index[end].key == key && end - low <= maximumBlock { end += 1 }
                guard end - low <= maximumBlock else { continue }
                for entry in index[low..<end] {
                    pairs.append(UInt64(entry.record) << 32 | UInt64(position))
                }
            }
        }
        return pairs
    }
}
