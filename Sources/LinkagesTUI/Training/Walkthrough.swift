import Foundation

/// A guided walkthrough over the real screens, read from a script in Resources/training/: the
/// steps a trainer takes a room through, each with what to say, what to press, and the
/// questions to discuss. The format is documented in docs/trainer-guide.md.
public struct Walkthrough: Equatable, Sendable, Decodable {
    /// The case study's name, shown when the walkthrough starts.
    public var title: String
    /// Where the case study comes from, for the trainer's reference.
    public var source: String?
    public var steps: [WalkthroughStep]

    /// Reads and checks a script; every error names the file, the step and the field.
    public static func load(_ data: Data, file: String) throws -> Walkthrough {
        let walkthrough: Walkthrough
        do {
            walkthrough = try JSONDecoder().decode(Walkthrough.self, from: data)
        } catch let error as DecodingError {
            throw WalkthroughError(file: file, problem: WalkthroughError.sentence(for: error))
        }
        guard !walkthrough.steps.isEmpty else { throw WalkthroughError(file: file, problem: "the script has no steps") }
        var seen = Set<String>()
        for (index, step) in walkthrough.steps.enumerated() {
            let place = "step \(index + 1) (\"\(step.id)\")"
            guard !step.id.isEmpty, seen.insert(step.id).inserted else {
                throw WalkthroughError(file: file, problem: "\(place), id: every step needs an id of its own")
            }
            guard !step.title.isEmpty else { throw WalkthroughError(file: file, problem: "\(place), title: the title is empty") }
            if step.play != nil && step.keys == nil {
                throw WalkthroughError(file: file, problem: "\(place), keys: a step that plays keys must say in words which keys they are")
            }
            if let question = step.questions.first(where: { $0.question.isEmpty }) {
                throw WalkthroughError(file: file, problem: "\(place), questions: a question is empty (its answers begin “\(question.answers.first ?? "")”)")
            }
        }
        return walkthrough
    }
}

/// One step of a walkthrough.
public struct WalkthroughStep: Equatable, Sendable, Decodable {
    /// A short name of its own, for the trainer's notes and the tests.
    public var id: String
    public var title: String
    /// What the trainer tells the room, one paragraph per entry.
    public var text: [String]
    /// The keys to press, in words for the room ("l, then type sarah mitchell").
    public var keys: String?
    /// Where the played keys start: the home screen, or (when nil) wherever the last step left.
    public var from: StartingScreen?
    /// Words the title of the screen the keys start on must hold (“Intake”): "show me" refuses
    /// to press keys into another screen.
    public var on: String?
    /// The keys the presenter's "show me" key presses for the room.
    public var play: KeyScript?
    /// Words the screen shows once the step is done: the tests wait for them.
    public var expect: String?
    /// Discussion questions, each with answers the trainer reveals one at a time.
    public var questions: [DiscussionQuestion]

    /// Where a step's played keys start.
    public enum StartingScreen: String, Equatable, Sendable, Decodable {
        case home
    }

    enum CodingKeys: String, CodingKey {
        case id, title, text, keys, from, on, play, expect, questions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        text = try container.decodeIfPresent([String].self, forKey: .text) ?? []
        keys = try container.decodeIfPresent(String.self, forKey: .keys)
        from = try container.decodeIfPresent(StartingScreen.self, forKey: .from)
        on = try container.decodeIfPresent(String.self, forKey: .on)
        expect = try container.decodeIfPresent(String.self, forKey: .expect)
        questions = try container.decodeIfPresent([DiscussionQuestion].self, forKey: .questions) ?? []
        if let notation = try container.decodeIfPresent(String.self, forKey: .play) {
            do {
                play = try KeyScript(parsing: notation)
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .play, in: container, debugDescription: error.description)
            }
        }
    }

    /// Every answer of the step's questions, in order: the presenter reveals them one by one.
    public var answers: [String] { questions.flatMap(\.answers) }
}

/// A workbook discussion question and the answers a trainer can reveal.
public struct DiscussionQuestion: Equatable, Sendable, Decodable {
    public var question: String
    public var answers: [String]

    enum CodingKeys: String, CodingKey { case question, answers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(String.self, forKey: .question)
        answers = try container.decodeIfPresent([String].self, forKey: .answers) ?? []
    }
}

/// A walkthrough script that cannot be used, in words a trainer can act on.
public struct WalkthroughError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public var description: String { "\(file): \(problem)" }

    /// Where in the script a decoding error happened ("step 4, play") and why.
    static func sentence(for error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            let nouns = ["steps": "step", "questions": "question", "answers": "answer", "text": "paragraph"]
            var parts: [String] = []
            for (offset, key) in path.enumerated() {
                if let index = key.intValue {
                    let container = offset > 0 ? path[offset - 1].stringValue : ""
                    parts.append("\(nouns[container] ?? "entry") \(index + 1)")
                } else if offset + 1 >= path.count || path[offset + 1].intValue == nil {
                    parts.append(key.stringValue)
                }
            }
            return parts.isEmpty ? "the script" : parts.joined(separator: ", ")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath + [key])): this field is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(place(context.codingPath)): \(context.debugDescription.lowercased().trimmingCharacters(in: .punctuationCharacters))"
        case .dataCorrupted(let context):
            // For JSON that does not parse, the underlying error says where.
            let detail = context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            return "\(place(context.codingPath)): \(detail)"
        @unknown default:
            return "the script cannot be read"
        }
    }
}
