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

    /// Reads a map file, naming the file and line of any mistake. A file saved on Windows
    /// (CRLF), on an old Mac (CR), with a byte-order mark or with trailing spaces reads the same
    /// as a clean one. Two Linkages columns read from one county column are refused: the import
    /// would put one value in both ("Ana Ana").
    public static func parse(_ text: String, file: String) throws -> ColumnMap {
        var renames: [ExtractColumn: String] = [:]
        var mappedAt: [String: (column: ExtractColumn, line: Int)] = [:]
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in lines(of: body).enumerated() {
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
            let theirs = parts[1].lowercased()
            if let earlier = mappedAt[theirs] {
                throw ExtractError.mapFile("\(place): '\(parts[1])' is already mapped to \(earlier.column.rawValue) on line \(earlier.line); "
                    + "one county column can fill only one Linkages column")
            }
            mappedAt[theirs] = (column, index + 1)
            renames[column] = parts[1]
        }
        return ColumnMap(renames: renames)
    }

    /// The lines of a text, whether they end with LF, CRLF or CR. (Swift reads CRLF as one
    /// character, so splitting on "\n" alone would leave a Windows file one long line.)
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Finds each Linkages column in a header. Columns the header does not have are absent;
    /// columns Linkages does not use are listed in `ignored`.
    public func resolve(header: [String], program: Program, file: String) throws -> (columns: [ExtractColumn: Int], ignored: [String]) {
        if header.count == 1, let separator = [(";", "semicolons"), ("\t", "tabs")].first(where: { header[0].contains($0.0) }) {
            throw ExtractError.header("\(file): the header is one field with \(separator.1) in it, so the file is separated by "
                + "\(separator.1), not commas (as Excel saves “CSV” where the comma is the decimal mark); save it again as "
                + "“CSV UTF-8 (Comma delimited) (*.csv)”, or in LibreOffice as Text CSV with the comma as field delimiter")
        }
        let normalized = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var columns: [ExtractColumn: Int] = [:]
        var readBy: [Int: ExtractColumn] = [:]
        for column in ExtractColumn.columns(for: program) {
            let name = (renames[column] ?? column.rawValue).lowercased()
            let places = normalized.indices.filter { normalized[$0] == name }
            if places.count > 1 {
                let numbers = places.map { String($0 + 1) }.joined(separator: " and ")
                throw ExtractError.header("\(file): the header has '\(header[places[0]].trimmingCharacters(in: .whitespaces))' twice "
                    + "(columns \(numbers)); rename or remove one, so that \(column.rawValue) is read from one column")
            }
            if let index = places.first {
                if let other = readBy[index] {
                    throw ExtractError.header("\(file): column '\(header[index])' would be read as both \(other.rawValue) and "
                        + "\(column.rawValue); map one of them to another column")
                }
                columns[column] = index
                readBy[index] = column
            } else if let renamed = renames[column] {
                throw ExtractError.header("\(file): the map names '\(renamed)' for \(column.rawValue), but the header has no such column")
            }
        }
        let used = Set(readBy.keys)
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
