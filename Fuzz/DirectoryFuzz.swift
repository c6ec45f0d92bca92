import Foundation

/// libFuzzer harness: an Open Referral HSDS folder, read and checked as `linkages directory
/// import` does before it writes. The input is the folder's files one after another, separated
/// by the byte 0x01: organizations, services, locations, addresses, phones.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirectory(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let names = ["organizations.csv", "services.csv", "locations.csv", "addresses.csv", "phones.csv"]
    let parts = UnsafeBufferPointer(start: bytes, count: count).split(separator: 1, omittingEmptySubsequences: false)
    var files: [String: Data] = [:]
    for (name, part) in zip(names, parts) { files[name] = Data(part) }
    _ = try? HSDSDirectory.read(files)
    return 0
}
