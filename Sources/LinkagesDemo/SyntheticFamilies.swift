import Foundation
import LinkagesDomain
import LinkagesStore

/// Where a synthetic family stands with the two programs; the mix covers every tier.
enum Situation: Equatable {
    case calworksOnly(applicant: Bool)
    case concernsOnly
    case familyStabilization
    case emergencyResponseReferral
    case pastChildWelfare
    case mutual(ServiceComponent)
    case childWelfareReferralWithNeed
    case childWelfareCaseOnly

    /// How many of each the demo county has: about 200 families in all.
    static let demoMix: [(Situation, Int)] = [
        (.calworksOnly(applicant: false), 71),
        (.calworksOnly(applicant: true), 14),
        (.concernsOnly, 20),
        (.familyStabilization, 8),
        (.emergencyResponseReferral, 12),
        (.pastChildWelfare, 10),
        (.mutual(.familyMaintenance), 20),
        (.mutual(.familyReunification), 18),
        (.mutual(.permanencyPlanning), 7),
        (.childWelfareReferralWithNeed, 12),
        (.childWelfareCaseOnly, 8),
    ]

    var hasCalWORKs: Bool {
        switch self {
        case .childWelfareReferralWithNeed, .childWelfareCaseOnly: return false
        default: return true
        }
    }

    var childWelfareComponent: ServiceComponent? {
        switch self {
        case .emergencyResponseReferral, .pastChildWelfare, .childWelfareReferralWithNeed: return .emergencyResponse
        case .mutual(let component): return component
        case .childWelfareCaseOnly: return .familyMaintenance
        default: return nil
        }
    }

    var hasConcerns: Bool {
        switch self {
        case .calworksOnly, .childWelfareCaseOnly: return false
        default: return true
        }
    }
}

/// A generated family before it is saved: who is in it and how each program knows it.
struct SyntheticFamily {
    var situation: Situation
    var new: NewFamily
    var office: String
    var concerns: [ConcernKind]
    var youngestChildAge: Int
}

/// Makes realistic, deterministic families from the name and place lists.
struct FamilyFactory {
    var resources: DemoResources
    var staff: StaffDirectory
    var today: CalendarDate
    var random: SeededGenerator

    private struct Member {
        var firstName: String
        var lastName: String
        var dateOfBirth: CalendarDate
        var sex: Sex
        var relationship: Relationship
        var caseRole: CaseRole
        var cin: String
        var ssn: String?
        var age: Int
    }

    mutating func make(_ situation: Situation) -> SyntheticFamily {
        let group = pickGroup()
        let surname = makeSurname(group)
        let head = makeAdult(group, surname: surname, relationship: .head)
        var members = [head]
        if random.chance(0.25) {
            members.append(makeAdult(group, surname: surname, relationship: .partner, oppositeOf: head.sex))
        }
        let childCount = random.int(1...4)
        for _ in 0..<childCount {
            let maxAge = min(17, head.age - 16)
            let age = random.int(0...max(0, maxAge))
            members.append(makeChild(group, surname: surname, age: age))
        }
        let place = random.pick(resources.places.cities)
        let street = "\(random.int(100...4999)) \(random.pick(resources.places.streets))"
        let zip = random.pick(place.zips)
        let phone = "559-555-" + String(format: "%04d", random.int(200...9999))

        var households: [NewHousehold] = []
        if situation.hasCalWORKs {
            households.append(calworksHousehold(
                situation, members: members, race: group.raceEthnicity, place: place, street: street, zip: zip, phone: phone))
        }
        if let component = situation.childWelfareComponent {
            households.append(childWelfareHousehold(
                situation, component: component, members: members, race: group.raceEthnicity, place: place,
                street: street, zip: zip, phone: phone))
        }
        let concerns = situation.hasConcerns ? pickConcerns(situation) : []
        let displayName = "\(head.lastName), \(head.firstName)"
        // Concerns were recorded when the family first became known to a program, so that the
        // tiers of past months (which count only what was recorded by then) tell the year's story.
        let known = households.flatMap(\.involvements).compactMap(\.startDate).min()
        let family = NewFamily(
            displayName: displayName, households: households,
            concerns: concerns.map { NewConcern($0, recordedAt: known.map { $0.instant(hour: 10) }) })
        let youngest = members.filter { $0.relationship == .child }.map(\.age).min() ?? 0
        return SyntheticFamily(situation: situation, new: family, office: place.office, concerns: concerns, youngestChildAge: youngest)
    }

