import Foundation
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// What a worker may not see does not change what is drawn: the family page reads the same
/// whether or not the family holds substance-use information or records kept from the worker.
@Suite("No existence leaks")
struct ExistenceLeakTests {
    func pageText(_ database: AppDatabase, as worker: Worker, family: Int64, emergency: String? = nil) -> [String] {
        let d = ScreenDriver(database: database, size: Size(width: 120, height: 40), worker: worker)
        var state = d.state
        for command in App.apply([.open(.family(family))], to: &state) {
            if case .run(let effect) = command { _ = App.update(&state, .data(d.runner.run(effect))) }
        }
        if let emergency {
            _ = App.update(&state, .data(d.runner.run(.breakGlass(familyId: family, reason: emergency))))
        }
        let screen = state.top as? FamilyScreen
        return (screen?.lines(width: 118, today: Fixtures.today) ?? []).map { $0.pieces.map(\.text).joined() }
    }

    @Test("adding a substance-use concern and a treatment referral Ana may not see leaves her page, and her emergency view, as they were")
    func hiddenRecordsChangeNothing() throws {
        let database = try Fixtures.demoDatabase()
        let ana = try database.actAs(workerNamed: "Ana Ruiz", account: "aruiz", at: Fixtures.now)
        let marcus = try database.actAs(workerNamed: "Marcus Bell", account: "mbell", at: Fixtures.now)
        let jose = try #require(try database.searchFamilies("jose nunez", on: Fixtures.today).first?.familyId)
        let before = pageText(database, as: ana, family: jose)
        let emergencyBefore = pageText(database, as: ana, family: jose, emergency: "child at the hospital")
        #expect(before.contains { $0.contains("Substance-use information, if there is any") })
        try database.batch { batch in
            try batch.addConcern(NewConcern(.substanceUse, note: "Positive test at the ER", recordedById: marcus.id), toFamily: jose,
                                 at: Fixtures.now)
        }
        _ = try database.createReferral(Referral(familyId: jose, fromProgram: .childWelfare, toProviderName: "Recovery Clinic",
                                                 type: .substanceUseTreatment, reason: "Assessment", createdAt: Fixtures.now),
                                        by: marcus, at: Fixtures.now)
        #expect(pageText(database, as: ana, family: jose) == before)
        #expect(pageText(database, as: ana, family: jose, emergency: "child at the hospital") == emergencyBefore)
        // Marcus, who recorded them, sees them.
        #expect(pageText(database, as: marcus, family: jose).contains { $0.contains("Positive test at the ER") })
    }
}
