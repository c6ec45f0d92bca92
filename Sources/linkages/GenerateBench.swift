import ArgumentParser
import Foundation
import LinkagesDemo

/// `linkages bench generate`: synthetic extracts with a truth file, for measuring the matcher.
struct GenerateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic CalWORKs and Child Welfare extracts and the truth of which rows are the same person.",
        discussion: """
            Writes calworks.csv, cws.csv and truth.csv (calworks_id,cws_id) in --out. The same \
            seed and date always give the same files.
            """)

    @OptionGroup var synthetic: SyntheticArguments

    @Option(help: ArgumentHelp("The folder to write to.", valueName: "folder"))
    var out = "."

    func run() throws {
        try Failure.reported {
            try Installed.refuse("run benchmarks")
            let folder = URL(fileURLWithPath: out)
            let summary = try synthetic.write(to: folder)
            print("Wrote \(summary.calworksRows.formatted()) CalWORKs rows, \(summary.childWelfareRows.formatted()) Child Welfare rows "
                  + "and \(summary.truePairs.formatted()) true pairs to \(folder.path)")
        }
    }
}

/// The generator's settings, shared by `bench generate` and `bench match`.
struct SyntheticArguments: ParsableArguments {
    @Option(help: "People in the CalWORKs extract.")
    var calworks = 10_000

    @Option(help: "People in the Child Welfare extract.")
    var cws = 2_000

    @Option(help: "The share of Child Welfare people who are also in CalWORKs.")
    var overlap = 0.3

    @Option(help: "The seed: the same seed gives the same files.")
    var seed: UInt64 = 1

    func validate() throws {
        guard calworks > 0, cws > 0 else { throw ValidationError("--calworks and --cws must be at least 1") }
        guard (0...1).contains(overlap) else { throw ValidationError("--overlap is a share between 0 and 1") }
    }

    /// Writes calworks.csv, cws.csv and truth.csv into `folder`.
    func write(to folder: URL) throws -> SyntheticSummary {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = try ExtractGenerator(seed: seed, today: Clock.today())
        let files = try ["calworks.csv", "cws.csv", "truth.csv"].map { try BufferedFile(folder.appendingPathComponent($0)) }
        let summary = generator.generate(
            SyntheticOptions(calworks: calworks, childWelfare: cws, overlap: overlap, seed: seed, today: Clock.today()),
            calworks: files[0].write, childWelfare: files[1].write, truth: files[2].write)
        for file in files { try file.close() }
        return summary
    }
}

/// A file written in large chunks.
final class BufferedFile {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
