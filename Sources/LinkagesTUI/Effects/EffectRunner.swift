import Foundation
import LinkagesDomain
import LinkagesStore

/// Runs effects against the database and turns each result into a ``DataEvent``. The runtime
/// calls it off the input thread; tests call it directly.
public struct EffectRunner: Sendable {
    public let database: AppDatabase
    public let today: @Sendable () -> CalendarDate

    public init(database: AppDatabase, today: @escaping @Sendable () -> CalendarDate) {
        self.database = database
        self.today = today
    }

    public func run(_ effect: Effect) -> DataEvent {
        do {
            switch effect {
            case .loadHome:
                return .home(try database.homeSummary(on: today()))
            case .loadEmergencyResponseQueue:
                return .emergencyResponseQueue(try database.emergencyResponseQueue(on: today()))
            case .search(let query, let generation):
                return .searchResults(generation: generation, try database.searchFamilies(query, on: today()))
            case .loadFamily(let id):
                return .family(id: id, try database.familyDetail(id: id, on: today()))
            case .loadReferrals(let filter):
                return .referrals(filter, try database.referralRows(filter))
            case .loadPlans:
                return .plans(try database.planSummaries(on: today()))
            }
        } catch {
            return .failed(Self.sentence(for: error))
        }
    }

    /// A failure in words for the worker, without personal data.
    static func sentence(for error: any Error) -> String {
        if let storeError = error as? StoreError {
            return "Could not read the database: \(storeError)."
        }
        return "Could not read the database. Try again; if it keeps happening, tell your administrator."
    }
}
