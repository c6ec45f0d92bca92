import Foundation
@testable import LinkagesDomain

/// The question bank from Resources/, read straight from the repository.
enum IntakeTestData {
    static let bankFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/intake/questions.json")

    static let bank: QuestionBank = try! QuestionBank.load(Data(contentsOf: bankFile), file: "questions.json")
    static let today = CalendarDate("2026-11-23")!

    /// Sarah's family as a caseworker would enter it from the workbook.
    static func sarah() -> IntakeDraft {
        IntakeDraft(
            bankVersion: 1,
            members: [
                MemberEntry(firstName: "Sarah", lastName: "Mitchell", dateOfBirth: "09/10/1994", relationship: "head", sex: "female"),
                MemberEntry(firstName: "Emma", lastName: "Mitchell", dateOfBirth: "05/06/2016", relationship: "child", sex: "female"),
                MemberEntry(firstName: "Jack", lastName: "Mitchell", dateOfBirth: "10/21/2018", relationship: "child", sex: "male"),
                MemberEntry(firstName: "Lily", lastName: "Mitchell", dateOfBirth: "02/06/2021", relationship: "child", sex: "female"),
            ],
            answers: [
                "referral.receivedDate": "11/21/2026", "referral.receivedTime": "09:30", "referral.responseType": "tenDay",
                "referral.firstContactDate": "11/23/2026",
                "household.receivingCalWORKs": "no", "household.cwsInvolvement": "none",
                "financial.welfareToWork": "no", "financial.employment": "recentJobLoss", "financial.challenges": "yes",
                "financial.food": "yes", "financial.utilities": "no", "financial.childCare": "yes",
                "safety.housing": "stable", "safety.domesticViolence": "no", "safety.childWelfareConcerns": "no",
                "safety.homeHazards": "yes", "safety.schoolAbsence": "yes", "safety.substanceUse": "yes",
                "safety.seriousHarm": "no", "safety.removalConsidered": "no",
                "icwa.ancestry": "no",
                "voice.wants": "I want to keep my kids with me, stay in recovery and find a job I can keep.",
            ])
    }
}
