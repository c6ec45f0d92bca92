import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesStore

/// How long F4 takes in `linkages train`: the training database put back from its snapshot
/// after a walkthrough's worth of changes.
struct TrainingResetBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-reset",
        abstract: "Time resetting a training database to its start.")

    @Option(help: "How many resets to time.")
    var runs = 20

    @OptionGroup var scratchFolder: BenchScratch

    func run() throws {
        try scratchFolder.run { scratch in
            let path = scratch.appendingPathComponent("training.sqlite").path
            let today = Clock.today()
            let database = try DemoDatabase.build(at: DatabaseLocation(path: path, isDefault: false), on: today, kind: .training)
            let trainer = try database.actAs(workerNamed: DemoDatabase.trainer, account: "bench", at: Date())
            let policy = AccessPolicy(viewer: trainer, isPracticeData: true, today: today)
            guard let sarah = try database.searchFamilies("Sarah Mitchell", on: today).first else {
                throw InputError("the training database has no Sarah Mitchell")
            }
            let start = try database.trainingSnapshot()
            var samples: [Double] = []
            for run in 0..<runs {
                // Something to undo, as in a walkthrough: a staffing and a plan.
                try database.recordStaffing(familyId: sarah.id, minutes: "Bench run \(run).", for: policy, at: Date())
                _ = try database.savePlan(familyId: sarah.id, goals: "Bench run \(run).", leadWorkerId: nil, for: policy, at: Date())
                let began = DispatchTime.now().uptimeNanoseconds
                try database.restore(start)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1_000_000)
            }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            samples.sort()
            print("Training database: \(size / 1024) KiB; \(runs) resets")
            print(String(format: "reset: median %.1f ms, slowest %.1f ms", samples[samples.count / 2], samples.last ?? 0))
        }
    }
}
