import Foundation

/// A change in a mutual family told to the other program's worker ("inform your colleague in
/// the other program if changes happen in a family", seeds).
public struct ChangeNotice: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var kind: ChangeKind
    /// What changed, in the sender's words.
    public var text: String
    public var fromWorkerId: Int64?
    public var fromProgram: Program
    /// The worker whose inbox it lands in.
    public var toWorkerId: Int64
    public var sentAt: Date
    public var readAt: Date?

    public init(
        id: Int64? = nil, familyId: Int64, kind: ChangeKind, text: String, fromWorkerId: Int64?, fromProgram: Program,
        toWorkerId: Int64, sentAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.familyId = familyId
        self.kind = kind
        self.text = text
        self.fromWorkerId = fromWorkerId
        self.fromProgram = fromProgram
        self.toWorkerId = toWorkerId
        self.sentAt = sentAt
        self.readAt = readAt
    }
}

/// The changes one program tells the other about.
public enum ChangeKind: String, Codable, CaseIterable, Sendable {
    case address, household, employment

    public var displayName: String {
        switch self {
        case .address: return "Address or phone"
        case .household: return "Household (someone moved in or out)"
        case .employment: return "Employment or income"
        }
    }

    /// An address or phone is among the identifying facts California lets the two programs
    /// share about a family at risk (WIC 18961.5); a change of household or of work is case
    /// information and goes only under a release or court order that shares the sender's records.
    public var needsSharingBasis: Bool { self != .address }
}
