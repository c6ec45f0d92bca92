import Foundation
import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesCSV

@Suite("Reading CSV extracts")
struct CSVReaderTests {
    func read(_ text: String, maxFieldLength: Int = 1_000) throws -> [CSVRecord] {
        try CSVReader(data: Data(text.utf8), file: "x.csv", maxFieldLength: maxFieldLength).readAll()
    }

    func error(_ bytes: [UInt8], maxFieldLength: Int = 1_000) -> String {
        do {
            _ = try CSVReader(data: Data(bytes), file: "x.csv", maxFieldLength: maxFieldLength).readAll()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func error(_ text: String, maxFieldLength: Int = 1_000) -> String {
        error(Array(text.utf8), maxFieldLength: maxFieldLength)
    }

    @Test("fields, quotes, doubled quotes, commas and line breaks inside quotes")
    func quoting() throws {
        let records = try read("a,b,c\n1,\"José, Jr.\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "José, Jr.", "say \"hi\""], ["2", "two\nlines", ""]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("CRLF, a UTF-8 byte-order mark, blank lines and a missing last newline")
    func lineEnds() throws {
        let records = try CSVReader(data: Data([0xEF, 0xBB, 0xBF] + Array("id,name\r\n\r\n7,Núñez\r\n8,\"A\r\nB\"".utf8)), file: "x.csv").readAll()
        #expect(records.map(\.fields) == [["id", "name"], ["7", "Núñez"], ["8", "A\r\nB"]])
        #expect(records.map(\.line) == [1, 3, 4])
    }

    @Test("spaces are kept exactly")
    func keepsSpaces() throws {
        #expect(try read(" a , b ,\" c \"\n").first?.fields == [" a ", " b ", " c "])
    }

    @Test("each malformed record is reported with its line and position")
    func errors() {
        #expect(error("a,b\n1,\"open\n2,3\n") == "x.csv, line 2, position 3: field 2 opens a quote that is never closed")
        #expect(error("a,b\n1,say \"hi\"\n") == "x.csv, line 2, position 7: field 2 has a quote inside it; a field with quotes must be in quotes, with each quote doubled")
        #expect(error("a,b\n\"x\"y,2\n") == "x.csv, line 2, position 4: field 1 has text after its closing quote")
        #expect(error(Array("a,b\n1,x".utf8) + [0] + Array("y\n".utf8)) == "x.csv, line 2, position 4: the file has a NUL byte here; it is not a text file, or it is damaged")
        #expect(error(Array("a,b\n1,Jos".utf8) + [0xE9] + Array("\n".utf8)) == "x.csv, line 2, position 6: field 2 has the byte 0xE9, which is not UTF-8 (the file is most likely saved as Windows-1252 or Latin-1); save it again as “CSV UTF-8 (Comma delimited) (*.csv)”, or in LibreOffice as Text CSV with the character set Unicode (UTF-8)")
        #expect(error("a,b\n1," + String(repeating: "x", count: 10_000) + "\n") == "x.csv, line 2, position 3: field 2 is longer than 1000 characters")
        #expect(error("a\n\"" + String(repeating: "y", count: 2_000) + "\"\n") == "x.csv, line 2, position 1: field 1 is longer than 1000 characters")
    }

    @Test("any fields written by the writer read back the same")
    func roundTrip() {
        let field = Gen.oneOf(Gen.letterOrNumber, Gen.always(","), Gen.always("\""), Gen.always("\n"), Gen.always(" "),
                              Gen.always("é"), Gen.always("\r\n"), Gen.always("="))
            .string(of: 0...12)
        forAll(field.array(of: 1...6).array(of: 1...5)) { rows in
            let text = rows.map(CSVWriter.row).joined()
            let read = try? CSVReader(data: Data(text.utf8), file: "p.csv").readAll().map(\.fields)
            let expected = rows.filter { !($0.count == 1 && $0[0].isEmpty) }.map { $0.map(CSVWriter.neutralized) }
            #expect(read == expected)
        }
    }

    @Test("cells that a spreadsheet would run are neutralised")
    func formulaCells() {
        #expect(CSVWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVWriter.field("+1") == "'+1")
        #expect(CSVWriter.field("-2") == "'-2")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("José") == "José")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.row(["1", "x y", ""]) == "1,x y,\r\n")
    }
}
