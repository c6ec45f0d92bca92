/// How a county's extract names its columns: `person_id = CLIENT_NUMBER` per line.
///
/// Columns named as Linkages names them need no line. Names match without regard to case or
/// surrounding spaces. `#` starts a comment.
public struct ColumnMap: Equatable, Sendable {
    /// The county's header for each Linkages column it names differently.
    public var renames: [ExtractColumn: String]

    public init(renames: [ExtractColumn: String] = [:]) {
        self.renames = renames
    }

    /// Reads a map file, naming the file and line of any mistake.
    public static func parse(_ text: String, file: String) throws -> ColumnMap {
        var renames: [ExtractColumn: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let place = "\(file), line \(index + 1)"
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ExtractError.mapFile("\(place): write one mapping per line, as 'person_id = YOUR COLUMN'")
            }
            guard let column = ExtractColumn(rawValue: parts[0].lowercased()) else {
                let known = ExtractColumn.allCases.map(\.rawValue).joined(separator: ", ")
                throw ExtractError.mapFile("\(place): '\(parts[0])' is not a Linkages column (\(known))")
            }
            if renames[column] != nil {
                throw ExtractError.mapFile("\(place): \(column.rawValue) is mapped twice")
            }
            renames[column] = parts[1]
        }
        return ColumnMap(renames: renames)
    }

    /// Finds each Linkages column in a header. Columns the header does not have are absent;
    /// columns Linkages does not use are listed in `ignored`.
    public func resolve(header: [String], program: Program, file: String) throws -> (columns: [ExtractColumn: Int], ignored: [String]) {
        let normalized = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [ExtractColumn: Int] = [:]
        var used = Set<Int>()
        for column in ExtractColumn.columns(for: program) {
            let name = (renames[column] ?? column.rawValue).lowercased()
            if let index = normalized.firstIndex(of: name) {
                columns[column] = index
                used.insert(index)
            } else if let renamed = renames[column] {
                throw ExtractError.header("\(file): the map names '\(renamed)' for \(column.rawValue), but the header has no such column")
            }
        }
        if columns[.personId] == nil {
            throw ExtractError.header("\(file): the header has no person_id column; name it in a map file (person_id = YOUR COLUMN)")
        }
        if columns[.firstName] == nil && columns[.lastName] == nil {
            throw ExtractError.header("\(file): the header has no first_name or last_name column; name them in a map file")
        }
        let householdColumns: [ExtractColumn] = program == .calworks ? [.caseNumber] : [.caseNumber, .referralId]
        if householdColumns.allSatisfy({ columns[$0] == nil }) {
            let names = householdColumns.map(\.rawValue).joined(separator: " or ")
            throw ExtractError.header("\(file): the header has no \(names) column, so households cannot be told apart")
        }
        let ignored = header.indices.filter { !used.contains($0) }.map { header[$0] }
        return (columns, ignored)
    }
}

/// A problem with an extract as a whole (rather than one row).
public enum ExtractError: Error, Equatable, CustomStringConvertible {
    case mapFile(String)
    case header(String)

    public var description: String {
        switch self {
        case .mapFile(let message), .header(let message): return message
        }
    }
}
