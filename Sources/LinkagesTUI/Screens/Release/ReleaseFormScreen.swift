import LinkagesDomain
import LinkagesStore

/// Recording a release, authorisation or court order for a family: what it is, whose records it
/// shares, whether it names substance use, and its dates. Saved with Enter, audited.
public struct ReleaseFormScreen: ScreenModel {
    public let familyId: Int64
    let familyName: String
    let today: CalendarDate
    public private(set) var form: Form
    /// Why the last save was refused.
    public private(set) var problems: [String] = []

    static let kinds = SharingBasisKind.allCases.map { Choice(id: $0.rawValue, label: $0.displayName.capitalizedFirst) }
    static let yesNo = [Choice(id: "yes", label: "Yes"), Choice(id: "no", label: "No")]

    public init(familyId: Int64, familyName: String, session: Session) {
        self.familyId = familyId
        self.familyName = familyName
        today = session.today
        form = Form([
            .choice("kind", "What the family signed", SharingBasisKind.signedRelease.rawValue, Self.kinds),
            .choice("sharesCalWORKs", "CalWORKs records to Child Welfare", "yes", Self.yesNo),
            .choice("sharesChildWelfare", "Child Welfare records to CalWORKs", "yes", Self.yesNo),
            .choice("substanceUse", "Names substance-use information", "no", Self.yesNo),
            .text("signedOn", "Signed on (MM/DD/YYYY)", session.today.usFormat),
            .text("expiresOn", "Last day it holds", session.today.adding(days: 364).usFormat),
            .text("note", "Where the paper is kept", placeholder: "e.g. ER file, scanned to the case"),
        ])
    }

    public var title: String { "Release: \(familyName)" }
    public var isTyping: Bool { true }

    public var bindings: [KeyBinding] {
        Form.bindings(save: "record", help: "Record the release for this family; it is audited.")
    }

    /// The release as entered, or the sentences that say what to fix.
    func entered(recordedBy account: String) -> Result<SharingBasis, FormRefusal> {
        var problems: [String] = []
        let signed = CalendarDate(form.value("signedOn"))
        let expires = CalendarDate(form.value("expiresOn"))
        if signed == nil { problems.append("Write the signing date as MM/DD/YYYY.") }
        if expires == nil { problems.append("Write the last day as MM/DD/YYYY.") }
        guard let signed, let expires else { return .failure(FormRefusal(sentences: problems)) }
        let noteText = form.value("note")
        let basis = SharingBasis(
            familyId: familyId, kind: SharingBasisKind(rawValue: form.value("kind")) ?? .signedRelease,
            sharesCalWORKs: form.value("sharesCalWORKs") == "yes", sharesChildWelfare: form.value("sharesChildWelfare") == "yes",
            includesSubstanceUse: form.value("substanceUse") == "yes", signedOn: signed, expiresOn: expires,
            recordedBy: account, recordedAt: today.instant(hour: 12), note: noteText.isEmpty ? nil : noteText)
        let found = basis.problems(on: today)
        return found.isEmpty ? .success(basis) : .failure(FormRefusal(sentences: found))
    }

    public mutating func perform(_ action: Action, viewport: Size) -> [ScreenCommand] {
        if form.moveFocus(action) { return [] }
        switch action {
        case .save:
            switch entered(recordedBy: "") {
            case .success(let basis):
                problems = []
                return [.run(.recordSharingBasis(basis))]
            case .failure(let found):
                problems = found.sentences
            }
        default:
            break
        }
        return []
    }

    public mutating func type(_ key: Key, viewport: Size) -> [ScreenCommand] {
        form.type(key)
        return []
    }

    public mutating func receive(_ event: DataEvent) -> [ScreenCommand] {
        switch event {
        case .sharingBasisRecorded(let basis) where basis.familyId == familyId:
            return [.close, .say("Recorded. A supervisor must approve it before it opens any records.")]
        case .failed(let message):
            problems = [message]
        default:
            break
        }
        return []
    }

    public func render(into grid: inout CellGrid, area: Rect, context: RenderContext) {
        form.renderScreen(
            intro: "Record the release, authorisation or court order exactly as signed. Each program then sees the "
                + "records it shares; substance-use information only when it is named (42 CFR Part 2).",
            problems: problems, into: &grid, area: area, labelWidth: 36)
    }
}
