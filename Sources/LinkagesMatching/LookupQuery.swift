import LinkagesDomain

/// A household lookup as typed, taken apart: name words (each with its nicknames and its
/// sound-alike code), dates of birth, and identifiers (CIN, case or referral number, person id).
///
/// Every name word must find a word of the person's names, by any of: the same word with
/// accents ignored, the start of a word (the word being typed), a nickname (Pepe for José), or
/// the same sound (Nunes for Núñez). Each way is explained in plain words.
public struct LookupQuery: Sendable {
    /// One typed name word.
    public struct NameWord: Sendable, Equatable {
        /// As typed.
        public var typed: String
        public var folded: [UInt8]
        /// The word still being typed: it may be the start of a longer name.
        public var isPrefix: Bool
        public var nicknames: [[UInt8]]
        public var sound: [UInt8]
        /// Set by ``widened()``: the first letters, which a name typed with a slip of the
        /// finger still starts with.
        public var stem: [UInt8]?
    }

    public private(set) var names: [NameWord] = []
    /// Typed dates of birth, with the day-and-month-swapped reading where there is one.
    public private(set) var dates: [CalendarDate] = []
    public private(set) var identifiers: [String] = []
    /// Date-like words not finished yet ("10/14/19"), left out of the search until they are.
    public private(set) var unfinished: [String] = []

    /// - Parameter text: the query as typed. A trailing space ends the last word, which is
    ///   otherwise matched as the start of a name.
    public init(_ text: String, nicknames: Nicknames) {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let lastIsOpen = !(text.last?.isWhitespace ?? true) && text.last != ","
        for (index, word) in words.enumerated() {
            if let date = CalendarDate(word) ?? Self.dayFirstDate(word) {
                dates.append(date)
                if let swapped = CalendarDate(year: date.year, month: date.day, day: date.month), swapped != date {
                    dates.append(swapped)
                }
            } else if word.allSatisfy({ $0.isNumber || $0 == "/" }) && (word.contains("/") || word.count <= 2) {
                unfinished.append(word)
            } else if word.contains(where: \.isNumber) {
                identifiers.append(word)
            } else {
                let folded = NameFolding.words(word)
                for (part, piece) in folded.enumerated() {
                    let open = lastIsOpen && index == words.count - 1 && part == folded.count - 1
                    names.append(NameWord(typed: word, folded: piece, isPrefix: open,
                                          nicknames: nicknames.variants(of: piece), sound: LookupTerms.soundTerm(piece), stem: nil))
                }
            }
        }
    }

    /// "14/10/1988": a date only readable day first, as some records and some people write them.
    static func dayFirstDate(_ word: String) -> CalendarDate? {
        let parts = word.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, parts[0] > 12, parts[2] > 999 else { return nil }
        return CalendarDate(year: parts[2], month: parts[1], day: parts[0])
    }

    /// The same query also accepting names a letter or two away from each word of four letters
    /// or more ("Miler" for Miller), for when the exact forms found too little. Nil when no
    /// word is long enough to widen.
    public func widened() -> LookupQuery? {
        var wide = self
        for index in wide.names.indices where wide.names[index].folded.count >= 4 {
            wide.names[index].stem = Array(wide.names[index].folded.prefix(3))
        }
        return wide.names.contains { $0.stem != nil } ? wide : nil
    }

    /// True when nothing searchable was typed yet: a single letter is not a search.
    public var isEmpty: Bool {
        dates.isEmpty && identifiers.isEmpty && names.reduce(0) { $0 + $1.folded.count } < 2
    }

    /// The full-text query over ``LookupTerms``: for every name word, any of its forms.
    public var fullTextPattern: String? {
        guard !names.isEmpty else { return nil }
        // Folded words and codes are plain letters and digits; quoting keeps FTS5 from reading
        // a word such as "and" or "or" as an operator.
        func term(_ bytes: [UInt8], prefix: Bool = false) -> String {
            "\"" + String(decoding: bytes, as: UTF8.self) + "\"" + (prefix ? "*" : "")
        }
        return names.map { word in
            var forms = [term(word.folded, prefix: word.isPrefix)] + word.nicknames.map { term($0) }
            if word.sound.count > 2 { forms.append(term(word.sound)) }
            if let stem = word.stem { forms.append(term(stem, prefix: true)) }
            return "(" + forms.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }
}

/// A stored person as the lookup weighs them.
public struct LookupCandidate: Sendable {
    public var firstName: String
    public var middleName: String
    public var lastName: String
    public var dateOfBirth: CalendarDate?
    /// Identifiers the person or their household is known by, with what each is ("CIN").
    public var identifiers: [(kind: String, value: String)]

