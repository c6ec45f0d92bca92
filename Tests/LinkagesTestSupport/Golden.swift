import Foundation
import Testing

/// Compares text with a golden file beside the tests.
///
/// To record new goldens, run the tests with `LINKAGES_RECORD_GOLDENS=1`: the files are
/// written and the test fails anyway, so that nobody commits a golden without reading it.
public enum Golden {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LINKAGES_RECORD_GOLDENS"] == "1"
    }

    /// - Parameters:
    ///   - folder: the folder holding the goldens, as a path relative to the calling test file.
    public static func check(
        _ actual: String, named name: String, folder: String = "Goldens", testFile: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent(folder)
        let file = directory.appendingPathComponent(name)
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(file.path); read it, then run the tests again without LINKAGES_RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No golden file \(file.path); run with LINKAGES_RECORD_GOLDENS=1 to record it.\nActual:\n\(text)", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            Issue.record("""
                \(name) differs from its golden file \(file.path).
                Expected:
                \(expected)
                Actual:
                \(text)
                \(firstDifference(expected, text))
                """, sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.components(separatedBy: "\n")
        let right = actual.components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : "<none>"
            let b = index < right.count ? right[index] : "<none>"
            if a != b { return "First difference at line \(index + 1):\n- \(a)\n+ \(b)" }
        }
        return ""
    }
}
