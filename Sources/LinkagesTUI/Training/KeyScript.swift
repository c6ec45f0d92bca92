#if canImport(LinkagesDomain)
import LinkagesDomain
#endif
// (Fuzz/run.sh compiles this file into one module with the domain, hence the condition.)

/// Keys written as text in a walkthrough script. Characters are typed as they are; a name in
/// angle brackets is a key (`<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<Up>`, `<Down>`, `<Left>`,
/// `<Right>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<BSpace>`, `<Del>`, `<Space>`, `<C-s>` for
/// Control plus a letter, `<F2>`), `<lt>` types a "<", and `<today>` types the day as MM/DD/YYYY,
/// moved by days, months or years written after it in order (`<today+7>`, `<today-2d>`,
/// `<today-74d-32y>`), so a script works on whatever day the class is held.
public struct KeyScript: Equatable, Sendable {
    enum Item: Equatable, Sendable {
        case key(Key)
        /// A date counted from the day the keys are played, moved in order by each change.
        case date([DateChange])
    }

    let items: [Item]

    /// Reads the notation; the error names the column (counted from 1) and what is wrong there.
    public init(parsing text: String) throws(KeyScriptError) {
        var items: [Item] = []
        var rest = Substring(text)
        var column = 1
        while let character = rest.first {
            if character == "<" {
                guard let close = rest.firstIndex(of: ">") else {
                    throw KeyScriptError(column: column, reason: "a '<' is never closed with '>'; type a '<' itself as <lt>")
                }
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                guard let item = Self.item(named: name) else {
                    let reason = name.lowercased().hasPrefix("today")
                        ? "<\(name)> is not a date this script can type: move today by days, months or years (<today-74d-32y>), at most \(DateChange.maximumYears) years in all"
                        : "<\(name)> is not a key this script knows"
                    throw KeyScriptError(column: column, reason: reason)
                }
                items.append(item)
                column += name.count + 2
                rest = rest[rest.index(after: close)...]
            } else {
                guard !character.isNewline, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                    throw KeyScriptError(column: column, reason: "a control character cannot be typed; write the key's name, such as <Enter>")
                }
                items.append(.key(.char(character)))
                column += 1
                rest = rest.dropFirst()
            }
        }
        self.items = items
    }

    /// The keys to play on `today`.
    public func keys(today: CalendarDate) -> [Key] {
        items.flatMap { item -> [Key] in
            switch item {
            case .key(let key): return [key]
            case .date(let changes):
                let date = changes.reduce(today) { date, change in
                    switch change.unit {
                    case .days: return date.adding(days: change.amount)
                    case .months: return date.adding(months: change.amount)
                    case .years: return date.adding(years: change.amount)
                    }
                }
                return date.usFormat.map { .char($0) }
            }
        }
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Named keys, by their lower-case name.
    static let names: [String: Key] = [
        "tab": .tab, "s-tab": .backTab, "enter": .enter, "esc": .escape, "up": .up, "down": .down, "left": .left,
        "right": .right, "home": .home, "end": .end, "pgup": .pageUp, "pgdn": .pageDown, "bspace": .backspace,
        "del": .delete, "space": .char(" "), "lt": .char("<"),
    ]

    static func item(named name: String) -> Item? {
        let lower = name.lowercased()
        if let key = names[lower] { return .key(key) }
        if lower.hasPrefix("c-"), lower.count == 3, let letter = lower.last, letter.isASCII, letter.isLetter {
            return .key(.ctrl(letter))
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            return .key(.function(number))
        }
        if lower.hasPrefix("today") { return DateChange.parse(lower.dropFirst(5)).map(Item.date) }
        return nil
    }

    /// A move of a played date: "+7", "-2d", "-3m", "-32y".
    struct DateChange: Equatable, Sendable {
        enum Unit: Equatable, Sendable { case days, months, years }
        var amount: Int
        var unit: Unit

        /// How far a script may move a date, all changes together: a class never needs more, and
        /// a date stays within the calendar's years 1 to 9999 from any day it is played on.
        static let maximumYears = 200

        /// About how many days the change moves a date, at most.
        var span: Int {
            switch unit {
            case .days: return abs(amount)
            case .months: return abs(amount) * 31
            case .years: return abs(amount) * 366
            }
        }

        /// The changes written after "today", or nil if they do not read as changes or go too far.
        static func parse(_ text: Substring) -> [DateChange]? {
            var changes: [DateChange] = []
            var rest = text
            while let sign = rest.first {
                guard sign == "+" || sign == "-" else { return nil }
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.count <= 5, let number = Int(digits) else { return nil }
                rest = rest.dropFirst(digits.count)
                var unit = Unit.days
                switch rest.first {
                case "d": rest = rest.dropFirst()
                case "m": unit = .months; rest = rest.dropFirst()
                case "y": unit = .years; rest = rest.dropFirst()
                default: break
                }
                changes.append(DateChange(amount: sign == "+" ? number : -number, unit: unit))
                guard changes.reduce(0, { $0 + $1.span }) <= maximumYears * 366 else { return nil }
            }
            return changes
        }
    }

    /// The notation that reads back as `keys`: the inverse of parsing, for keys without dates.
    public static func notation(for keys: [Key]) -> String {
        keys.map { key -> String in
            if key == .char("<") { return "<lt>" }
            if case .char(let character) = key { return String(character) }
            if case .ctrl(let letter) = key { return "<C-\(letter)>" }
            if case .function(let number) = key { return "<F\(number)>" }
            let name = names.first { $0.value == key }?.key ?? "?"
            return "<\(name)>"
        }.joined()
    }
}

/// A script that cannot be read: where (the column, from 1) and why.
public struct KeyScriptError: Error, Equatable, CustomStringConvertible {
    public var column: Int
    public var reason: String

    public init(column: Int, reason: String) {
        self.column = column
        self.reason = reason
    }

    public var description: String { "column \(column): \(reason)" }
}
