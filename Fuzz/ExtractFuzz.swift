import Foundation

/// libFuzzer harness: an extract as a county might send it, read the way `linkages import` reads
/// it (CSVReader, the header resolved to columns, every row through ExtractRowReader). The first
/// byte chooses the program. Any crash, hang or sanitizer report is a bug; errors are answers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let program: Program = bytes[0] & 1 == 0 ? .calworks : .childWelfare
    let reader = CSVReader(data: Data(bytes: bytes + 1, count: count - 1), file: "fuzz.csv")
    do {
        guard let header = try reader.next() else { return 0 }
        let columns = try ColumnMap().resolve(header: header.fields, program: program, file: "fuzz.csv").columns
        while let record = try reader.next() {
            guard record.fields.count == header.fields.count else { continue }
            _ = ExtractRowReader.read({ column in columns[column].map { record.fields[$0] } ?? "" }, program: program)
        }
    } catch {}
    return 0
}
