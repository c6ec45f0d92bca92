import LinkagesStore

/// What a screen asks for after handling a key or a result. Plain data, so tests can check
/// exactly what a key press caused.
public enum ScreenCommand: Equatable, Sendable {
    /// Run a database read or write outside the update function.
    case run(Effect)
    /// Open another screen on top of this one.
    case open(Route)
    /// Close this screen.
    case close
    /// Leave Linkages.
    case quit
    /// Show a one-line message to the worker.
    case say(String)
}

/// The only way screens touch the outside world: each effect is run by ``EffectRunner``, whose
/// result comes back to the screens as a ``DataEvent``.
public enum Effect: Equatable, Sendable {
    case loadHome
    case loadEmergencyResponseQueue
    case search(query: String, generation: Int)
    case loadFamily(id: Int64)
    case loadReferrals(ReferralFilter)
    case loadPlans
}

/// The result of an effect.
public enum DataEvent: Equatable, Sendable {
    case home(HomeSummary)
    case emergencyResponseQueue([EmergencyResponseRow])
    case searchResults(generation: Int, [FamilyHit])
    case family(id: Int64, FamilyDetail?)
    case referrals(ReferralFilter, [ReferralRow])
    case plans([PlanSummary])
    /// An effect failed; the sentence is for the worker.
    case failed(String)
}
