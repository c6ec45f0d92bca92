import Foundation

/// libFuzzer harness: a date as typed or exported (YYYY-MM-DD or MM/DD/YYYY). A date that parses
/// must print back to a date that parses to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    if case .success(let date) = CalendarDate.parse(text) {
        guard case .success(let again) = CalendarDate.parse(date.iso), again == date,
              case .success(let fromUS) = CalendarDate.parse(date.usFormat), fromUS == date else {
            fatalError("\(text) parsed to \(date), which does not read back")
        }
    }
    return 0
}
