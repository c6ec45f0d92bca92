import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesResources
import LinkagesStore
import LinkagesTUI

/// Shared test fixtures: a fixed date and databases in temporary folders.
public enum Fixtures {
    /// Every test runs on this day, so that ages, due dates and goldens never drift.
    public static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A fixed moment on `today` (10:00 in the machine's time zone) for clocks counted in hours.
    public static let now = today.instant(hour: 10)

    /// The screens' default test worker: a trainer, who sees every record of practice data.
    public static let trainer = Worker(
        id: 9_999, account: "tester", name: "Tess Trainer", program: .calworks, office: "Central", role: .trainer)

    /// The question bank in Resources/intake.
    public static let questionBank: QuestionBank = try! QuestionBank.load(
        LinkagesResources.data("questions.json", in: "intake"), file: "Resources/intake/questions.json")

    public static let staffingWeights: StaffingWeights = try! LinkagesResources.decode(
        StaffingWeights.self, from: "weights.json", in: "staffing")

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("linkages-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An empty database file in a temporary folder.
    public static func emptyDatabase() throws -> (AppDatabase, DatabaseLocation) {
        let location = DatabaseLocation(path: try temporaryFolder().appendingPathComponent("test.sqlite").path, isDefault: false)
        return (try AppDatabase.open(location, create: true), location)
    }

    /// The demo county, built for `today`, in a temporary file.
    public static func demoDatabase() throws -> AppDatabase {
        let location = DatabaseLocation(path: try temporaryFolder().appendingPathComponent("demo.sqlite").path, isDefault: false)
        return try DemoDatabase.build(at: location, on: today)
    }

    /// A training database of the demo county, built for `today`, with its snapshot for resets.
    public static func trainingDatabase() throws -> (AppDatabase, TrainingSnapshot) {
        let location = DatabaseLocation(path: try temporaryFolder().appendingPathComponent("training.sqlite").path, isDefault: false)
        let database = try DemoDatabase.build(at: location, on: today, kind: .training)
        return (database, try database.trainingSnapshot())
    }

    /// The demo worker of that name, as saved in `database`.
    public static func worker(named name: String, in database: AppDatabase) throws -> Worker {
        guard let worker = try database.workers().first(where: { $0.name == name }) else {
            throw StoreError.cannotOpen(path: "the demo", reason: "no worker named \(name)")
        }
        return worker
    }

    /// A walkthrough script shipped in Resources/training/.
    public static func walkthrough(_ name: String) throws -> Walkthrough {
        try Walkthrough.load(LinkagesResources.data(name, in: "training"), file: "Resources/training/\(name)")
    }
}
