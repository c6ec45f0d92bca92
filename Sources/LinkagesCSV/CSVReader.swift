import Foundation

/// A strict RFC 4180 reader for county extracts.
///
/// It reads bytes, keeps count of lines, and stops at the first malformed record with its line
/// and character position: an unclosed quote, a quote inside an unquoted field, text after a
/// closing quote, a NUL byte, bytes that are not UTF-8, or a field longer than the limit. A UTF-8
/// byte-order mark and CRLF line ends are accepted; blank lines are skipped. Fields are never
/// trimmed or otherwise changed.
///
/// Written for this project rather than taken from a package: the two Swift CSV packages
/// available reported no positions and parsed 26,000 and 51,000 rows a second on this machine,
/// against the 100,000 rows a second the import needs (docs/decisions.md).
public final class CSVReader {
    public let file: String
    public let maxFieldLength: Int
    private let bytes: [UInt8]
    private var position: Int
    /// How many fields the last record had, to size the next one's array once.
    private var lastFieldCount = 0
    /// The line the next record starts on (1-based).
    public private(set) var line = 1

    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - maxFieldLength: the longest field accepted, in bytes.
    public init(data: Data, file: String, maxFieldLength: Int = 1_000) {
        self.file = file
        self.maxFieldLength = maxFieldLength
        bytes = [UInt8](data)
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The share of the file read so far, for progress bars.
    public var fractionRead: Double {
        bytes.isEmpty ? 1 : Double(position) / Double(bytes.count)
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> CSVRecord? {
        if position == 0 && Self.isUTF16(bytes) { throw error(startLine: 1, column: 1, .utf16) }
        // Skip blank lines.
        while position < bytes.count, bytes[position] == CR || bytes[position] == LF {
            if bytes[position] == LF { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        var lineStart = lineStartOffset(before: position)
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        defer { lastFieldCount = fields.count }
        while true {
            let fieldStart = position
            let fieldLine = line
            let column = position - lineStart + 1
            var buffer: [UInt8] = []
            var unquoted: Range<Int>?
            // Every byte of the unquoted field OR-ed together: below 0x80, the field is ASCII.
            var bitsSeen: UInt8 = 0
            if bytes[position] == QUOTE {
                position += 1
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == QUOTE {
                        if position + 1 < bytes.count && bytes[position + 1] == QUOTE {
                            buffer.append(QUOTE)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == 0 { throw error(startLine: line, column: position - lineStart + 1, .nulByte) }
                    if byte == LF {
                        line += 1
                        lineStart = position + 1
                    }
                    buffer.append(byte)
                    position += 1
                    if buffer.count > maxFieldLength {
                        throw error(startLine: fieldLine, column: column, .fieldTooLong(fields.count + 1, maxFieldLength))
                    }
                }
                guard closed else { throw error(startLine: fieldLine, column: column, .unclosedQuote(fields.count + 1)) }
                if position < bytes.count, bytes[position] != COMMA, bytes[position] != CR, bytes[position] != LF {
                    throw error(startLine: line, column: position - lineStart + 1, .textAfterClosingQuote(fields.count + 1))
                }
            } else {
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == COMMA || byte == CR || byte == LF { break }
                    if byte == QUOTE {
                        throw error(startLine: line, column: position - lineStart + 1, .quoteInUnquotedField(fields.count + 1))
                    }
                    if byte == 0 { throw error(startLine: line, column: position - lineStart + 1, .nulByte) }
                    bitsSeen |= byte
                    position += 1
                }
                if position - fieldStart > maxFieldLength {
                    throw error(startLine: line, column: column, .fieldTooLong(fields.count + 1, maxFieldLength))
                }
                unquoted = fieldStart..<position
            }
            // Most fields are unquoted: their bytes are read in place, without a copy, and most
            // are ASCII, which is valid UTF-8 without checking it again.
            let decoded: String?
            if let unquoted {
                decoded = bitsSeen < 0x80 ? asciiString(unquoted) : String(validating: bytes[unquoted], as: UTF8.self)
            } else {
                decoded = String(validating: buffer, as: UTF8.self)
            }
            guard let text = decoded else {
                let raw = unquoted.map { Array(bytes[$0]) } ?? buffer
                let offset = Self.firstInvalidUTF8(in: raw)
                throw error(startLine: fieldLine, column: column + offset, .notUTF8(fields.count + 1, raw[offset]))
            }
            fields.append(text)
            if position >= bytes.count { break }
            let separator = bytes[position]
            position += 1
            if separator == COMMA {
                if position >= bytes.count { fields.append(""); break }
                continue
            }
            // CR, LF or CRLF ends the record.
            if separator == CR, position < bytes.count, bytes[position] == LF { position += 1 }
            line += 1
            break
        }
        return CSVRecord(line: startLine, fields: fields)
    }

    /// UTF-16, as Excel's "Unicode Text" saves: a byte-order mark, or ASCII with every other byte 0.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        if (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        return bytes.count >= 4 && ((bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0) || (bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0))
    }

    /// Reads every record.
    public func readAll() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    /// The bytes in `range`, known to be ASCII, as a string.
    private func asciiString(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { all in String(decoding: UnsafeBufferPointer(rebasing: all[range]), as: UTF8.self) }
    }

    private func lineStartOffset(before offset: Int) -> Int {
        var index = offset
        while index > 0 && bytes[index - 1] != LF { index -= 1 }
        return index
    }

    private func error(startLine: Int, column: Int, _ problem: CSVError.Problem) -> CSVError {
        CSVError(file: file, line: startLine, position: column, problem: problem)
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else { return index }
            index += length
        }
        return 0
    }
}

private let QUOTE: UInt8 = 0x22
private let COMMA: UInt8 = 0x2C
private let CR: UInt8 = 0x0D
private let LF: UInt8 = 0x0A

/// One record: its fields and the line it starts on.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A malformed record, with where it is and what is wrong, in words.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case unclosedQuote(Int)
        case quoteInUnquotedField(Int)
        case textAfterClosingQuote(Int)
        case nulByte
        case notUTF8(Int, UInt8)
        case fieldTooLong(Int, Int)
        case utf16
    }

    public var file: String
    public var line: Int
    /// The character position in the line where the problem is (1-based).
    public var position: Int
    public var problem: Problem

    public var description: String {
        "\(file), line \(line), position \(position): " + reason
    }

    public var reason: String {
        switch problem {
        case .unclosedQuote(let field):
            return "field \(field) opens a quote that is never closed"
        case .quoteInUnquotedField(let field):
            return "field \(field) has a quote inside it; a field with quotes must be in quotes, with each quote doubled"
        case .textAfterClosingQuote(let field):
            return "field \(field) has text after its closing quote"
        case .nulByte:
            return "the file has a NUL byte here; it is not a text file, or it is damaged"
        case .notUTF8(let field, let byte):
            return String(format: "field %d has the byte 0x%02X, which is not UTF-8 (the file is most likely saved as Windows-1252 "
                + "or Latin-1); save it again as “CSV UTF-8 (Comma delimited) (*.csv)”, or in LibreOffice as Text CSV with the "
                + "character set Unicode (UTF-8)", field, byte)
        case .fieldTooLong(let field, let limit):
            return "field \(field) is longer than \(limit) characters"
        case .utf16:
            return "the file is saved as UTF-16 (Excel's “Unicode Text”); save it again as “CSV UTF-8 (Comma delimited) (*.csv)”, "
                + "or in LibreOffice as Text CSV with the character set Unicode (UTF-8)"
        }
    }
}
