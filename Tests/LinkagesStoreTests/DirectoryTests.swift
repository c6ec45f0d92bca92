import Foundation
import LinkagesResources
import LinkagesStore
import LinkagesTestSupport
import Testing

/// The community service directory from Open Referral HSDS files.
@Suite("Service directory")
struct DirectoryTests {
    func sample() throws -> [String: Data] {
        try LinkagesResources.files(in: "directory")
    }

    @Test("the sample directory imports whole and is searchable by name, service and city; inactive services are left out")
    func sampleImport() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let report = try database.importDirectory(files: try sample(), by: "tester", at: Fixtures.now)
        #expect(report == DirectoryImportReport(organizations: 9, services: 14, locations: 10, phones: 10))
        #expect(try database.searchDirectory("hope").map(\.serviceName) == ["Emergency rental help", "Rapid rehousing"])
        #expect(try database.searchDirectory("reedley").map(\.organizationName) == ["Mi Familia Counseling Clinic"])
        let shelter = try #require(try database.searchDirectory("shelter").first)
        #expect(shelter.phone == "559-555-0411" && shelter.cities == ["Fresno"], "a service's own phone before its organization's")
        #expect(try database.searchDirectory("camp").isEmpty, "inactive services are not offered")
        #expect(try database.searchDirectory("NUNEZ").isEmpty)
        #expect(try database.searchDirectory("familia counseling").first?.line
                == "Mi Familia Counseling Clinic: Family counseling (Sanger, Reedley, 559-555-0420)")
    }

    /// The sample with one file changed by `edit`.
    func broken(_ name: String, _ edit: (String) -> String) throws -> [String: Data] {
        var files = try sample()
        files[name] = Data(edit(String(decoding: files[name]!, as: UTF8.self)).utf8)
        return files
    }

    @Test("a bad file is refused with its file, line and column, and the directory stays as it was", arguments: [
        ("services.csv", "services.csv line 4, column organization_id: no row of organizations.csv has the id 'org-nowhere'"),
        ("organizations.csv", "organizations.csv line 1, column name: the header has no name column"),
        ("phones.csv", "phones.csv line 3, column id: 'ph-1' is used by an earlier row"),
        ("locations.csv", "locations.csv line 2: 3 fields where the header has 7"),
        ("addresses.csv", "addresses.csv line 3, column location_id: is empty; every row needs one"),
    ])
    func malformed(file: String, message: String) throws {
        let (database, _) = try Fixtures.emptyDatabase()
        try database.importDirectory(files: try sample(), by: "tester", at: Fixtures.now)
        let files = try broken(file) { text in
            var lines = text.components(separatedBy: "\n")
            switch file {
            case "services.csv": lines[3] = lines[3].replacingOccurrences(of: "org-harbor", with: "org-nowhere")
            case "organizations.csv": lines[0] = lines[0].replacingOccurrences(of: ",name,", with: ",title,")
            case "phones.csv": lines[2] = lines[2].replacingOccurrences(of: "ph-2", with: "ph-1")
            case "locations.csv": lines[1] = "loc-x,physical,"
            default: lines[2] = lines[2].replacingOccurrences(of: "loc-harbor", with: "")
            }
            return lines.joined(separator: "\n")
        }
        #expect(throws: DirectoryImportError.self) { try database.importDirectory(files: files, by: "tester", at: Fixtures.now) }
        do {
            try database.importDirectory(files: files, by: "tester", at: Fixtures.now)
        } catch let error as DirectoryImportError {
            #expect(error.description == message)
        }
        #expect(try database.searchDirectory("").count == 13, "the earlier directory is untouched")
    }

    @Test("a missing required file and a broken quote are named")
    func missingAndQuotes() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        var files = try sample()
        files["services.csv"] = nil
        #expect(throws: DirectoryImportError(file: "services.csv", line: 0, column: nil, reason: "the file is missing from the folder")) {
            try database.importDirectory(files: files, by: nil, at: Fixtures.now)
        }
        let quoted = try broken("organizations.csv") { $0 + "org-x,\"Unclosed name,,,,\n" }
        #expect {
            try database.importDirectory(files: quoted, by: nil, at: Fixtures.now)
        } throws: { error in
            (error as? DirectoryImportError).map { $0.file == "organizations.csv" && $0.line == 11 } ?? false
        }
    }
}
