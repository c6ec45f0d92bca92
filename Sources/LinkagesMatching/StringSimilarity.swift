/// String comparators on folded names.
public enum StringSimilarity {
    /// Jaro-Winkler similarity, 0 (nothing alike) to 1 (the same).
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return a.isEmpty ? 0 : 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        guard a.count <= 64, b.count <= 64 else { return jaroWinkler(Array(a.prefix(64)), Array(b.prefix(64))) }
        // Names are short: which letters matched is kept in two 64-bit masks, not arrays.
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched: UInt64 = 0, bMatched: UInt64 = 0
        var matches = 0
        for i in 0..<a.count {
            let start = max(0, i - window)
            let end = min(b.count - 1, i + window)
            if start > end { continue }
            for j in start...end where bMatched & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                aMatched |= 1 << UInt64(i)
                bMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<a.count where aMatched & (1 << UInt64(i)) != 0 {
            while bMatched & (1 << UInt64(k)) == 0 { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// The number of single-letter edits (insert, delete, substitute, swap two neighbours) from
    /// one string to the other, or `limit + 1` when it is more than `limit`.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int = 3) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return min(previous[b.count], limit + 1)
    }
}
