import Foundation
import Testing
@testable import LinkagesDomain

/// Each concern's support, branch by branch, against the seed it comes from: the supporting
/// messages (CalWORKs pays for treatment of substance abuse, domestic violence and mental health
/// issues; child care and education supports) and the workbook (concrete supports, LIHEAP, the
/// protective factors).
@Suite("Supports recommended for each concern")
struct RecommendationSupportTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    func actions(_ concerns: Set<ConcernKind>, _ draft: IntakeDraft = IntakeDraft(bankVersion: 1)) -> [String] {
        IntakeRecommendations.supports(for: concerns, draft: draft, today: Self.today).map(\.action)
    }

    @Test("domestic violence and mental health are referred to services CalWORKs can pay for, citing the supporting messages")
    func treatment() {
        let list = IntakeRecommendations.supports(for: [.domesticViolence, .mentalHealth], draft: IntakeDraft(bankVersion: 1), today: Self.today)
        #expect(list.map(\.action) == ["Refer to domestic violence services", "Refer to mental health services"])
        #expect(list.allSatisfy { $0.source == IntakeRecommendations.barriers && $0.why.contains("domestic violence and mental health") })
    }

    @Test("housing, a shut-off notice and food each get their concrete support; a shut-off is LIHEAP, the workbook's example")
    func concreteSupports() {
        #expect(actions([.housingInstability]) == ["Connect the family to housing help"])
        let liheap = IntakeRecommendations.supports(for: [.utilityShutoff], draft: IntakeDraft(bankVersion: 1), today: Self.today)
        #expect(liheap.map(\.action) == ["Connect the family to the Low-Income Home Energy Assistance Program (LIHEAP)"])
        #expect(liheap.first?.source == "Linkages trainee workbook, Concrete supports in times of need")
        #expect(actions([.foodInsecurity]) == ["Connect the family to food assistance"])
    }

    @Test("school absence alone asks what keeps the children home; with a child care need, child care so the oldest child can go back")
    func school() {
        #expect(actions([.schoolAbsence]) == ["Find out why the children miss school and remove what keeps them home"])
        let draft = IntakeDraft(bankVersion: 1, members: [
            MemberEntry(firstName: "Sarah", lastName: "Mitchell", dateOfBirth: "09/10/1994", relationship: "head", sex: "female"),
            MemberEntry(firstName: "Jack", lastName: "Mitchell", dateOfBirth: "10/21/2018", relationship: "child", sex: "male"),
            MemberEntry(firstName: "Emma", lastName: "Mitchell", dateOfBirth: "05/06/2016", relationship: "child", sex: "female"),
        ])
        #expect(actions([.schoolAbsence, .childCareNeed], draft) == ["Arrange child care so that Emma can go back to school"])
        #expect(actions([.childCareNeed], draft) == ["Arrange child care"])
    }

    @Test("a parent who works, hours cut, is offered more hours or better-paid work, not 'find work again'")
    func work() {
        var draft = IntakeDraft(bankVersion: 1)
        draft.answers[IntakeQuestion.employment.rawValue] = "hoursCut"
        #expect(actions([.financialHardship], draft) == ["Employment services (Welfare-to-Work) toward more hours or better-paid work"])
        draft.answers[IntakeQuestion.employment.rawValue] = "recentJobLoss"
        #expect(actions([.jobLoss], draft) == ["Employment services (Welfare-to-Work) to find work again"])
    }

    @Test("two protective factors needing support give two supports, in the workbook's order; a strength gives none")
    func protectiveFactors() {
        var draft = IntakeDraft(bankVersion: 1)
        draft.answers["pf.knowledge"] = "needsSupport"
        draft.answers["pf.connections"] = "needsSupport"
        draft.answers["pf.resilience"] = "strength"
        #expect(IntakeRecommendations.protectiveFactorSupports(draft).map(\.action)
                == ["Connect the parent to a parent group or family resource center", "Offer parenting education"])
    }
}