    // MARK: People

    private mutating func pickGroup() -> NameLists.Group {
        let total = resources.names.groups.map(\.weight).reduce(0, +)
        var roll = random.int(0...(total - 1))
        for group in resources.names.groups {
            if roll < group.weight { return group }
            roll -= group.weight
        }
        return resources.names.groups[0]
    }

    private mutating func makeSurname(_ group: NameLists.Group) -> String {
        let first = random.pick(group.surnames)
        guard random.chance(group.compoundSurnames) else { return first }
        var second = random.pick(group.surnames)
        while second == first { second = random.pick(group.surnames) }
        return random.chance(0.5) ? "\(first)-\(second)" : "\(first) \(second)"
    }

    private mutating func makeAdult(
        _ group: NameLists.Group, surname: String, relationship: Relationship, oppositeOf other: Sex? = nil
    ) -> Member {
        let sex: Sex = other.map { $0 == .female ? .male : .female } ?? (random.chance(0.82) ? .female : .male)
        let age = random.int(19...48)
        return Member(
            firstName: random.pick(sex == .female ? group.female : group.male), lastName: surname,
            dateOfBirth: birthDate(age: age), sex: sex, relationship: relationship, caseRole: .parent,
            cin: makeCIN(), ssn: "9" + random.digits(8), age: age)
    }

    private mutating func makeChild(_ group: NameLists.Group, surname: String, age: Int) -> Member {
        let sex: Sex = random.chance(0.5) ? .female : .male
        return Member(
            firstName: random.pick(sex == .female ? group.female : group.male), lastName: surname,
            dateOfBirth: birthDate(age: age), sex: sex, relationship: .child, caseRole: .child,
            cin: makeCIN(), ssn: random.chance(0.7) ? "9" + random.digits(8) : nil, age: age)
    }

    private mutating func birthDate(age: Int) -> CalendarDate {
        today.adding(days: -random.int(1...364)).adding(years: -age)
    }

