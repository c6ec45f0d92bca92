import Foundation
import GRDB
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import PropertyBased
import PropertyTesting
import Testing

/// Extracts and column maps after a spreadsheet has been at them: the files under
/// Spreadsheets/ were saved by LibreOffice (see its README), and Excel's ways are rebuilt by hand.
@Suite("Extracts and maps from spreadsheets")
struct SpreadsheetImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spreadsheets")

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.folder.appendingPathComponent(name))
    }

    func importing(_ data: Data, into database: AppDatabase, file: String = "extract.csv", map: ColumnMap = ColumnMap()) throws -> ImportReport {
        try database.importExtract(data, options: ImportOptions(program: .calworks, file: file, columnMap: map), at: Fixtures.now)
    }

    func failure(_ data: Data, into database: AppDatabase? = nil, file: String = "extract.csv", map: ColumnMap = ColumnMap()) throws -> String {
        let database = try database ?? Fixtures.emptyDatabase().0
        do {
            _ = try importing(data, into: database, file: file, map: map)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("LibreOffice's re-save of last month's extract: each id, ZIP and SSN that lost its leading zeros is named, and nothing is added twice")
    func lostZeros() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(try fixture("calworks-original.csv"), into: database, file: "calworks-original.csv")
        let people = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") }
        let message = try failure(try fixture("calworks-libreoffice.csv"), into: database, file: "calworks-libreoffice.csv")
        #expect(message.hasPrefix("2 bad rows (one bad row rejects the file); nothing was imported:"), "\(message)")
        #expect(message.contains("line 2, column person_id: '12345' is the id '0012345' already stored, without its leading zeros"))
        #expect(message.contains("line 2, column case_number: '123456789' is the id '000123456789' already stored"))
        #expect(message.contains("line 2, column zip: '1234' is not a ZIP code: it has 4 digits, not 5; if it began with 0"))
        #expect(!message.contains("column ssn"), "LibreOffice kept the SSN written with dashes as text")
        #expect(message.contains("line 3, column person_id: '12346' is the id '0012346' already stored"))
        #expect(message.contains("formatted as Text"))
        #expect(!message.contains("line 4"), "the twelve-digit id LibreOffice kept whole is fine")
        #expect(try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") } == people)
    }

    @Test("Excel's CSV UTF-8: the byte-order mark and CRLF are read, and ids shortened to scientific notation are named")
    func scientificNotation() throws {
        let message = try failure(try fixture("calworks-excel.csv"))
        #expect(message.contains("line 4, column person_id: '1.23457E+11' is a number a spreadsheet shortened to scientific notation, and the id is lost"),
                "\(message)")
        #expect(message.contains("line 4, column case_number: '9.87654E+11' is a number a spreadsheet shortened"))
        #expect(!message.contains("first_name") && !message.contains("is not a Linkages column"), "the header reads cleanly")
    }

    @Test("rows of empty cells below the data are skipped and counted, not a reason to refuse the file")
    func emptyRows() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        let report = try importing(try fixture("calworks-libreoffice-empty-rows.csv"), into: database)
        #expect(report.rows == 1 && report.emptyRowsSkipped == 3 && report.skipped.isEmpty)
        #expect(try database.searchFamilies("josé núñez", on: Fixtures.today).count == 1)
        // Excel's trailing rows may be narrower or wider than the header, or hold spaces.
        let excel = Data("person_id,case_number,last_name\r\nP1,C1,Cruz\r\n,,\r\n, ,,\r\n,\r\n".utf8)
        #expect(try importing(excel, into: try Fixtures.emptyDatabase().0).emptyRowsSkipped == 3)
    }

    @Test("a file separated by semicolons, saved as UTF-16 or as Windows-1252 is told how to save it")
    func wrongFormats() throws {
        let semicolons = try failure(try fixture("calworks-libreoffice-semicolons.csv"), file: "semi.csv")
        #expect(semicolons == "semi.csv: the header is one field with semicolons in it, so the file is separated by semicolons, not commas "
            + "(as Excel saves “CSV” where the comma is the decimal mark); save it again as “CSV UTF-8 (Comma delimited) (*.csv)”, "
            + "or in LibreOffice as Text CSV with the comma as field delimiter; nothing was imported")
        let unicode = try failure(try fixture("calworks-libreoffice-unicode.txt"), file: "unicode.txt")
        #expect(unicode.hasPrefix("unicode.txt, line 1, position 1: the file is saved as UTF-16 (Excel's “Unicode Text”); save it again as “CSV UTF-8"),
                "\(unicode)")
        let latin = try failure(try fixture("calworks-libreoffice-latin1.csv"), file: "latin.csv")
        #expect(latin.contains("latin.csv, line 2, position 10: field 3 has the byte 0xE9, which is not UTF-8"), "\(latin)")
        #expect(latin.contains("Windows-1252"))
    }

    @Test("a header naming a column twice, or a map reading one column into two fields, is refused")
    func ambiguousHeaders() throws {
        let twice = Data("person_id,case_number,last_name,Person_ID \nP1,C1,Cruz,P2\n".utf8)
        #expect(try failure(twice) == "extract.csv: the header has 'person_id' twice (columns 1 and 4); rename or remove one, "
            + "so that person_id is read from one column; nothing was imported")
        #expect(throws: ExtractError.mapFile("m, line 2: 'name' is already mapped to first_name on line 1; one county column can fill only one Linkages column")) {
            try ColumnMap.parse("first_name = NAME\nlast_name = name\n", file: "m")
        }
        let named = Data("person_id,case_number,first_name,last_name\nP1,C1,Ana,Cruz\n".utf8)
        let map = ColumnMap(renames: [.firstName: "last_name"])
        #expect(try failure(named, map: map) == "extract.csv: column 'last_name' would be read as both first_name and last_name; "
            + "map one of them to another column; nothing was imported")
    }

    /// A map as someone might write it, one mapping per line.
    static let mappings = Gen.int(in: 0...(ExtractColumn.allCases.count - 1)).array(of: 1...8).map { picks in
        Array(Set(picks)).sorted().map { (ExtractColumn.allCases[$0], "THEIR_\(ExtractColumn.allCases[$0].rawValue.uppercased()) COL") }
    }

    @Test("a map file reads the same with LF, CRLF or CR line ends, a byte-order mark, trailing spaces, comments and blank lines")
    func mapFilesAnySaving() throws {
        let variants = Gen.int(in: 0...255).array(of: 12)
        forAll(zip(Self.mappings, variants), count: 400) { (mappings: [(ExtractColumn, String)], choices: [Int]) in
            let clean = mappings.map { "\($0.0.rawValue) = \($0.1)" }.joined(separator: "\n")
            let ending = ["\n", "\r\n", "\r"][choices[0] % 3]
            let lines = mappings.enumerated().map { index, mapping in
                let pad = [" ", "\t", "  ", "\u{00A0}"][choices[(index + 1) % 12] % 4]
                let comment = choices[(index + 2) % 12] % 3 == 0 ? "  # from the county's data dictionary" : ""
                return "\(pad)\(mapping.0.rawValue)\(pad)=\(pad)\(mapping.1)\(comment)\(pad)"
            }
            var text = (["# CalSAWS extract map", ""] + lines + [""]).joined(separator: ending)
            if choices[1] % 2 == 0 { text = "\u{FEFF}" + text }
            do {
                #expect(try ColumnMap.parse(text, file: "m") == ColumnMap.parse(clean, file: "m"), "\(text.debugDescription)")
            } catch {
                Issue.record("\(error) reading \(text.debugDescription)")
            }
        }
    }

    @Test("a header in any order, case and spacing finds each column; a column named twice never resolves")
    func headersAnyOrder() throws {
        let columns = ExtractColumn.columns(for: .calworks)
        forAll(Gen.int(in: 0...1_000_000).array(of: columns.count + 2), count: 300) { noise in
            var header = columns.enumerated().sorted { noise[$0.offset] < noise[$1.offset] }.map(\.element)
            let spelled = header.enumerated().map { index, column in
                let name = noise[index] % 2 == 0 ? column.rawValue.uppercased() : column.rawValue
                return noise[index] % 3 == 0 ? " \(name) " : name
            }
            do {
                let resolved = try ColumnMap().resolve(header: spelled, program: .calworks, file: "f")
                for column in columns { #expect(resolved.columns[column] == header.firstIndex(of: column)) }
            } catch {
                Issue.record("\(error) for \(spelled)")
            }
            let doubled = header[noise[columns.count] % header.count]
            header.insert(doubled, at: noise[columns.count + 1] % (header.count + 1))
            #expect(throws: ExtractError.self) {
                try ColumnMap().resolve(header: header.map(\.rawValue), program: .calworks, file: "f")
            }
        }
    }

    @Test("ids written as decimals, with a comma decimal mark, or with fewer leading zeros than stored are named too")
    func moreSpreadsheetShapes() throws {
        let (database, _) = try Fixtures.emptyDatabase()
        _ = try importing(Data("person_id,case_number,last_name\n0042,000789,Cruz\n".utf8), into: database)
        let message = try failure(Data("person_id,case_number,last_name\n123456789012.0,C1,Ortiz\n\"1,23457E+11\",C2,Lee\n042,00789,Cruz\n".utf8),
                                  into: database)
        #expect(message.contains("line 2, column person_id: '123456789012.0' is an id a spreadsheet wrote as a number with decimals"), "\(message)")
        #expect(message.contains("line 3, column person_id: '1,23457E+11' is a number a spreadsheet shortened to scientific notation"))
        #expect(message.contains("line 4, column person_id: '042' differs from the id '0042' already stored only in its leading zeros"))
        #expect(message.contains("line 4, column case_number: '00789' differs from the id '000789' already stored only in its leading zeros"))
    }
}
