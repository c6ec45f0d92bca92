import LinkagesDomain
import LinkagesStore

/// Marking a family staffed: the minutes of the joint staffing, kept with the date. The family
/// then drops down the agenda for a while.
public struct StaffingMinutesScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    public private(set) var form = Form([
        .text("minutes", "Minutes", placeholder: "What was agreed, who does what, by when"),
    ])
    public private(set) var problems: [String] = []

    public init(familyId: Int64, familyName: String) {
        self.familyId = familyId
        self.familyName = familyName
    }

    public var title: String { "Staffed: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        [KeyBinding([.enter], .save, label: "record", help: "Record the staffing with its minutes; audited.")]
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        guard action == .save else { return [] }
        guard !form.value("minutes").isEmpty else {
            problems = ["Write the minutes: what was agreed, and who does what."]
            return []
        }
        problems = []
        return [.run(.recordStaffing(familyId: familyId, minutes: form.value("minutes")))]
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .staffingRecorded(let id) where id == familyId:
            return [.close, .say("Recorded the staffing of \(familyName).")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "The minutes stay with the family; the agenda then weighs it less for two weeks.",
            problems: problems, into: &grid, area: area, labelWidth: 10)
    }
}
