import Foundation

/// libFuzzer harness: a `--map` file, parsed, then used to resolve a header made of its own lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzColumnMap(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    guard let map = try? ColumnMap.parse(text, file: "map.txt") else { return 0 }
    let header = text.split(whereSeparator: \.isNewline).map(String.init)
    for program in [Program.calworks, .childWelfare] {
        _ = try? map.resolve(header: header, program: program, file: "fuzz.csv")
    }
    return 0
}