    /// A Medi-Cal CIN shape: eight digits and a letter (synthetic, starting with 9).
    private mutating func makeCIN() -> String {
        "9" + random.digits(7) + String(random.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ")))
    }

    private func person(_ member: Member, race: RaceEthnicity, sourceId: String) -> Person {
        Person(
            householdId: 0, sourcePersonId: sourceId, firstName: member.firstName, lastName: member.lastName,
            dateOfBirth: member.dateOfBirth, sex: member.sex, relationship: member.relationship,
            caseRole: member.caseRole, cin: member.cin, ssn: member.ssn, raceEthnicity: race)
    }

    // MARK: Households

    private mutating func calworksHousehold(
        _ situation: Situation, members: [Member], race: RaceEthnicity, place: Places.City, street: String,
        zip: String, phone: String
    ) -> NewHousehold {
        let caseNumber = "CW-" + random.digits(7)
        let people = members.map { person($0, race: race, sourceId: "P" + random.digits(8)) }
        let worker = staff.caseworker(.calworks, office: place.office, using: &random)
        var involvements: [NewInvolvement] = []
        if situation == .calworksOnly(applicant: true) {
            involvements.append(NewInvolvement(
                component: .cashAid, status: .pending, startDate: today.adding(days: -random.int(0...20)),
                sourceCaseId: caseNumber, workerId: worker.id))
        } else {
            let aidStart = today.adding(days: -random.int(30...1800))
            involvements.append(NewInvolvement(
                component: .cashAid, status: .open, startDate: aidStart, sourceCaseId: caseNumber, workerId: worker.id))
            if random.chance(0.6) {
                involvements.append(NewInvolvement(
                    personIndex: 0, component: .welfareToWork, status: .open,
                    startDate: aidStart.adding(days: random.int(10...60)), sourceCaseId: caseNumber, workerId: worker.id,
                    welfareToWorkStatus: .demo(ofCase: caseNumber)))
            }
            if situation == .familyStabilization {
                involvements.append(NewInvolvement(
                    component: .familyStabilization, status: .open, startDate: today.adding(days: -random.int(5...90)),
                    sourceCaseId: caseNumber, workerId: worker.id))
            }
        }
        return NewHousehold(
            source: .calworks, sourceKey: caseNumber, street: street, city: place.city, zip: zip, phone: phone,
            office: place.office, people: people, involvements: involvements)
    }

    /// Child Welfare's record of the same family, written the way another system writes it:
    /// accents often lost, hyphens dropped, SSNs often missing.
    private mutating func childWelfareHousehold(
        _ situation: Situation, component: ServiceComponent, members: [Member], race: RaceEthnicity,
        place: Places.City, street: String, zip: String, phone: String
    ) -> NewHousehold {
        let referralId = "R-" + random.digits(4) + "-" + random.digits(4)
        let plainText = random.chance(0.35)
        let people = members.map { member -> Person in
            var record = person(member, race: race, sourceId: "C" + random.digits(9))
            if plainText {
                record.firstName = Self.withoutAccents(record.firstName)
                record.lastName = Self.withoutAccents(record.lastName).replacingOccurrences(of: "-", with: " ")
            }
            if !random.chance(member.relationship == .child ? 0.2 : 0.4) { record.ssn = nil }
            return record
        }
        let worker = staff.caseworker(.childWelfare, office: place.office, using: &random)
        var involvements: [NewInvolvement] = []
        switch situation {
        case .pastChildWelfare:
            let start = today.adding(days: -random.int(400...1500))
            involvements.append(NewInvolvement(
                component: .emergencyResponse, status: .closed, startDate: start, endDate: start.adding(days: 30),
                sourceCaseId: referralId, workerId: worker.id))
        case .mutual(.familyReunification):
            let start = today.adding(days: -random.int(30...500))
            for (index, member) in members.enumerated() where member.relationship == .child {
                involvements.append(NewInvolvement(
                    personIndex: index, component: .familyReunification, status: .open, startDate: start,
                    sourceCaseId: referralId, workerId: worker.id))
            }
        default:
            let opened = component == .emergencyResponse
                ? today.adding(days: -random.int(0...25))
                : today.adding(days: -random.int(30...700))
            involvements.append(NewInvolvement(
                component: component, status: .open, startDate: opened, sourceCaseId: referralId, workerId: worker.id))
        }
        return NewHousehold(
            source: .childWelfare, sourceKey: referralId, street: street, city: place.city, zip: zip, phone: phone,
            office: place.office, people: people, involvements: involvements)
    }

    static func withoutAccents(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    // MARK: Concerns

    private mutating func pickConcerns(_ situation: Situation) -> [ConcernKind] {
        var kinds: Set<ConcernKind> = []
        if situation == .childWelfareReferralWithNeed {
            kinds.insert(random.pick([.jobLoss, .financialHardship, .housingInstability, .foodInsecurity]))
        }
        if situation == .emergencyResponseReferral || situation == .childWelfareReferralWithNeed {
            kinds.insert(.childWelfareReport)
        }
        let count = random.int(1...3)
        while kinds.count < count + (situation == .childWelfareReferralWithNeed ? 1 : 0) {
            kinds.insert(random.pick(ConcernKind.allCases))
        }
        return ConcernKind.allCases.filter(kinds.contains)
    }
}
