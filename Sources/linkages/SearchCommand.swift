import ArgumentParser
import Foundation
import LinkagesDomain
import LinkagesStore

/// `linkages search QUERY`: the household lookup from the shell, answered as the screen answers it.
struct SearchCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find a family by name, birth date, CIN or case number, as the lookup screen does.",
        discussion: """
            Names match without accents, in any order, by nickname (Pepe for José), by sound \
            (Nunes for Núñez) and with a slip of the finger (Miler for Miller). Each person found \
            says why. Example: linkages search "pepe nunes 10/14/1988"
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Argument(help: "What to look for: name words, a date of birth (MM/DD/YYYY), a CIN or a case number.")
    var query: [String]

    @Flag(help: "Print the families found as JSON.")
    var json = false

    @Option(help: "The most families to list.")
    var limit = 20

    func validate() throws {
        guard query.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("say what to look for: a name, a date of birth (MM/DD/YYYY), a CIN or a case number")
        }
    }

    func run() throws {
        try Failure.reported {
            let database = try openDatabase()
            let policy = try Identity.caseWorker(in: database)
            let answer = try database.lookUp(query.joined(separator: " "), by: policy.viewer.account ?? Account.current, on: policy.today,
                                             at: Date(), limit: limit)
            print(json ? try Self.json(answer) : Self.text(answer, query: query.joined(separator: " ")))
        }
    }

    static func text(_ answer: LookupAnswer, query: String) -> String {
        guard !answer.hits.isEmpty else { return "No family matches “\(query)”." }
        var lines: [String] = []
        for hit in answer.hits {
            let records = hit.sources.map(\.displayName).joined(separator: " + ")
            lines.append("\(hit.displayName)  [\(records)]  \(hit.tier.label)  (family \(hit.familyId))")
            for person in hit.matchedPeople {
                let born = person.dateOfBirth.map { ", born \($0.usFormat)" } ?? ""
                lines.append("  \(person.name)\(born), \(person.source.displayName): " + person.reasons.joined(separator: "; "))
            }
        }
        if answer.truncated {
            lines.append("More people match than were weighed: add a surname or a date of birth.")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ answer: LookupAnswer) throws -> String {
        struct PersonOut: Encodable {
            var name: String, born: String?, program: String, reasons: [String], score: Double
        }
        struct FamilyOut: Encodable {
            var family_id: Int64, name: String, programs: [String], tier: String?, people: [PersonOut]
        }
        struct AnswerOut: Encodable {
            var families: [FamilyOut], truncated: Bool
        }
        let out = AnswerOut(families: answer.hits.map { hit in
            FamilyOut(family_id: hit.familyId, name: hit.displayName, programs: hit.sources.map(\.rawValue),
                      tier: hit.tier.tier?.rawValue, people: hit.matchedPeople.map { person in
                          PersonOut(name: person.name, born: person.dateOfBirth?.description, program: person.source.rawValue,
                                    reasons: person.reasons, score: (person.score * 100).rounded() / 100)
                      })
        }, truncated: answer.truncated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(out), as: UTF8.self)
    }
}
