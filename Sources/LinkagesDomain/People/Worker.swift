/// A county staff member: a caseworker, liaison, supervisor, trainer or administrator in one
/// program and office.
public struct Worker: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    /// The operating-system account the worker signs in with; nil for workers who are only
    /// named in the data (the other county's caseworker, a provider's contact).
    public var account: String?
    public var name: String
    public var program: Program
    public var office: String
    public var role: WorkerRole
    public var phone: String?
    public var email: String?
    public var active: Bool

    public init(
        id: Int64? = nil, account: String? = nil, name: String, program: Program, office: String,
        role: WorkerRole, phone: String? = nil, email: String? = nil, active: Bool = true
    ) {
        self.id = id
        self.account = account
        self.name = name
        self.program = program
        self.office = office
        self.role = role
        self.phone = phone
        self.email = email
        self.active = active
    }

    /// "Ana Ruiz (CalWORKs, 559-555-0142)": how a worker is named to the other program.
    public var contactLine: String {
        let details = [program.displayName, phone].compactMap { $0 }.joined(separator: ", ")
        return "\(name) (\(details))"
    }
}

public enum WorkerRole: String, Codable, CaseIterable, Sendable {
    case caseworker, liaison, supervisor, trainer, admin

    public var displayName: String { rawValue }
}
