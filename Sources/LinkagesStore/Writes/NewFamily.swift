import Foundation
import LinkagesDomain

/// A family to add: its household records (one per source), their people and program
/// involvement, and the concerns recorded for it.
public struct NewFamily: Sendable {
    public var displayName: String
    public var households: [NewHousehold]
    public var concerns: [NewConcern]

    public init(displayName: String, households: [NewHousehold], concerns: [NewConcern] = []) {
        self.displayName = displayName
        self.households = households
        self.concerns = concerns
    }
}

/// One household record as a source keeps it, with its people and involvements.
public struct NewHousehold: Sendable {
    public var source: RecordSource
    public var sourceKey: String?
    public var street: String?
    public var city: String?
    public var zip: String?
    public var phone: String?
    public var office: String?
    /// People in the household; their `householdId` is filled in on insert.
    public var people: [Person]
    public var involvements: [NewInvolvement]

    public init(
        source: RecordSource, sourceKey: String? = nil, street: String? = nil, city: String? = nil,
        zip: String? = nil, phone: String? = nil, office: String? = nil, people: [Person],
        involvements: [NewInvolvement] = []
    ) {
        self.source = source
        self.sourceKey = sourceKey
        self.street = street
        self.city = city
        self.zip = zip
        self.phone = phone
        self.office = office
        self.people = people
        self.involvements = involvements
    }
}

/// A program involvement of a new household; `personIndex` points into its `people`.
public struct NewInvolvement: Sendable {
    public var personIndex: Int?
    public var component: ServiceComponent
    public var status: InvolvementStatus
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var sourceCaseId: String?
    public var workerId: Int64?
    public var welfareToWorkStatus: WelfareToWorkStatus?

    public init(
        personIndex: Int? = nil, component: ServiceComponent, status: InvolvementStatus,
        startDate: CalendarDate? = nil, endDate: CalendarDate? = nil, sourceCaseId: String? = nil,
        workerId: Int64? = nil, welfareToWorkStatus: WelfareToWorkStatus? = nil
    ) {
        self.personIndex = personIndex
        self.component = component
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.sourceCaseId = sourceCaseId
        self.workerId = workerId
        self.welfareToWorkStatus = welfareToWorkStatus
    }
}

public struct NewConcern: Sendable {
    public var kind: ConcernKind
    public var note: String?
    public var recordedById: Int64?
    /// When it was recorded, if not when the family is added (a demo family's history).
    public var recordedAt: Date?

    public init(_ kind: ConcernKind, note: String? = nil, recordedById: Int64? = nil, recordedAt: Date? = nil) {
        self.kind = kind
        self.note = note
        self.recordedById = recordedById
        self.recordedAt = recordedAt
    }
}

/// What was created for a new family: its id and the ids of its people, in the order given.
public struct AddedFamily: Sendable, Equatable {
    public var familyId: Int64
    public var householdIds: [Int64]
    /// `personIds[h][p]` is the id of person `p` of household `h`.
    public var personIds: [[Int64]]
}
