import Foundation
import GRDB
import LinkagesDomain

/// One service a provider offers, as a worker chooses among them for a referral.
public struct DirectoryEntry: Equatable, Sendable {
    public var serviceId: String
    public var serviceName: String
    public var organizationName: String
    public var description: String?
    public var cities: [String]
    public var phone: String?

    /// "Hope Housing Collaborative: Emergency rental help (Fresno, 559-555-0400)".
    public var line: String {
        var details = cities
        if let phone { details.append(phone) }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        return "\(organizationName): \(serviceName)\(suffix)"
    }

    var searchText: String {
        ([serviceName, organizationName, description ?? ""] + cities).joined(separator: " ")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// What an HSDS directory import did.
public struct DirectoryImportReport: Equatable, Sendable {
    public var organizations = 0
    public var services = 0
    public var locations = 0
    public var phones = 0

    public init(organizations: Int = 0, services: Int = 0, locations: Int = 0, phones: Int = 0) {
        self.organizations = organizations
        self.services = services
        self.locations = locations
        self.phones = phones
    }
}

extension AppDatabase {
    /// Replaces the service directory with the Open Referral HSDS files in `folder`
    /// (organizations.csv and services.csv required; locations.csv, addresses.csv or
    /// physical_addresses.csv, and phones.csv when present), all in one transaction: a bad file
    /// leaves the directory as it was.
    @discardableResult
    public func importDirectory(
        files: [String: Data], by account: String?, at time: Date
    ) throws -> DirectoryImportReport {
        let directory = try HSDSDirectory.read(files)
        return try write { db in
            try db.execute(sql: "DELETE FROM directoryPhone; DELETE FROM directoryService; DELETE FROM directoryLocation; DELETE FROM directoryOrganization")
            for organization in directory.organizations {
                try db.execute(sql: "INSERT INTO directoryOrganization(id, name, description, email, website) VALUES (?, ?, ?, ?, ?)",
                               arguments: [organization.id, organization.name, organization.description, organization.email,
                                           organization.website])
            }
            for service in directory.services {
                try db.execute(sql: "INSERT INTO directoryService(id, organizationId, name, description, status) VALUES (?, ?, ?, ?, ?)",
                               arguments: [service.id, service.organizationId, service.name, service.description, service.status])
            }
            for location in directory.locations {
                try db.execute(
                    sql: "INSERT INTO directoryLocation(id, organizationId, name, street, city, postalCode) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [location.id, location.organizationId, location.name, location.street, location.city, location.postalCode])
            }
            for phone in directory.phones {
                try db.execute(
                    sql: "INSERT INTO directoryPhone(id, organizationId, serviceId, locationId, number) VALUES (?, ?, ?, ?, ?)",
                    arguments: [phone.id, phone.organizationId, phone.serviceId, phone.locationId, phone.number])
            }
            let report = DirectoryImportReport(organizations: directory.organizations.count, services: directory.services.count,
                                               locations: directory.locations.count, phones: directory.phones.count)
            if let account {
                try AuditTrail.append(AuditEntry(account: account, action: .importExtract,
                                                 detail: "service directory: \(report.organizations) organizations, \(report.services) services"),
                                      at: time, in: db)
            }
            return report
        }
    }

    /// Active services whose provider, name, description or city contain every word of
    /// `text` (accents and case ignored), best first: a match in the name before one elsewhere.
    public func searchDirectory(_ text: String, limit: Int = 20) throws -> [DirectoryEntry] {
        let words = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let entries = try writer.read { db in try Self.directoryEntries(db) }
        let matching = entries.filter { entry in words.allSatisfy { entry.searchText.contains($0) } }
        func nameHits(_ entry: DirectoryEntry) -> Int {
            let name = (entry.organizationName + " " + entry.serviceName).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return words.filter { name.contains($0) }.count
        }
        return Array(matching.sorted { (nameHits($0), $1.organizationName) > (nameHits($1), $0.organizationName) }.prefix(limit))
    }

    static func directoryEntries(_ db: Database) throws -> [DirectoryEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.name, s.description, o.name AS organization,
                   (SELECT group_concat(DISTINCT l.city) FROM directoryLocation l WHERE l.organizationId = o.id AND l.city IS NOT NULL) AS cities,
                   coalesce((SELECT number FROM directoryPhone p WHERE p.serviceId = s.id LIMIT 1),
                            (SELECT number FROM directoryPhone p WHERE p.organizationId = o.id LIMIT 1)) AS phone
            FROM directoryService s JOIN directoryOrganization o ON o.id = s.organizationId
            WHERE coalesce(s.status, 'active') NOT IN ('inactive', 'defunct')
            ORDER BY o.name, s.name
            """)
        return rows.map { row in
            DirectoryEntry(
                serviceId: row["id"], serviceName: row["name"], organizationName: row["organization"],
                description: row["description"],
                cities: (row["cities"] as String?).map { $0.split(separator: ",").map(String.init) } ?? [],
                phone: row["phone"])
        }
    }
}
