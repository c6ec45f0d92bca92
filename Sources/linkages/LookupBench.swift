import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesMatching
import LinkagesStore

/// `linkages bench lookup`: the household lookup timed keystroke by keystroke over a database.
struct LookupBench: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Time the household lookup at every keystroke, as a caseworker types a name.",
        discussion: """
            Picks people at random from the database, types each one's name the way caseworkers \
            do (accents left out, a nickname, a slip of the finger, surname first) and then the \
            date of birth, one key at a time, and times the lookup after every key. Reports the percentiles and how often \
            the finished query lists the person's family in its first ten. Import a county first \
            (linkages bench generate, then linkages import).
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(help: "How many people to look up.")
    var people = 200

    @Option(help: "The seed for picking people and spelling their names.")
    var seed: UInt64 = 1

    /// The ways a name gets typed.
    enum Spelling: String, CaseIterable {
        case plain = "no accents"
        case surnameFirst = "surname first"
        case nickname = "nickname"
        case typo = "a typo in the surname"
    }

    func run() throws {
        try Failure.reported {
            try Installed.refuse("run benchmarks")
            let database = try openDatabase()
            let nicknames = try Nicknames.bundled()
            var random = SeededGenerator(seed: seed)
            let (total, sample) = try database.peopleSample(count: people, using: &random)
            guard !sample.isEmpty else { throw InputError("the database has no people to look up; import a county first") }
            var timings: [Double] = []
            var found: [Spelling: (hits: Int, tries: Int)] = [:]
            let today = Clock.today()
            for (index, person) in sample.enumerated() {
                let spelling = Spelling.allCases[index % Spelling.allCases.count]
                let born = person.dateOfBirth.map { " " + $0.usFormat } ?? ""
                let typed = Self.spell(person, spelling, nicknames: nicknames, random: &random) + born
                var answer = LookupAnswer.empty
                for length in 1...typed.count {
                    let started = DispatchTime.now().uptimeNanoseconds
                    answer = try database.lookUp(String(typed.prefix(length)), by: Account.current, on: today, at: Date())
                    timings.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
                }
                let listed = answer.hits.prefix(10).contains { $0.familyId == person.familyId }
                found[spelling, default: (0, 0)].hits += listed ? 1 : 0
                found[spelling, default: (0, 0)].tries += 1
            }
            timings.sort()
            func percentile(_ p: Double) -> String {
                String(format: "%.1f", timings[min(timings.count - 1, Int(Double(timings.count) * p))])
            }
            print("Household lookup over \(total.formatted()) people: \(sample.count) names typed, \(timings.count.formatted()) keystrokes")
            print("  per keystroke: median \(percentile(0.5)) ms, p95 \(percentile(0.95)) ms, p99 \(percentile(0.99)) ms, "
                  + "slowest \(String(format: "%.1f", timings.last ?? 0)) ms")
            for spelling in Spelling.allCases {
                guard let result = found[spelling], result.tries > 0 else { continue }
                print("  \(spelling.rawValue): family in the first ten for \(result.hits) of \(result.tries)")
            }
        }
    }

    /// The name as a caseworker might type it: folded to plain letters, then changed by `spelling`.
    static func spell(_ person: SampledPerson, _ spelling: Spelling, nicknames: Nicknames, random: inout SeededGenerator) -> String {
        let first = NameFolding.words(person.firstName).first ?? []
        var last = NameFolding.words(person.lastName).first ?? []
        let text = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self) }
        switch spelling {
        case .plain:
            return "\(text(first)) \(text(last))"
        case .surnameFirst:
            return "\(text(last)) \(text(first))"
        case .nickname:
            let nickname = nicknames.variants(of: first).first ?? first
            return "\(text(nickname)) \(text(last))"
        case .typo:
            if last.count >= 5 {
                let at = random.int(2...(last.count - 2))
                last.swapAt(at, at - 1)
            }
            return "\(text(first)) \(text(last))"
        }
    }
}
