import LinkagesStore
import LinkagesTestSupport

/// One demo database for all screen tests (read-only use), built for the fixed test date.
enum DemoFixture {
    static let database: AppDatabase = try! Fixtures.demoDatabase()
}
