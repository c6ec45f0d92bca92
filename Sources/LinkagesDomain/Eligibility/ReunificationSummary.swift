/// AB 429 and AB 135 in words for the joint plan: one line for its screen, and the whole answer
/// for its printed copy. The family page and `linkages reunification show` list every condition.
extension ReunificationStatus {
    /// One line of at most 78 characters: where each answer stands, and whether either period
    /// ends within 30 days.
    public func planLine(on today: CalendarDate) -> (text: String, endingSoon: Bool) {
        var parts: [String] = []
        var endingSoon = false
        if let services = ab429Services {
            parts.append("AB 429 services \(today > services.lastDay ? "ended" : "to") \(services.lastDay.usFormat)")
            endingSoon = endingSoon || services.endingSoon(on: today)
        } else {
            parts.append("AB 429: \(Self.count(ab429.notMet)) not met")
        }
        if let clock = ab135Clock {
            let state = clock.state(on: today)
            if case .endingSoon = state { endingSoon = true }
            if case .ended(let day) = state {
                parts.append("AB 135 aid ended \(day.usFormat)")
            } else {
                parts.append("AB 135 aid to \(clock.lastDay.usFormat)")
            }
        } else {
            // Eligibility needs the plan amended to recommend cash aid, which starts the clock.
            parts.append("AB 135: \(Self.count(ab135.notMet)) not met")
        }
        return (parts.joined(separator: " · ") + " · f for details", endingSoon)
    }

    private static func count(_ conditions: [String]) -> String {
        conditions.count == 1 ? "1 condition" : "\(conditions.count) conditions"
    }

    /// Each answer for the printed plan: a heading saying whether the parent is eligible and,
    /// when a period runs, until when; under it every condition met and not met, and the rule's
    /// source. The parent's own circumstances (SSI, immigration status, a warrant, time on aid)
    /// stay off the paper: one line says whether any of them excludes the parent, and where to
    /// read them.
    public func answers(on today: CalendarDate) -> [(heading: String, details: [String])] {
        let clock = ab135Clock.map { clock in
            "The six months run \(clock.firstFullMonth.usFormat) to \(clock.lastDay.usFormat). \(clock.state(on: today).sentence)"
        }
        return [("AB 429 Welfare-to-Work services", ab429, ab429Services?.sentence(on: today)),
                ("AB 135 cash aid and child care", ab135, clock)].map { name, answer, period in
            let heading = ["\(name): \(answer.eligible ? "eligible" : "not eligible yet").", period].compactMap { $0 }.joined(separator: " ")
            var details = answer.met.filter { !answer.personal.contains($0) }.map { "Met: \($0)" }
                + answer.notMet.filter { !answer.personal.contains($0) }.map { "Not met: \($0)" }
            if !answer.personal.isEmpty {
                let excluded = answer.notMet.contains { answer.personal.contains($0) }
                details.append(excluded
                    ? "Not met: one of the parent's own exclusions applies; the family page says which (not printed)."
                    : "Met: none of the parent's own exclusions applies (SSI, immigration status, a warrant, time on aid).")
            }
            return (heading, details + ["Source: \(answer.source)"])
        }
    }
}
