/// A household's (or one person's) involvement in one program component, with its dates.
///
/// A CalWORKs case in CalSAWS or a referral or case in CWS/CMS becomes one involvement per
/// component: a family on cash aid and in Welfare-to-Work has two.
public struct Involvement: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var householdId: Int64
    /// Nil when the involvement is the whole household's (a CalWORKs case); set for one person
    /// (a child in Family Reunification).
    public var personId: Int64?
    public var component: ServiceComponent
    public var status: InvolvementStatus
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    /// The case number (CalSAWS) or the referral / case id (CWS/CMS) in the source system.
    public var sourceCaseId: String?
    /// The assigned worker, when known.
    public var workerId: Int64?
    /// A parent's standing in Welfare-to-Work, when the extract gives it (WTW only).
    public var welfareToWorkStatus: WelfareToWorkStatus?

    public init(
        id: Int64? = nil, householdId: Int64, personId: Int64? = nil, component: ServiceComponent,
        status: InvolvementStatus, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil,
        sourceCaseId: String? = nil, workerId: Int64? = nil, welfareToWorkStatus: WelfareToWorkStatus? = nil
    ) {
        self.id = id
        self.householdId = householdId
        self.personId = personId
        self.component = component
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.sourceCaseId = sourceCaseId
        self.workerId = workerId
        self.welfareToWorkStatus = welfareToWorkStatus
    }

    public var program: Program { component.program }

    /// True when the involvement is pending or open on `date` (not closed, not ended before it,
    /// not starting after it).
    public func isCurrent(on date: CalendarDate) -> Bool {
        guard status != .closed else { return false }
        if let start = startDate, start > date { return false }
        if let end = endDate, end < date { return false }
        return true
    }
}
