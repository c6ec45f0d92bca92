import LinkagesDomain
import LinkagesStore

/// People entered separately in each program whose records nearly agree: the demo's match
/// review queue. Each pair is either one person written two ways or two people who look alike,
/// which is what a supervisor must tell apart.
enum DemoReviewCases {
    static func families(on today: CalendarDate) -> [NewFamily] {
        func born(_ years: Int, _ month: Int, _ day: Int) -> CalendarDate {
            CalendarDate(year: today.year - years, month: month, day: day)!
        }
        let referralDate = today.adding(days: -12)
        return [
            // One mother and son: her married surname added in Child Welfare, her day and month
            // swapped, the son's accent, a new address, no SSN there.
            NewFamily(displayName: "Lopez, Maribel", households: [
                NewHousehold(source: .calworks, sourceKey: "CW-7710201", street: "1504 E Belmont Ave", city: "Fresno", zip: "93701",
                             phone: "559-555-0144", people: [
                                 Person(householdId: 0, firstName: "Maribel", lastName: "Lopez", dateOfBirth: born(31, 3, 4), sex: .female,
                                        relationship: .head, ssn: "900224471"),
                                 Person(householdId: 0, firstName: "Adrian", lastName: "Lopez", dateOfBirth: born(6, 9, 18), sex: .male,
                                        relationship: .child),
                             ], involvements: [NewInvolvement(component: .cashAid, status: .open, startDate: today.adding(days: -400))]),
            ]),
            NewFamily(displayName: "Lopez-Ortega, Maribel", households: [
                NewHousehold(source: .childWelfare, sourceKey: "R-0417-2291", street: "77 N Fulton St", city: "Fresno", zip: "93728",
                             people: [
                                 Person(householdId: 0, firstName: "Maribel", lastName: "Lopez-Ortega", dateOfBirth: born(31, 4, 3), sex: .female,
                                        relationship: .head, caseRole: .parent),
                                 Person(householdId: 0, firstName: "Adrián", lastName: "López", dateOfBirth: born(6, 9, 18), sex: .male,
                                        relationship: .child, caseRole: .child),
                             ], involvements: [NewInvolvement(component: .emergencyResponse, status: .open, startDate: referralDate,
                                                              sourceCaseId: "R-0417-2291")]),
            ]),
            // Two men with a common name, born the same year, in different towns.
            NewFamily(displayName: "Hernandez, Luis", households: [
                NewHousehold(source: .calworks, sourceKey: "CW-7715530", street: "210 W Manning Ave", city: "Reedley", zip: "93654",
                             people: [
                                 Person(householdId: 0, firstName: "Luis", middleName: "Alberto", lastName: "Hernandez",
                                        dateOfBirth: born(29, 11, 2), sex: .male, relationship: .head),
                             ], involvements: [NewInvolvement(component: .welfareToWork, status: .open, startDate: today.adding(days: -90))]),
            ]),
            NewFamily(displayName: "Hernández, Luis", households: [
                NewHousehold(source: .childWelfare, sourceKey: "R-0417-3310", street: "3921 N Cedar Ave", city: "Fresno", zip: "93726",
                             people: [
                                 Person(householdId: 0, firstName: "Luis", lastName: "Hernández", dateOfBirth: born(29, 11, 12), sex: .male,
                                        relationship: .head, caseRole: .parent),
                             ], involvements: [NewInvolvement(component: .emergencyResponse, status: .open, startDate: referralDate,
                                                              sourceCaseId: "R-0417-3310")]),
            ]),
        ]
    }
}