    public init(firstName: String, middleName: String, lastName: String, dateOfBirth: CalendarDate?,
                identifiers: [(kind: String, value: String)]) {
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.identifiers = identifiers
    }
}

/// Why a person answers a lookup, and how well.
public struct LookupExplanation: Sendable, Equatable {
    /// Higher is better: an exact name and birth date outrank a sound-alike.
    public var score: Double
    /// One plain phrase per thing that matched, in the order typed.
    public var reasons: [String]
}

extension LookupQuery {
    /// How this person answers the query, or nil when something typed does not match them.
    public func explain(_ candidate: LookupCandidate) -> LookupExplanation? {
        let parts: [(name: String, kind: String)] = [
            (candidate.firstName, "first name"), (candidate.middleName, "middle name"), (candidate.lastName, "surname"),
        ]
        var score = 0.0
        var reasons: [String] = []
        let folded = parts.map { NameFolding.words($0.name) }
        for word in names {
            var best: (score: Double, reason: String)?
            for (part, words) in zip(parts, folded) {
                for stored in words {
                    guard var found = Self.weigh(word, against: stored, kind: part.kind, shown: part.name) else { continue }
                    // A middle name counts for less: people are looked up by first name and surname.
                    if part.kind == "middle name" { found.score *= 0.7 }
                    guard found.score > (best?.score ?? 0) else { continue }
                    best = found
                }
            }
            guard let best else { return nil }
            score += best.score
            if !reasons.contains(best.reason) { reasons.append(best.reason) }
        }
        if !dates.isEmpty {
            guard let born = candidate.dateOfBirth, let index = dates.firstIndex(of: born) else { return nil }
            let swapped = index > 0 && dates[index - 1].month == born.day && dates[index - 1].day == born.month
            score += swapped ? 3 : 4
            reasons.append(swapped ? "born \(born.usFormat): the day and month typed the other way round" : "born \(born.usFormat)")
        }
        for identifier in identifiers {
            guard let known = candidate.identifiers.first(where: { $0.value.caseInsensitiveCompare(identifier) == .orderedSame })
            else { return nil }
            score += 5
            reasons.append("\(known.kind) \(known.value)")
        }
        return LookupExplanation(score: score, reasons: reasons)
    }

    /// How one typed word matches one stored word, if it does.
    static func weigh(_ word: NameWord, against stored: [UInt8], kind: String, shown: String) -> (score: Double, reason: String)? {
        let typed = "“\(word.typed)”"
        if stored == word.folded {
            return (3, "\(kind) \(shown)")
        }
        if word.isPrefix && stored.starts(with: word.folded) {
            return (1 + 1.5 * Double(word.folded.count) / Double(stored.count), "\(kind) \(shown) starts with \(typed)")
        }
        if word.nicknames.contains(stored) {
            return (2.5, "\(typed) is a nickname for \(shown) (\(kind))")
        }
        // A sound-alike code of two sounds or more, on words that also look alike (a one-sound
        // code would make "Zzyzx" sound like "Zoe").
        if word.sound.count > 2 && LookupTerms.soundTerm(stored) == word.sound {
            let similarity = StringSimilarity.jaroWinkler(word.folded, stored)
            if similarity >= 0.75 { return (1 + similarity, "\(typed) sounds like \(shown) (\(kind))") }
        }
        // A slip of the finger rarely hits the first letter (the index is searched by the
        // first three; a birth date or an identifier finds the people without it).
        if word.stem != nil, stored.first == word.folded.first {
            let allowed = word.folded.count >= 7 ? 2 : 1
            var distance = StringSimilarity.editDistance(word.folded, stored, limit: allowed + 1)
            if word.isPrefix {
                distance = min(distance, StringSimilarity.editDistance(word.folded, Array(stored.prefix(word.folded.count)), limit: allowed + 1))
            }
            if distance <= allowed {
                return (0.5 + StringSimilarity.jaroWinkler(word.folded, stored), "\(typed) is close to \(shown) (\(kind))")
            }
        }
        return nil
    }
}
