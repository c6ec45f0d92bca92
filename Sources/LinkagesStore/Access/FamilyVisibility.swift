import Foundation
import LinkagesDomain

/// What was left out of a family's page that the worker may be told of. Only what does not
/// reveal that anything exists: how many concerns, referrals or intakes were left out, or
/// whether substance-use information was, is not kept, so that no screen or command can tell
/// the worker (the page says the same whatever the family holds).
public struct WithheldFromView: Equatable, Sendable {
    /// The worker sees neither program's record in full, so not the joint plan.
    public var plan = false

    public init() {}
}

extension FamilyDetail {
    /// The family as `policy` lets its worker see it. What the worker may not see is removed
    /// here, in the store, so that it never reaches a screen.
    ///
    /// - Parameters:
    ///   - emergencyReason: the reason typed when the worker broke the glass.
    ///   - sensitiveQuestions: intake questions whose answers are substance-use information.
    func visible(under policy: AccessPolicy, emergencyReason: String?, sensitiveQuestions: Set<String>) -> FamilyDetail {
        var result = self
        result.emergencyReason = emergencyReason
        let bases = sharingBases
        var fullPrograms: Set<Program> = []
        var shownUnderConsent = false

        result.records = records.map { record in
            var record = record
            let ownership = Self.ownership(of: record)
            record.access = policy.access(to: ownership, bases: bases, emergencyReason: emergencyReason)
            if record.access.isFull {
                fullPrograms.insert(ownership.program)
            } else {
                record = record.identifyingOnly()
            }
            return record
        }
        let knownPrograms = Set(records.map { Self.ownership(of: $0).program })

        func substanceUse(in program: Program, recordedBy account: String?) -> Bool {
            let ownership = records.first { Self.ownership(of: $0).program == program }.map(Self.ownership(of:))
                ?? RecordOwnership(program: program)
            let access = policy.substanceUse(in: ownership, recordedBy: account, bases: bases)
            if case .shown(_?) = access { shownUnderConsent = true }
            return access.isShown
        }

        // Concerns follow the program of the worker who recorded them; a concern nobody
        // recorded is shown only to a worker who sees every program's record of the family.
        var withheld = WithheldFromView()
        result.concerns = concerns.filter { concern in
            let recorder = concern.recordedById.flatMap { workers[$0] }
            let shown: Bool
            if let recorder {
                shown = fullPrograms.contains(recorder.program)
                    && (!concern.kind.isSensitive || substanceUse(in: recorder.program, recordedBy: recorder.account))
            } else {
                shown = fullPrograms.isSuperset(of: knownPrograms)
                    && (!concern.kind.isSensitive || knownPrograms.allSatisfy { substanceUse(in: $0, recordedBy: nil) })
            }
            return shown
        }

        // A referral is seen by both ends, and by whoever sees the sending program's records.
        result.referrals = referrals.filter { referral in
            let involved = referral.fromProgram == policy.viewer.program || referral.toProgram == policy.viewer.program
            var shown = policy.mayOpenFamilies && (involved || fullPrograms.contains(referral.fromProgram))
            if shown && referral.type.isSensitive {
                let sender = referral.fromWorkerId.flatMap { workers[$0] }?.account
                shown = substanceUse(in: referral.fromProgram, recordedBy: sender)
            }
            return shown
        }

        // ER intakes are Child Welfare records; the substance-use answer needs its own right.
        let intakesShown = fullPrograms.contains(.childWelfare)
        result.intakes = intakesShown ? intakes.map { intake in
            var intake = intake
            if !substanceUse(in: .childWelfare, recordedBy: intake.account) {
                for id in sensitiveQuestions {
                    intake.draft.answers[id] = nil
                }
            }
            return intake
        } : []
        if !intakesShown { result.responseContacts = [:] }

        // The joint plan belongs to both programs: shown to a worker who sees either's record.
        if fullPrograms.isEmpty && plan != nil {
            result.plan = nil
            result.tasks = []
            withheld.plan = true
        }
        // Team meetings and joint staffings follow the plan: who met about the family and what
        // they decided.
        if fullPrograms.isEmpty {
            result.meetings = []
            result.staffings = []
        }

        // AB 429 and AB 135 weigh both programs' records (and CalWORKs exclusions): shown only
        // to a worker who sees both.
        if !fullPrograms.isSuperset(of: Program.allCases) {
            result.reunification = nil
        }

        let reported = intakes.reduce(into: Set<ReportedFact>()) { $0.formUnion(ReportedFact.facts(in: $1.draft)) }
        result.tier = TierRules.assess(
            involvements: records.flatMap(\.involvements), concerns: concerns.map(\.kind), reported: reported,
            on: policy.today, withheld: knownPrograms.subtracting(fullPrograms), shownConcerns: result.concerns.map(\.kind),
            confirmed: Set(records.compactMap(\.household.source.program)))
        result.withheld = withheld
        result.substanceUseShownUnderConsent = shownUnderConsent
        return result
    }

    /// Whose a household record is. An ER intake done in Linkages is a Child Welfare record.
    static func ownership(of record: HouseholdRecord) -> RecordOwnership {
        RecordOwnership(
            program: record.household.source.program ?? .childWelfare,
            office: record.household.office,
            assignedWorkerIds: Set(record.involvements.compactMap(\.workerId)))
    }
}

extension HouseholdRecord {
    /// Only the fields WIC 18961.5 lets counties share: names, dates of birth, address and
    /// phone, the case or referral number, the assigned workers, and the dates of contact.
    func identifyingOnly() -> HouseholdRecord {
        var household = self.household
        household.office = nil
        let people = self.people.map { person in
            Person(id: person.id, householdId: person.householdId, firstName: person.firstName,
                   middleName: person.middleName, lastName: person.lastName, dateOfBirth: person.dateOfBirth,
                   phone: person.phone)
        }
        var record = HouseholdRecord(household: household, people: people, involvements: [])
        record.access = access
        record.assignedWorkerIds = Array(Set(involvements.compactMap(\.workerId))).sorted()
        record.contactDates = Array(Set(involvements.compactMap(\.startDate))).sorted()
        return record
    }
}
