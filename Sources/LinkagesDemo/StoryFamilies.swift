import Foundation
import LinkagesDomain
import LinkagesStore

/// The families the demo always has, by name: Sarah's (from the trainee workbook) and
/// José Núñez-García's (a mutual family whose Child Welfare record lost its accents).
enum StoryFamilies {
    /// Sarah's family: a CalWORKs case that closed three years ago when she found work, and the
    /// Emergency Response referral opened two days ago, linked as one family.
    static func sarah(_ story: SarahsStory, staff: StaffDirectory, on today: CalendarDate) -> NewFamily {
        let people = story.people.enumerated().map { index, member in
            Person(
                householdId: 0, sourcePersonId: "P4021187\(index)", firstName: member.firstName,
                lastName: story.lastName, dateOfBirth: story.dateOfBirth(of: member, on: today), sex: member.sex,
                relationship: member.relationship, caseRole: member.caseRole,
                cin: index == 0 ? "92231875S" : "9223187\(index)S", ssn: index == 0 ? "900417733" : nil,
                phone: index == 0 ? story.phone : nil, raceEthnicity: story.raceEthnicity)
        }
        let calworksWorker = staff.named("Ana Ruiz")
        let erWorker = staff.named("Marcus Bell")
        let calworks = NewHousehold(
            source: .calworks, sourceKey: story.calworksCase.caseNumber, street: story.street, city: story.city,
            zip: story.zip, phone: story.phone, office: story.calworksCase.office, people: people,
            involvements: story.calworksCase.components.map { part in
                NewInvolvement(
                    personIndex: part.component == .welfareToWork ? 0 : nil, component: part.component, status: .closed,
                    startDate: today.adding(years: -part.startYearsAgo), endDate: today.adding(years: -part.endYearsAgo),
                    sourceCaseId: story.calworksCase.caseNumber, workerId: calworksWorker.id)
            })
        let childWelfare = NewHousehold(
            source: .childWelfare, sourceKey: story.childWelfareReferral.referralId, street: story.street,
            city: story.city, zip: story.zip, phone: story.phone, office: story.childWelfareReferral.office,
            people: people.enumerated().map { index, person in
                var record = person
                record.sourcePersonId = "C019400\(index)"
                record.ssn = nil
                return record
            },
            involvements: [NewInvolvement(
                component: .emergencyResponse, status: .open,
                startDate: today.adding(days: -story.childWelfareReferral.openedDaysAgo),
                sourceCaseId: story.childWelfareReferral.referralId, workerId: erWorker.id)])
        return NewFamily(
            displayName: "\(story.lastName), \(story.people[0].firstName)",
            households: [calworks, childWelfare],
            concerns: story.concerns.map { NewConcern($0.kind, note: $0.note, recordedById: erWorker.id) })
    }

    /// José Núñez-García's family: on cash aid and Welfare-to-Work, with the two children in
    /// Family Reunification. CWS/CMS spells the family "Jose Nunez Garcia".
    static func nunezGarcia(staff: StaffDirectory, on today: CalendarDate) -> NewFamily {
        let members: [(String, String, Int, Int, Sex, Relationship, CaseRole)] = [
            ("José", "Núñez-García", 38, 40, .male, .head, .parent),
            ("Guadalupe", "Núñez-García", 35, 152, .female, .spouse, .parent),
            ("Sofía", "Núñez-García", 9, 61, .female, .child, .child),
            ("Mateo", "Núñez-García", 6, 230, .male, .child, .child),
        ]
        let people = members.enumerated().map { index, member in
            Person(
                householdId: 0, sourcePersonId: "P7730415\(index)", firstName: member.0, lastName: member.1,
                dateOfBirth: today.adding(days: -member.3).adding(years: -member.2), sex: member.4,
                relationship: member.5, caseRole: member.6, cin: "9773041\(index)N",
                ssn: index < 2 ? "90077301\(index)" : nil, phone: index == 0 ? "559-555-0311" : nil,
                raceEthnicity: .latino)
        }
        let caseNumber = "CW-7730415"
        let referralId = "R-2508-7713"
        let calworksWorker = staff.named("David Kim")
        let cwsWorker = staff.named("Linh Tran")
        let removal = today.adding(days: -75)
        let calworks = NewHousehold(
            source: .calworks, sourceKey: caseNumber, street: "2210 Calle Nogal", city: "Sanger", zip: "93657",
            phone: "559-555-0311", office: "Central", people: people,
            involvements: [
                NewInvolvement(component: .cashAid, status: .open, startDate: today.adding(days: -420), sourceCaseId: caseNumber, workerId: calworksWorker.id),
                NewInvolvement(personIndex: 0, component: .welfareToWork, status: .open, startDate: today.adding(days: -390), sourceCaseId: caseNumber, workerId: calworksWorker.id),
            ])
        let childWelfare = NewHousehold(
            source: .childWelfare, sourceKey: referralId, street: "2210 Calle Nogal", city: "Sanger", zip: "93657",
            phone: "559-555-0311", office: "Central",
            people: people.enumerated().map { index, person in
                var record = person
                record.sourcePersonId = "C773041\(index)"
                record.firstName = FamilyFactory.withoutAccents(person.firstName)
                record.lastName = "Nunez Garcia"
                record.ssn = nil
                return record
            },
            involvements: [2, 3].map { child in
                NewInvolvement(personIndex: child, component: .familyReunification, status: .open, startDate: removal, sourceCaseId: referralId, workerId: cwsWorker.id)
            })
        return NewFamily(
            displayName: "Núñez-García, José", households: [calworks, childWelfare],
            concerns: [NewConcern(.housingInstability), NewConcern(.domesticViolence)])
    }
}
