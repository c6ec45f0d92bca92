import Foundation

/// libFuzzer harness: a county's intake question file (Resources/intake/questions.json), loaded
/// and checked as Linkages does at start.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionBank(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? QuestionBank.load(Data(bytes: bytes, count: count), file: "questions.json")
    return 0
}
