import Foundation
import LinkagesDomain
import LinkagesStore

/// Recording the in-person contact after an ER referral, once the intake is finished: the day,
/// the time (an immediate response is timed to the minute) and whether the family was seen or
/// the visit only attempted. It closes the in-person response clock on the family page and the
/// ER list.
public struct RecordContactScreen: ScreenModel {
    public let intakeId: Int64
    public let familyId: Int64
    let familyName: String
    let today: CalendarDate
    public private(set) var form: Form
    public private(set) var problems: [String] = []

    static let outcomes = ResponseContact.Outcome.allCases.map { outcome in
        Choice(id: outcome.rawValue, label: outcome == .completed ? "Family seen" : "Attempted, not seen")
    }

    public init(intakeId: Int64, familyId: Int64, familyName: String, today: CalendarDate, now: Date) {
        self.intakeId = intakeId
        self.familyId = familyId
        self.familyName = familyName
        self.today = today
        let parts = Calendar.current.dateComponents([.hour, .minute], from: now)
        form = Form([
            .text("date", "Date (MM/DD/YYYY)", today.usFormat),
            .text("time", "Time", String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)),
            .choice("outcome", "Outcome", ResponseContact.Outcome.completed.rawValue, Self.outcomes),
        ])
    }

    public var title: String { "In-person contact: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "record", help: "Record the contact; it closes the in-person response clock. Audited.")
    }

    /// The contact as typed, or why it cannot be recorded yet.
    func entered() -> Result<ResponseContact, FormRefusal> {
        var problems: [String] = []
        let date = CalendarDate(form.value("date"))
        if date == nil { problems.append("Write the date as MM/DD/YYYY.") } else if date! > today { problems.append("Record a contact once it is made, not before.") }
        let time = form.value("time").isEmpty ? nil : ClockTime(form.value("time"))
        if !form.value("time").isEmpty && time == nil { problems.append("Write the time like 14:30 or 2:30pm, or leave it empty.") }
        guard problems.isEmpty, let date else { return .failure(FormRefusal(sentences: problems)) }
        return .success(ResponseContact(day: date, time: time, outcome: ResponseContact.Outcome(rawValue: form.value("outcome")) ?? .completed))
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        guard case .save = action else { return [] }
        switch entered() {
        case .success(let contact):
            problems = []
            return [.run(.recordResponseContact(intakeId: intakeId, contact))]
        case .failure(let refusal):
            problems = refusal.sentences
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .responseContactRecorded(let id, let contact) where id == intakeId:
            let said = contact.outcome == .completed
                ? "Recorded: family seen \(contact.label)."
                : "Recorded the attempt \(contact.label); record the visit again when the family is seen."
            return [.close, .say(said)]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "The first in-person contact answers the response deadline: an attempt in time counts (CDSS measure 2B), "
                + "and the visit that sees the family is recorded too. Give the time for an immediate response.",
            problems: problems, into: &grid, area: area, labelWidth: 20)
    }
}
