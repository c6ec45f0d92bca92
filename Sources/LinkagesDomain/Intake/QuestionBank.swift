import Foundation

/// The ER intake questions as data (Resources/intake/questions.json), so that a county can change
/// wording or add a question without touching code. The rules look answers up by question `id`;
/// the ids listed in ``IntakeQuestion`` must stay, everything else may change.
public struct QuestionBank: Codable, Equatable, Sendable {
    public var version: Int
    public var title: String
    public var sections: [QuestionSection]
    /// The scale used for the protective factors.
    public var ratings: [Choice]
    /// Relationship to the head of household, in the order the form offers them.
    public var relationships: [Relationship]
    public var sexes: [Sex]

    public func question(_ id: String) -> Question? {
        for section in sections {
            if let question = section.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// The choices a question offers: its own, the rating scale, or yes/no/unknown.
    public func choices(for question: Question) -> [Choice] {
        switch question.kind {
        case .yesNoUnknown: return Choice.yesNoUnknown
        case .rating: return ratings
        case .choice: return question.choices ?? []
        default: return []
        }
    }

    /// Reads a bank, or says which file, section and question is wrong.
    public static func load(_ data: Data, file: String) throws -> QuestionBank {
        let bank: QuestionBank
        do {
            bank = try JSONDecoder().decode(QuestionBank.self, from: data)
        } catch let error as DecodingError {
            throw QuestionBankError(file: file, problem: Self.describe(error))
        }
        try bank.validate(file: file)
        return bank
    }

    func validate(file: String) throws {
        var seen = Set<String>()
        for section in sections {
            for question in section.questions {
                let place = "question \(question.id) in section \(section.id)"
                guard seen.insert(question.id).inserted else {
                    throw QuestionBankError(file: file, problem: "\(place) is listed twice")
                }
                if question.kind == .choice && (question.choices ?? []).count < 2 {
                    throw QuestionBankError(file: file, problem: "\(place) is a choice with fewer than two choices")
                }
                let answers = Set(choices(for: question).map(\.id))
                for trigger in question.raises ?? [] where !answers.contains(trigger.when) {
                    throw QuestionBankError(file: file, problem: "\(place) raises a concern when '\(trigger.when)', which is not one of its answers")
                }
            }
        }
        for required in IntakeQuestion.allCases where !seen.contains(required.rawValue) {
            throw QuestionBankError(file: file, problem: "the question \(required.rawValue) is missing; the intake rules need it")
        }
        if ratings.count < 2 {
            throw QuestionBankError(file: file, problem: "the rating scale needs at least two ratings")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context)) has no '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let place = path(context)
            return place.isEmpty ? "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))" : "\(place): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A problem in a question bank file.
public struct QuestionBankError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public var description: String { "\(file): \(problem)" }
}

public struct QuestionSection: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// The name in the section list (a dozen characters).
    public var shortTitle: String
    public var intro: String?
    /// True for the section that lists the household's members.
    public var includesMembers: Bool?
    public var questions: [Question]
}

public struct Question: Codable, Equatable, Sendable {
    public var id: String
    public var prompt: String
    public var kind: QuestionKind
    public var choices: [Choice]?
    /// One line of help shown when the question has the focus.
    public var help: String?
    /// Shown only to those allowed to see it (substance use: 42 CFR Part 2).
    public var sensitive: Bool?
    /// An answer the section can be complete without.
    public var optional: Bool?
    /// Concerns an answer raises.
    public var raises: [ConcernTrigger]?

    public var isSensitive: Bool { sensitive ?? false }
    public var isOptional: Bool { optional ?? false }
}

public enum QuestionKind: String, Codable, Sendable {
    case text, date, time, yesNoUnknown, choice, rating, note
}

public struct Choice: Codable, Equatable, Sendable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }

    public static let yesNoUnknown = [
        Choice(id: "yes", label: "Yes"), Choice(id: "no", label: "No"), Choice(id: "unknown", label: "Unknown"),
    ]
}

/// "Answering `when` raises `concern`."
public struct ConcernTrigger: Codable, Equatable, Sendable {
    public var when: String
    public var concern: ConcernKind
}

/// The questions the intake rules read. Their ids must stay in every question bank.
public enum IntakeQuestion: String, CaseIterable, Sendable {
    case referralReceivedDate = "referral.receivedDate"
    case referralReceivedTime = "referral.receivedTime"
    case responseType = "referral.responseType"
    case firstContactDate = "referral.firstContactDate"
    case firstContactTime = "referral.firstContactTime"
    case referralNumber = "referral.number"
    case street = "household.street"
    case city = "household.city"
    case zip = "household.zip"
    case phone = "household.phone"
    case receivingCalWORKs = "household.receivingCalWORKs"
    case pregnant = "household.pregnant"
    case caretakerRelative = "household.caretakerRelative"
    case childWelfareInvolvement = "household.cwsInvolvement"
    case welfareToWork = "financial.welfareToWork"
    case welfareToWorkStatus = "financial.wtwStatus"
    case employment = "financial.employment"
    case seriousHarm = "safety.seriousHarm"
    case removalConsidered = "safety.removalConsidered"
    case whatWasSeen = "safety.note"
    case protectiveCustody = "safety.protectiveCustody"
    case icwaAncestry = "icwa.ancestry"
    case icwaReasonToKnow = "icwa.reasonToKnow"
    case familyVoice = "voice.wants"
}
