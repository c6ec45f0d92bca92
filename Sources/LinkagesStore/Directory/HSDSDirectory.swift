import Foundation
#if canImport(LinkagesCSV)
import LinkagesCSV
#endif
// (Fuzz/run.sh compiles this file into one module with the CSV reader, hence the condition.)

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

/// An Open Referral HSDS directory read from its files and checked (required columns, unique
/// ids, references between the files) before anything is written: organizations.csv and
/// services.csv are required; locations.csv, addresses.csv or physical_addresses.csv, and
/// phones.csv are read when present.
struct HSDSDirectory {
    struct Organization { var id, name: String; var description, email, website: String? }
    struct Service { var id, organizationId, name: String; var description, status: String? }
    struct Location { var id: String; var organizationId, name, street, city, postalCode: String? }
    struct Phone { var id: String; var organizationId, serviceId, locationId: String?; var number: String }

    var organizations: [Organization] = []
    var services: [Service] = []
    var locations: [Location] = []
    var phones: [Phone] = []

    static func read(_ files: [String: Data]) throws -> HSDSDirectory {
        let tables = try HSDSTables(files: files)
        var directory = HSDSDirectory()
        var organizationIds = Set<String>()
        for row in try tables.rows("organizations.csv", required: ["id", "name"]) {
            directory.organizations.append(Organization(
                id: try row.unique("id", in: &organizationIds), name: try row.required("name"), description: row["description"],
                email: row["email"], website: row["website"] ?? row["url"]))
        }
        var serviceIds = Set<String>()
        for row in try tables.rows("services.csv", required: ["id", "organization_id", "name"]) {
            directory.services.append(Service(
                id: try row.unique("id", in: &serviceIds),
                organizationId: try row.reference("organization_id", to: organizationIds, in: "organizations.csv"),
                name: try row.required("name"), description: row["description"], status: row["status"]))
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
        var seenLocations = Set<String>()
        for row in locations {
            let id = try row.unique("id", in: &seenLocations)
            let address = addresses[id]
            directory.locations.append(Location(
                id: id, organizationId: try row.optionalReference("organization_id", to: organizationIds, in: "organizations.csv"),
                name: row["name"], street: address?["address_1"], city: address?["city"], postalCode: address?["postal_code"]))
        }
        if tables.has("phones.csv") {
            var phoneIds = Set<String>()
            for row in try tables.rows("phones.csv", required: ["id", "number"]) {
                directory.phones.append(Phone(
                    id: try row.unique("id", in: &phoneIds),
                    organizationId: try row.optionalReference("organization_id", to: organizationIds, in: "organizations.csv"),
                    serviceId: try row.optionalReference("service_id", to: serviceIds, in: "services.csv"),
                    locationId: try row.optionalReference("location_id", to: locationIds, in: "locations.csv"),
                    number: try row.required("number")))
            }
        }
        return directory
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
