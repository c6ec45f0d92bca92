import Foundation
import LinkagesDomain

/// What a soak worker writes down after each write returns: one line per acknowledged write, or
/// per error, so that the check afterwards knows exactly what must be in the database.
enum SoakLog {
    /// The intake answer a soak draft save writes, to be read back.
    static let answerKey = "soak"

    static func answer(worker: Int, save: Int) -> String { "\(worker)-\(save)" }

    /// A write the store acknowledged.
    enum Write: Equatable {
        case draftStarted(Int64)
        case draftSaved(Int64, save: Int)
        case referralCreated(Int64)
        case referralStep(Int64, ReferralStatus)
        case viewed(Int64)

        var kind: String {
            switch self {
            case .draftStarted: return "draft-start"
            case .draftSaved: return "draft-save"
            case .referralCreated: return "referral-new"
            case .referralStep: return "referral-step"
            case .viewed: return "view"
            }
        }

        var fields: [String] {
            switch self {
            case .draftStarted(let id), .referralCreated(let id), .viewed(let id): return [String(id)]
            case .draftSaved(let id, let save): return [String(id), String(save)]
            case .referralStep(let id, let status): return [String(id), status.rawValue]
            }
        }

        init?(kind: String, fields: [Substring]) {
            let id = fields.first.flatMap { Int64($0) }
            switch (kind, id, fields.count) {
            case ("draft-start", let id?, 1): self = .draftStarted(id)
            case ("draft-save", let id?, 2): guard let save = Int(fields[1]) else { return nil }; self = .draftSaved(id, save: save)
            case ("referral-new", let id?, 1): self = .referralCreated(id)
            case ("referral-step", let id?, 2):
                guard let status = ReferralStatus(rawValue: String(fields[1])) else { return nil }
                self = .referralStep(id, status)
            case ("view", let id?, 1): self = .viewed(id)
            default: return nil
            }
        }
    }

    /// One line of a worker's log.
    enum Line: Equatable {
        case write(Write, milliseconds: Double)
        /// A write that failed; `locked` when SQLite said the database was locked or busy.
        case failure(locked: Bool, message: String)

        init(milliseconds: Double, write: Write) {
            self = .write(write, milliseconds: milliseconds)
        }

        var text: String {
            switch self {
            case .write(let write, let milliseconds):
                return ([String(format: "%.3f", milliseconds), write.kind] + write.fields).joined(separator: " ")
            case .failure(let locked, let message):
                return "error \(locked ? "locked" : "other") " + message.replacingOccurrences(of: "\n", with: " ")
            }
        }

        init?(text: Substring) {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return nil }
            if parts[0] == "error" {
                self = .failure(locked: parts[1] == "locked", message: parts.dropFirst(2).joined(separator: " "))
                return
            }
            guard let milliseconds = Double(parts[0]), let write = Write(kind: String(parts[1]), fields: Array(parts.dropFirst(2))) else {
                return nil
            }
            self = .write(write, milliseconds: milliseconds)
        }
    }

    /// Appends lines to a worker's log, each written through before the next write starts.
    struct Writer {
        let handle: FileHandle

        init(path: String) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw InputError("cannot write the soak log \(path)")
            }
            self.handle = handle
        }

        mutating func append(_ line: Line) throws {
            try append(line: line.text)
        }

        mutating func append(line: String) throws {
            try handle.write(contentsOf: Data((line + "\n").utf8))
        }

        mutating func append(error: Error) throws {
            let message = String(describing: error)
            let locked = message.localizedCaseInsensitiveContains("database is locked") || message.contains("SQLITE_BUSY")
            try append(.failure(locked: locked, message: message))
        }
    }

    static func read(_ path: String) throws -> [Line] {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError("the soak log \(path) is missing") }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { number, text in
            guard let line = Line(text: text) else { throw InputError("\(path) line \(number + 1): not a soak log line") }
            return line
        }
    }
}
