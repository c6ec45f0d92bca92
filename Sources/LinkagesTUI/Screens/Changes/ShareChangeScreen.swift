import LinkagesDomain
import LinkagesStore

/// Telling the other program's worker of a change in the family: a new address, someone moving
/// in or out, a new job or a lost one. It lands in their inbox.
public struct ShareChangeScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    let otherProgram: Program
    public private(set) var form: Form
    public private(set) var problems: [String] = []

    static let kinds = ChangeKind.allCases.map { Choice(id: $0.rawValue, label: $0.displayName) }

    public init(familyId: Int64, familyName: String, session: Session) {
        self.familyId = familyId
        self.familyName = familyName
        otherProgram = session.worker.program.other
        form = Form([
            .choice("kind", "What changed", ChangeKind.address.rawValue, Self.kinds),
            .text("text", "Tell them", placeholder: "e.g. Moved to 22 Elm St, Fresno 93702 on 11/20"),
        ])
    }

    public var title: String { "Tell \(otherProgram.displayName): \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "send", help: "Send the notice to the other program's worker; audited.")
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            guard !form.value("text").isEmpty else {
                problems = ["Say what changed, as the other worker needs to read it."]
                return []
            }
            problems = []
            return [.run(.shareChange(familyId: familyId, ChangeKind(rawValue: form.value("kind")) ?? .address, text: form.value("text")))]
        default: break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .changeShared(let notice) where notice.familyId == familyId:
            return [.close, .say("Told \(otherProgram.displayName); the notice is in their worker's inbox.")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "An address or phone change may always go to \(otherProgram.displayName) (WIC 18961.5). A change of household "
                + "or work goes only under a release or court order that shares your program's records.",
            problems: problems, into: &grid, area: area, labelWidth: 16)
    }
}
