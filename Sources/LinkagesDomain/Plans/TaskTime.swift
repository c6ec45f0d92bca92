/// A time of day, to the minute.
public struct ClockTime: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0 to 1439.
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// "9:00", "13:30".
    public var description: String {
        let minute = minutes % 60
        return "\(minutes / 60):\(minute < 10 ? "0" : "")\(minute)"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    /// Reads "9", "9:30", "13:30", "9am", "1:30pm", "12pm" (noon).
    static func parse(_ text: Substring) -> ClockTime? {
        var body = text.lowercased()
        var addition = 0
        var twelveHour = false
        if body.hasSuffix("am") || body.hasSuffix("pm") {
            twelveHour = true
            addition = body.hasSuffix("pm") ? 12 : 0
            body.removeLast(2)
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count <= 2, parts.count == 1 || parts[1].count == 2,
              var hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0
        else { return nil }
        if twelveHour {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + addition
        }
        return ClockTime(hour: hour, minute: minute)
    }
}

extension ClockTime {
    /// Stored as "9:30", the way it is written.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = ClockTime.parse(Substring(text)) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a time of day"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads "9:30", "14:00" or "2pm", or nil.
    public init?(_ text: String) {
        guard let time = ClockTime.parse(Substring(text.trimmingCharacters(in: .whitespaces))) else { return nil }
        self = time
    }
}

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, CaseIterable, Comparable, Codable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    init?(name: Substring) {
        let lowered = name.lowercased()
        guard lowered.count >= 2,
              let day = Weekday.allCases.first(where: { $0.longName.hasPrefix(lowered) })
        else { return nil }
        self = day
    }

    private var longName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }
}

/// When a plan task takes the family's time: the same hours every week (Welfare-to-Work hours,
/// a weekly visit) or one appointment. Written and read as "Mon-Fri 9:00-12:00",
/// "Tue,Thu 13:00-15:00" or "12/03/2026 10:00-11:30".
public struct TaskTime: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Days: Hashable, Sendable {
        case weekly(Set<Weekday>)
        case once(CalendarDate)
    }

    public let days: Days
    public let start: ClockTime
    public let end: ClockTime

    /// Nil when the hours are empty or run backwards.
    public init?(days: Days, start: ClockTime, end: ClockTime) {
        guard start < end else { return nil }
        if case .weekly(let set) = days, set.isEmpty { return nil }
        self.days = days
        self.start = start
        self.end = end
    }

    public var hours: String { "\(start)-\(end)" }

    public var description: String {
        switch days {
        case .weekly(let set): return "\(Self.describe(set)) \(hours)"
        case .once(let date): return "\(date.usFormat) \(hours)"
        }
    }

    /// "Mon-Fri" for a run of three or more days, else "Tue,Thu".
    static func describe(_ set: Set<Weekday>) -> String {
        let sorted = set.sorted()
        var runs: [[Weekday]] = []
        for day in sorted {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.map { run in
            run.count >= 3 ? "\(run.first!.shortName)-\(run.last!.shortName)" : run.map(\.shortName).joined(separator: ",")
        }.joined(separator: ",")
    }

    /// Whether the task takes time on `date`.
    public func falls(on date: CalendarDate) -> Bool {
        switch days {
        case .weekly(let set): return set.contains(Weekday(rawValue: date.isoWeekday)!)
        case .once(let day): return day == date
        }
    }

    /// Whether the two hours overlap by at least a minute.
    public func hoursOverlap(_ other: TaskTime) -> Bool {
        start < other.end && other.start < end
    }

    /// Reads what a worker types, or says in one sentence what is wrong.
    public static func parse(_ text: String) -> Result<TaskTime, TaskTimeError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, let hoursWord = words.last else { return .failure(.shape) }
        let bounds = hoursWord.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let start = ClockTime.parse(bounds[0]), let end = ClockTime.parse(bounds[1]) else {
            return .failure(.hours(String(hoursWord)))
        }
        let dayText = words.dropLast().joined(separator: ",")
        let days: Days
        if let date = CalendarDate(dayText) {
            days = .once(date)
        } else if let set = weekdays(dayText) {
            days = .weekly(set)
        } else {
            return .failure(.days(dayText))
        }
        guard let time = TaskTime(days: days, start: start, end: end) else { return .failure(.backwards) }
        return .success(time)
    }

    /// "Mon-Fri", "Tue,Thu", "Mon,Wed-Fri" as a set of days, or nil.
    static func weekdays(_ text: String) -> Set<Weekday>? {
        var set = Set<Weekday>()
        for item in text.split(separator: ",") {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let first = Weekday(name: ends[0]),
                  let last = ends.count == 2 ? Weekday(name: ends[1]) : first, first <= last
            else { return nil }
            for raw in first.rawValue...last.rawValue { set.insert(Weekday(rawValue: raw)!) }
        }
        return set.isEmpty ? nil : set
    }
}

extension TaskTime {
    /// Stored as the text a worker would type, so the database and exports read plainly.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch TaskTime.parse(text) {
        case .success(let time): self = time
        case .failure(let problem):
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a typed task time could not be read.
public enum TaskTimeError: Error, Equatable, Sendable, CustomStringConvertible {
    case shape, hours(String), days(String), backwards

    public var description: String {
        switch self {
        case .shape: return "Write the days and the hours, e.g. “Mon-Fri 9:00-12:00” or “12/03/2026 10:00-11:30”."
        case .hours(let text): return "“\(text)” is not a span of hours; write it like 9:00-12:00 or 1pm-3pm."
        case .days(let text): return "“\(text)” is neither weekdays (Mon-Fri, Tue,Thu) nor a date (MM/DD/YYYY)."
        case .backwards: return "The hours must end after they start."
        }
    }
}
