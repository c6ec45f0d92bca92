import Foundation

/// A joint case plan for a family: goals in the family's own words and tasks owned by
/// CalWORKs, Child Welfare, the family or a provider ("document in the case plan what each
/// program will do to ensure clarity and accountability", seeds).
public struct CasePlan: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var leadWorkerId: Int64?
    /// The family's goals, in its own words.
    public var goals: String
    public var createdAt: Date
    public var updatedAt: Date
    /// How many times the record was saved: an edit carries the version its worker read, so
    /// that a save over someone else's newer one is noticed instead of overwriting it.
    public var version: Int

    public init(
        id: Int64? = nil, familyId: Int64, leadWorkerId: Int64? = nil, goals: String, createdAt: Date,
        updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.version = version
        self.familyId = familyId
        self.leadWorkerId = leadWorkerId
        self.goals = goals
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// One task of a joint case plan.
public struct PlanTask: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var planId: Int64
    public var title: String
    public var kind: TaskKind
    public var owner: TaskOwner
    public var ownerWorkerId: Int64?
    public var dueDate: CalendarDate?
    public var status: TaskStatus
    public var note: String?
    /// When the task takes the family's time, if it does (hours, a visit, an appointment).
    public var time: TaskTime?
    /// The task that must be done before this one can be.
    public var afterTaskId: Int64?
    /// How many times the record was saved: an edit carries the version its worker read, so
    /// that a save over someone else's newer one is noticed instead of overwriting it.
    public var version: Int

    public init(
        id: Int64? = nil, planId: Int64, title: String, kind: TaskKind = .other, owner: TaskOwner, ownerWorkerId: Int64? = nil,
        dueDate: CalendarDate? = nil, status: TaskStatus = .notStarted, note: String? = nil, time: TaskTime? = nil,
        afterTaskId: Int64? = nil, version: Int = 1
    ) {
        self.id = id
        self.version = version
        self.planId = planId
        self.title = title
        self.kind = kind
        self.owner = owner
        self.ownerWorkerId = ownerWorkerId
        self.dueDate = dueDate
        self.status = status
        self.note = note
        self.time = time
        self.afterTaskId = afterTaskId
    }

    public func isOverdue(on date: CalendarDate) -> Bool {
        guard let due = dueDate, status.isOpen else { return false }
        return due < date
    }
}

/// Who carries a plan task.
public enum TaskOwner: String, Codable, CaseIterable, Sendable {
    case calworks, childWelfare, family, provider

    public var displayName: String {
        switch self {
        case .calworks: return "CalWORKs"
        case .childWelfare: return "Child Welfare"
        case .family: return "Family"
        case .provider: return "Provider"
        }
    }

    /// The program that carries the task, when a program does.
    public var program: Program? {
        switch self {
        case .calworks: return .calworks
        case .childWelfare: return .childWelfare
        case .family, .provider: return nil
        }
    }
}

public enum TaskStatus: String, Codable, CaseIterable, Sendable {
    case notStarted, inProgress, done, cancelled

    public var displayName: String {
        switch self {
        case .notStarted: return "not started"
        case .inProgress: return "in progress"
        case .done: return "done"
        case .cancelled: return "cancelled"
        }
    }

    public var isOpen: Bool { self == .notStarted || self == .inProgress }
}
