import Foundation

/// libFuzzer harness: a trainer's walkthrough script (Resources/training/*.json), loaded and
/// checked as `linkages train` does, then every step's keys played on days around a year's turn
/// and a leap day, as the presenter's "show me" key would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWalkthrough(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let walkthrough = try? Walkthrough.load(Data(bytes: bytes, count: count), file: "walkthrough.json") else { return 0 }
    for step in walkthrough.steps {
        for day in ["2026-12-31", "2028-02-29"] {
            _ = step.play?.keys(today: CalendarDate(day)!)
        }
    }
    return 0
}
