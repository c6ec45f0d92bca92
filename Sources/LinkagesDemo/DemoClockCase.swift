import Foundation
import LinkagesDomain
import LinkagesStore

/// Mai Yer Vang's family: the demo's reunification case whose AB 135 months run out this month,
/// whose mother has fallen into Welfare-to-Work non-compliance, and whose move CalWORKs told
/// Child Welfare of this week. Without it no demo family would show a supervisor those reasons
/// on the staffing agenda.
enum DemoClockCase {
    /// Adds the family, its release, its reunification findings, its last joint staffing and the
    /// change notice.
    static func add(staff: StaffDirectory, on today: CalendarDate, to batch: StoreBatch) throws {
        // Cash aid was recommended on the first of the month five months back: six full months,
        // that one included, end on the last day of this month.
        let recommended = CalendarDate(year: today.year, month: today.month, day: 1)!.adding(months: -5)
        let removed = recommended.adding(days: -19)
        let calworksWorker = staff.named("Ana Ruiz")
        let childWelfareWorker = staff.named("Linh Tran")
        let members: [(first: String, years: Int, days: Int, sex: Sex, relationship: Relationship, role: CaseRole)] = [
            ("Mai Yer", 29, 131, .female, .head, .parent),
            ("Kou", 8, 40, .male, .child, .child),
            ("Pa Nhia", 5, 212, .female, .child, .child),
        ]
        let people = members.enumerated().map { index, member in
            Person(
                householdId: 0, sourcePersonId: "P6620931\(index)", firstName: member.first, lastName: "Vang",
                dateOfBirth: today.adding(days: -member.days).adding(years: -member.years), sex: member.sex,
                relationship: member.relationship, caseRole: member.role, cin: "9662093\(index)V",
                ssn: index == 0 ? "900662093" : nil, phone: index == 0 ? "559-555-0177" : nil,
                raceEthnicity: .asianPacificIslander)
        }
        let caseNumber = "CW-6620931"
        let referralId = "R-2505-4418"
        let calworks = NewHousehold(
            source: .calworks, sourceKey: caseNumber, street: "4410 E Tulare Ave", city: "Fresno", zip: "93702",
            phone: "559-555-0177", office: "Central", people: people,
            involvements: [
                NewInvolvement(component: .cashAid, status: .open, startDate: today.adding(days: -700),
                               sourceCaseId: caseNumber, workerId: calworksWorker.id),
                NewInvolvement(personIndex: 0, component: .welfareToWork, status: .open, startDate: today.adding(days: -650),
                               sourceCaseId: caseNumber, workerId: calworksWorker.id, welfareToWorkStatus: .nonCompliance),
            ])
        let childWelfare = NewHousehold(
            source: .childWelfare, sourceKey: referralId, street: "1187 N Maple Ave", city: "Fresno", zip: "93703",
            phone: "559-555-0177", office: "Central",
            people: people.enumerated().map { index, person in
                var record = person
                record.sourcePersonId = "C662093\(index)"
                record.ssn = nil
                return record
            },
            involvements: [1, 2].map { child in
                NewInvolvement(personIndex: child, component: .familyReunification, status: .open, startDate: removed,
                               sourceCaseId: referralId, workerId: childWelfareWorker.id)
            })
        let added = try batch.addFamily(NewFamily(
            displayName: "Vang, Mai Yer", households: [calworks, childWelfare],
            concerns: [NewConcern(.housingInstability)]), at: removed.instant(hour: 9))
        let familyId = added.familyId
        try batch.noteIdentified(familyId: familyId, by: .intake, account: childWelfareWorker.account, at: removed.instant(hour: 11))
        // Mai Yer signed a release at the first reunification meeting: both programs share.
        let signed = removed.adding(days: 12)
        try batch.addSharingBasis(SharingBasis(
            familyId: familyId, kind: .signedRelease, sharesCalWORKs: true, sharesChildWelfare: true,
            signedOn: signed, expiresOn: signed.adding(days: 364), recordedBy: "demo", recordedAt: signed.instant(hour: 16),
            note: "Signed at the first reunification meeting; paper copy in the Child Welfare file.",
            calworksDecision: DemoApprovals.calworks(at: signed.instant(hour: 17)),
            childWelfareDecision: DemoApprovals.childWelfare(at: signed.instant(hour: 17))))
        try batch.addReunificationRecord(ReunificationRecord(
            familyId: familyId, removedOn: removed, servicesNeeded: true, cashAidRecommendedOn: recommended,
            allEligibleChildrenRemoved: true, recordedBy: "demo", recordedAt: recommended.instant(hour: 15)))
        try batch.addStaffing(
            familyId: familyId, reviewedAt: today.adding(days: -96).instant(hour: 14), reviewedBy: "demo",
            minutes: "Mai Yer attends every visit. Welfare-to-Work hours moved to mornings so that she can keep the Tuesday visits.")
        try batch.addChangeNotice(ChangeNotice(
            familyId: familyId, kind: .address,
            text: "Mai Yer moved in with her sister at 4410 E Tulare Ave, Fresno 93702. Same phone.",
            fromWorkerId: calworksWorker.id, fromProgram: .calworks, toWorkerId: childWelfareWorker.id!,
            sentAt: today.adding(days: -4).instant(hour: 10)))
    }
}
