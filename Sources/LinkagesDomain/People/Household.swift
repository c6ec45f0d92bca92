import Foundation

/// A household as one source records it: a CalWORKs case (CalSAWS), a Child Welfare referral
/// or case (CWS/CMS), or a family entered at a Linkages intake.
///
/// Households that are the same family are grouped under one ``Family``; the records themselves
/// stay as each program keeps them.
public struct Household: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    public var familyId: Int64
    public var source: RecordSource
    /// The CalSAWS case number or the CWS/CMS referral or case id; nil for an intake.
    public var sourceKey: String?
    public var street: String?
    public var city: String?
    public var zip: String?
    public var phone: String?
    /// The county office that holds the record.
    public var office: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, familyId: Int64, source: RecordSource, sourceKey: String? = nil,
        street: String? = nil, city: String? = nil, zip: String? = nil, phone: String? = nil,
        office: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.familyId = familyId
        self.source = source
        self.sourceKey = sourceKey
        self.street = street
        self.city = city
        self.zip = zip
        self.phone = phone
        self.office = office
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// "1420 Alder St, Fresno 93701".
    public var addressLine: String? {
        let cityZip = [city, zip].compactMap { $0 }.joined(separator: " ")
        let parts = [street, cityZip.isEmpty ? nil : cityZip].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

/// A family as Linkages knows it: one or more linked household records, from either program
/// or from an intake. Referrals, concerns and joint case plans belong to the family.
public struct Family: Identifiable, Hashable, Codable, Sendable {
    public var id: Int64?
    /// The name workers call the family by ("Mitchell, Sarah").
    public var displayName: String
    public var createdAt: Date

    public init(id: Int64? = nil, displayName: String, createdAt: Date) {
        self.id = id
        self.displayName = displayName
        self.createdAt = createdAt
    }
}
