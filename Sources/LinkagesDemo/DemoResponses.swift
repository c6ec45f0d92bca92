import Foundation
import LinkagesDomain
import LinkagesStore

/// The ER intakes behind the demo's open Child Welfare referrals, with the in-person contacts
/// made since: most families seen in time, some only after an attempt, a few late, the newest
/// not yet visited. Without them the ER list would show no response clock and the outcomes
/// report no ER response figure.
///
/// It draws from a random stream of its own, so the families and the rest of the demo stay as
/// they were.
struct DemoResponses {
    var today: CalendarDate
    var random: SeededGenerator

    /// What the reporting party said, as an ER worker would note it.
    static let narratives = [
        "School counselor reported the children arrive hungry most days and the power at home was shut off.",
        "Neighbor heard shouting late at night; the younger child was seen outside alone after dark.",
        "Teacher saw a bruise on the older child's arm; the child said he fell off his bike.",
        "Hospital social worker reported the mother seemed intoxicated when she came to pick up the baby.",
        "Anonymous caller said the family has been sleeping in their car with two young children.",
    ]

    /// Writes the finished intake of each open ER referral of `family`, and its contacts.
    mutating func record(_ family: SyntheticFamily, familyId: Int64, in batch: StoreBatch) throws {
        for household in family.new.households where household.source == .childWelfare {
            for involvement in household.involvements where involvement.component == .emergencyResponse && involvement.status == .open {
                // Demo records are credited to "demo", as the demo's releases and staffings are:
                // its workers have no accounts until someone works as one of them.
                guard let received = involvement.startDate else { continue }
                let account = "demo"
                let hour = random.int(8...16), minute = random.pick([0, 10, 20, 30, 40, 50])
                let immediate = random.chance(0.3)
                let draft = IntakeDraft(
                    bankVersion: 1,
                    members: household.people.map { person in
                        MemberEntry(firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth?.usFormat ?? "",
                                    relationship: person.relationship.rawValue, sex: person.sex.rawValue)
                    },
                    answers: [
                        IntakeQuestion.referralReceivedDate.rawValue: received.usFormat,
                        IntakeQuestion.referralReceivedTime.rawValue: String(format: "%02d:%02d", hour, minute),
                        IntakeQuestion.responseType.rawValue: immediate ? "immediate" : "tenDay",
                        IntakeQuestion.referralNumber.rawValue: household.sourceKey ?? "",
                        IntakeQuestion.whatWasSeen.rawValue: random.pick(Self.narratives),
                        IntakeQuestion.protectiveCustody.rawValue: "no",
                        IntakeQuestion.icwaAncestry.rawValue: "no",
                    ],
                    attachedFamilyId: familyId)
                let finished = received.instant(hour: hour + 1, minute: minute)
                let intake = IntakeRecord(account: account, familyId: familyId, status: .finished, bankVersion: 1, draft: draft,
                                          createdAt: received.instant(hour: hour, minute: minute), updatedAt: finished, finishedAt: finished)
                try batch.addFinishedIntake(intake, contacts: contacts(after: received, hour: hour, immediate: immediate, by: account))
            }
        }
    }

    /// The visits after a referral received on `received` at `hour`: the first within the
    /// deadline nine times in ten, an attempt before the family is seen one time in five, and
    /// none yet for a referral too new to have been visited.
    mutating func contacts(after received: CalendarDate, hour: Int, immediate: Bool, by account: String) -> [ResponseContact] {
        let late = random.chance(0.1)
        let wait = immediate ? (late ? random.int(2...3) : random.int(0...1)) : (late ? random.int(11...14) : random.int(1...9))
        let first = received.adding(days: wait)
        // Within the day, an immediate response is made a few hours after the call, before the
        // same hour the next day.
        let firstHour = wait == 0 ? min(hour + random.int(1...5), 21) : random.int(7...max(7, min(hour - 1, 18)))
        guard first < today else { return [] }
        let time = ClockTime(hour: firstHour, minute: random.pick([0, 15, 30, 45]))
        guard random.chance(0.2) else {
            return [ResponseContact(day: first, time: time, outcome: .completed, recordedBy: account)]
        }
        let seen = first.adding(days: random.int(1...3))
        return [ResponseContact(day: first, time: time, outcome: .attempted, recordedBy: account)]
            + (seen < today ? [ResponseContact(day: seen, time: ClockTime(hour: random.int(9...17), minute: 0), outcome: .completed,
                                               recordedBy: account)] : [])
    }
}
