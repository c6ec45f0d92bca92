import ArgumentParser
import Foundation
import LinkagesDemo
import LinkagesResources
import LinkagesStore
import LinkagesTUI

/// `linkages train`: a fresh training database, with a walkthrough panel beside the screens.
struct TrainCommand: DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Open a fresh training database with a guided walkthrough beside the screens.",
        discussion: """
            The training database is built fresh at --db when given, otherwise as training.sqlite \
            beside your real database; it never overwrites a database that holds real data. \
            Presenter keys: F8 next step, F7 back, F6 show me (Linkages presses the step's keys), \
            F9 reveal the next answer, F5 list of steps, F4 reset the database to the start. \
            See docs/trainer-guide.md.
            """)

    @OptionGroup var options: DatabaseOptions
    @ParentCommand var root: Linkages

    @Option(help: ArgumentHelp(
        "A walkthrough shipped with Linkages (\(TrainingScripts.bundledNames.joined(separator: ", "))) or the path of a script file.",
        valueName: "name-or-file"))
    var script = TrainingScripts.defaultName

    @Option(name: .customLong("as"), help: ArgumentHelp("Work as this demo worker.", valueName: "name"))
    var worker = DemoDatabase.trainer

    @Option(help: ArgumentHelp("Milliseconds between the keys F6 presses for the room (1 to 1000).", valueName: "ms"))
    var pace: Int32 = 12

    @Flag(help: "Check the script, say which steps are too long for an 80×24 window, and exit.")
    var check = false

    func run() throws {
        try Failure.reported {
            try Installed.refuse("build training databases")
            guard (1...1000).contains(pace) else { throw InputError("--pace must be between 1 and 1000 milliseconds, not \(pace)") }
            let walkthrough = try TrainingScripts.load(script)
            if check {
                print(TrainingScripts.report(walkthrough))
                return
            }
            let location = try DatabaseLocation.training(explicitPath: databasePath)
            let database = try DemoDatabase.build(at: location, on: Clock.today(), kind: .training)
            try database.actAs(workerNamed: worker, account: Account.current, at: Date())
            // The start a reset goes back to: after the worker is chosen, before anything else.
            let start = try database.trainingSnapshot()
            try Screens.run(on: database, location: location, walkthrough: walkthrough, paceMilliseconds: pace) {
                try database.restore(start)
            }
        }
    }
}

/// The walkthrough scripts: those in Resources/training/, or a file a trainer wrote.
enum TrainingScripts {
    static let defaultName = "sarahs-story"

    static var bundledNames: [String] {
        ((try? LinkagesResources.files(in: "training"))?.keys.map { ($0 as NSString).deletingPathExtension } ?? []).sorted()
    }

    /// A shipped script by name, or a script file by path.
    static func load(_ nameOrPath: String) throws -> Walkthrough {
        if bundledNames.contains(nameOrPath) {
            let name = nameOrPath + ".json"
            return try Walkthrough.load(LinkagesResources.data(name, in: "training"), file: "Resources/training/\(name)")
        }
        guard nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") else {
            throw InputError("there is no walkthrough named \(nameOrPath); the shipped ones are \(bundledNames.joined(separator: ", ")), or give the path of a script file")
        }
        guard let data = try WorkerFiles.read(nameOrPath) else { throw InputError("cannot read the script \(nameOrPath)") }
        return try Walkthrough.load(data, file: nameOrPath)
    }

    /// What `--check` prints: the script's steps, and any too long for 80×24.
    static func report(_ walkthrough: Walkthrough) -> String {
        let tooLong = walkthrough.stepsTooLong(for: Size(width: 80, height: 24))
        var lines = ["\(walkthrough.title): \(walkthrough.steps.count) steps, readable."]
        for step in tooLong {
            lines.append("  step “\(step.id)” is too long for an 80×24 window: shorten its text or answers")
        }
        if tooLong.isEmpty { lines.append("Every step fits an 80×24 window.") }
        return lines.joined(separator: "\n")
    }
}
