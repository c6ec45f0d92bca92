import Foundation
import LinkagesCSV
import LinkagesDomain
import LinkagesMatching

/// The generator's extracts read back as match records, with the truth of which rows are the
/// same person: what the matching benchmark and tests score against.
public struct SyntheticMatchData: Sendable {
    public var calworks: [MatchRecord]
    public var childWelfare: [MatchRecord]
    /// Every true pair as `calworksId|cwsId`.
    public var truth: Set<String>

    /// Generates the extracts in memory.
    public static func generate(_ options: SyntheticOptions) throws -> SyntheticMatchData {
        let files = try SyntheticExtractFiles.generate(options)
        return try SyntheticMatchData(calworks: files.calworks, childWelfare: files.childWelfare, truth: files.truth)
    }

    /// Reads calworks.csv, cws.csv and truth.csv from a folder written by `linkages bench generate`.
    public static func read(folder: URL) throws -> SyntheticMatchData {
        func contents(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
        return try SyntheticMatchData(calworks: contents("calworks.csv"), childWelfare: contents("cws.csv"), truth: contents("truth.csv"))
    }

    init(calworks: Data, childWelfare: Data, truth: Data) throws {
        let nicknames = try Nicknames.bundled()
        self.calworks = try Self.records(calworks, file: "calworks.csv", household: "case_number", nicknames: nicknames)
        self.childWelfare = try Self.records(childWelfare, file: "cws.csv", household: "referral_id", nicknames: nicknames)
        let reader = CSVReader(data: truth, file: "truth.csv")
        _ = try reader.next()
        var pairs = Set<String>()
        while let record = try reader.next() { pairs.insert(record.fields.joined(separator: "|")) }
        self.truth = pairs
    }

    /// Precision, recall and F1 of found pairs (`calworksId|cwsId`) against the truth.
    public func score(_ found: Set<String>) -> (precision: Double, recall: Double, f1: Double) {
        let right = Double(found.intersection(truth).count)
        let precision = found.isEmpty ? 0 : right / Double(found.count)
        let recall = truth.isEmpty ? 0 : right / Double(truth.count)
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    /// The links of a match run as `calworksId|cwsId`.
    public func pairs(of links: [MatchLink]) -> Set<String> {
        Set(links.map { "\(calworks[$0.a].id)|\(childWelfare[$0.b].id)" })
    }

    static func records(_ data: Data, file: String, household: String, nicknames: Nicknames) throws -> [MatchRecord] {
        let reader = CSVReader(data: data, file: file)
        guard let header = try reader.next()?.fields else { return [] }
        let names = ["person_id", household, "first_name", "middle_name", "last_name", "dob", "sex", "ssn", "cin", "zip", "phone", "street"]
        let columns = names.map { header.firstIndex(of: $0) ?? -1 }
        var records: [MatchRecord] = []
        while let record = try reader.next() {
            let field = { (index: Int) -> String in columns[index] >= 0 ? record.fields[columns[index]] : "" }
            records.append(MatchRecord(
                id: field(0), household: field(1), first: field(2), middle: field(3), last: field(4), dob: field(5), sex: field(6),
                ssn: field(7), cin: field(8), zip: field(9), phone: field(10), street: field(11), nicknames: nicknames))
        }
        return records
    }
}
