import Foundation
import GRDB
import LinkagesCSV
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

/// A directory file that cannot be imported: which file, line and column, and why.
public struct DirectoryImportError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: String?
    public var reason: String

    public init(file: String, line: Int, column: String?, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        "\(file) line \(line)\(column.map { ", column \($0)" } ?? ""): \(reason)"
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
        let tables = try HSDSTables(files: files)
        return try writer.write { db in
            try db.execute(sql: "DELETE FROM directoryPhone; DELETE FROM directoryService; DELETE FROM directoryLocation; DELETE FROM directoryOrganization")
            var report = DirectoryImportReport()
            let organizations = try tables.rows("organizations.csv", required: ["id", "name"])
            var organizationIds = Set<String>()
            for row in organizations {
                let id = try row.unique("id", in: &organizationIds)
                try db.execute(sql: "INSERT INTO directoryOrganization(id, name, description, email, website) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, try row.required("name"), row["description"], row["email"], row["website"] ?? row["url"]])
                report.organizations += 1
            }
            var serviceIds = Set<String>()
            for row in try tables.rows("services.csv", required: ["id", "organization_id", "name"]) {
                let id = try row.unique("id", in: &serviceIds)
                let organization = try row.reference("organization_id", to: organizationIds, in: "organizations.csv")
                try db.execute(sql: "INSERT INTO directoryService(id, organizationId, name, description, status) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, organization, try row.required("name"), row["description"], row["status"]])
                report.services += 1
            }
            let locations = tables.has("locations.csv") ? try tables.rows("locations.csv", required: ["id"]) : []
            let locationIds = Set(locations.compactMap { $0["id"] })
            var addresses: [String: HSDSRow] = [:]
            for name in ["addresses.csv", "physical_addresses.csv"] where tables.has(name) {
                for row in try tables.rows(name, required: ["location_id"]) {
                    let location = try row.reference("location_id", to: locationIds, in: "locations.csv")
                    if addresses[location] == nil { addresses[location] = row }
                }
            }
            if !locations.isEmpty {
                var seenLocations = Set<String>()
                for row in locations {
                    let id = try row.unique("id", in: &seenLocations)
                    let organization = try row.optionalReference("organization_id", to: organizationIds, in: "organizations.csv")
                    let address = addresses[id]
                    try db.execute(
                        sql: "INSERT INTO directoryLocation(id, organizationId, name, street, city, postalCode) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [id, organization, row["name"], address?["address_1"], address?["city"], address?["postal_code"]])
                    report.locations += 1
                }
            }
            if tables.has("phones.csv") {
                var phoneIds = Set<String>()
                for row in try tables.rows("phones.csv", required: ["id", "number"]) {
                    let id = try row.unique("id", in: &phoneIds)
                    try db.execute(
                        sql: "INSERT INTO directoryPhone(id, organizationId, serviceId, locationId, number) VALUES (?, ?, ?, ?, ?)",
                        arguments: [id, try row.optionalReference("organization_id", to: organizationIds, in: "organizations.csv"),
                                    try row.optionalReference("service_id", to: serviceIds, in: "services.csv"),
                                    try row.optionalReference("location_id", to: locationIds, in: "locations.csv"),
                                    try row.required("number")])
                    report.phones += 1
                }
            }
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

/// The HSDS files of one import, read with their headers.
struct HSDSTables {
    let files: [String: Data]

    init(files: [String: Data]) throws {
        for required in ["organizations.csv", "services.csv"] where files[required] == nil {
            throw DirectoryImportError(file: required, line: 0, column: nil, reason: "the file is missing from the folder")
        }
        self.files = files
    }

    func has(_ name: String) -> Bool { files[name] != nil }

    /// Every row of `name` keyed by its header, after checking that the `required` columns exist.
    func rows(_ name: String, required: [String]) throws -> [HSDSRow] {
        let reader = CSVReader(data: files[name] ?? Data(), file: name, maxFieldLength: 20_000)
        do {
            guard let header = try reader.next() else {
                throw DirectoryImportError(file: name, line: 1, column: nil, reason: "the file is empty; it needs a header line")
            }
            let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for column in required where !columns.contains(column) {
                throw DirectoryImportError(file: name, line: 1, column: column, reason: "the header has no \(column) column")
            }
            var rows: [HSDSRow] = []
            while let record = try reader.next() {
                if record.fields.allSatisfy({ $0.isEmpty }) { continue }
                guard record.fields.count == columns.count else {
                    throw DirectoryImportError(file: name, line: record.line, column: nil,
                                               reason: "\(record.fields.count) fields where the header has \(columns.count)")
                }
                rows.append(HSDSRow(file: name, line: record.line, values: Dictionary(zip(columns, record.fields)) { first, _ in first }))
            }
            return rows
        } catch let error as CSVError {
            throw DirectoryImportError(file: name, line: error.line, column: nil, reason: error.reason)
        }
    }
}

/// One row of an HSDS file, with what it takes to say exactly where a problem is.
struct HSDSRow {
    let file: String
    let line: Int
    let values: [String: String]

    subscript(_ column: String) -> String? {
        let value = values[column]?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    func required(_ column: String) throws -> String {
        guard let value = self[column] else {
            throw DirectoryImportError(file: file, line: line, column: column, reason: "is empty; every row needs one")
        }
        return value
    }

    func unique(_ column: String, in seen: inout Set<String>) throws -> String {
        let value = try required(column)
        guard seen.insert(value).inserted else {
            throw DirectoryImportError(file: file, line: line, column: column, reason: "'\(value)' is used by an earlier row")
        }
        return value
    }

    func reference(_ column: String, to ids: Set<String>, in other: String) throws -> String {
        let value = try required(column)
        guard ids.contains(value) else {
            throw DirectoryImportError(file: file, line: line, column: column, reason: "no row of \(other) has the id '\(value)'")
        }
        return value
    }

    func optionalReference(_ column: String, to ids: Set<String>, in other: String) throws -> String? {
        guard self[column] != nil else { return nil }
        return try reference(column, to: ids, in: other)
    }
}
