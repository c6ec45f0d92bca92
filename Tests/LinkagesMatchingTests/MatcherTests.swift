import Foundation
import LinkagesDemo
import LinkagesDomain
import Testing
@testable import LinkagesMatching

/// A fixed generated county: 20,000 CalWORKs people and 4,000 Child Welfare people.
let generatedCounty = try! SyntheticMatchData.generate(
    SyntheticOptions(calworks: 20_000, childWelfare: 4_000, overlap: 0.3, seed: 11, today: CalendarDate(year: 2026, month: 11, day: 23)!))

/// The model learnt from it, without its truth.
let learntModel: MatchModel = {
    let matcher = Matcher(comparator: Comparator())
    return matcher.run(a: generatedCounty.calworks, b: generatedCounty.childWelfare, threshold: 0.9).model
}()

@Suite("Linking people across the two programs")
struct MatcherTests {
    let matcher = Matcher(comparator: Comparator())

    @Test("EM learns sensible weights from unlabelled data")
    func learntWeights() {
        let model = learntModel
        func weight(_ field: MatchField, _ level: Int, home: Bool = false) -> Double {
            model.weight(field, level: level, sharesHome: home)
        }
        // Agreement is evidence for, disagreement against, on every field.
        for field in MatchField.allCases where field != .generation {
            #expect(weight(field, 0) > 0, "\(field) agrees")
            #expect(weight(field, field.levelCount - 1) < 0, "\(field) differs")
        }
        // A birth date is rarer to share than a surname; an SSN rarest of all.
        #expect(weight(.birthDate, 0) > weight(.lastName, 0))
        #expect(weight(.ssn, 0) > weight(.birthDate, 0))
        // Swapped day and month is still strong evidence; a different first name is strong against.
        #expect(weight(.birthDate, 1) > 5)
        #expect(weight(.firstName, 5) < -4)
        // Among housemates a shared surname says little, a shared birth date still a lot.
        #expect(weight(.lastName, 0, home: true) < 2)
        #expect(weight(.birthDate, 0, home: true) > 4)
        #expect(model.m[MatchField.firstName.rawValue][0] > 0.8)
        #expect(model.prior > 0 && model.prior < 0.001)
    }

    @Test("precision and recall on a fixed generated county stay above the documented bound")
    func accuracy() {
        let result = matcher.run(a: generatedCounty.calworks, b: generatedCounty.childWelfare, threshold: 0.9)
        let score = generatedCounty.score(generatedCounty.pairs(of: result.links))
        // docs/matching.md: at least 0.98 precision and 0.97 recall on this set.
        #expect(score.precision >= 0.98)
        #expect(score.recall >= 0.97)
    }

    func link(_ a: [MatchRecord], _ b: [MatchRecord]) -> [MatchLink] {
        matcher.run(a: a, b: b, threshold: 0.9, model: learntModel).links
    }

    @Test("one twin is not linked to the other")
    func twins() {
        let mateo = person("Mateo", "Ruiz", dob: "2015-06-01", sex: "M")
        let lucas = person("Lucas", "Ruiz", dob: "2015-06-01", sex: "M")
        #expect(link([mateo], [lucas]).isEmpty)
        // With both twins on both sides, each is linked to himself.
        let links = link([mateo, lucas], [person("Lucas", "Ruiz", dob: "2015-06-01", sex: "M"), person("Mateo", "Ruiz", dob: "2015-06-01", sex: "M")])
        #expect(links.map { [$0.a, $0.b] }.sorted { $0[0] < $1[0] } == [[0, 1], [1, 0]])
    }

    @Test("a father is not linked to his junior, nor a mother to her daughter of the same name")
    func parentsAndChildren() {
        #expect(link([person("Robert", "Jackson", dob: "1975-02-03", sex: "M")], [person("Robert", "Jackson Jr", dob: "2005-09-14", sex: "M")]).isEmpty)
        #expect(link([person("Robert", "Jackson Sr.", dob: "1975-02-03", sex: "M")], [person("Bob", "Jackson", dob: "2005-09-14", sex: "M")]).isEmpty)
        #expect(link([person("Rosa", "Medina", dob: "1985-03-22")], [person("Rosa", "Medina", dob: "2008-11-02")]).isEmpty)
    }

    @Test("a nickname, lost accents, reversed surnames and a swapped date still link, and say why")
    func explainedLink() throws {
        let calworks = person("José", "Núñez-García", dob: "1988-03-07", sex: "M", street: "4410 E Belmont Ave", phone: "559-555-0187")
        let cws = person("Pepe", "Garcia Nunez", dob: "1988-07-03", sex: "M", street: "4410 E. Belmont Avenue", phone: "")
        let links = link([calworks], [cws])
        #expect(links.count == 1)
        let scorer = Scorer(model: learntModel, frequencies: NameFrequencies([[calworks], [cws]]))
        let evidence = scorer.evidence(try #require(links.first).vector, calworks).map(\.text)
        #expect(evidence.contains { $0.hasPrefix("first names are the same name (nickname) (+") })
        #expect(evidence.contains { $0.hasPrefix("the same surnames, in another order or with a typo (+") })
        #expect(evidence.contains { $0.hasPrefix("birth date has day and month swapped (+") })
        #expect(evidence.contains("SSN missing on one side (0.0)"))
    }

    @Test("each record is linked at most once, the most probable pair first")
    func oneToOne() {
        let ana = person("Ana", "Soto", dob: "1992-01-15")
        let links = link([ana], [person("Ana", "Soto", dob: "1992-01-15"), person("Ana", "Soto", dob: "1992-01-16")])
        #expect(links.map(\.b) == [0])
    }
}
