import Foundation
import PropertyBased
import PropertyTesting
import Testing
@testable import LinkagesDomain

@Suite("Reading an extract row")
struct ExtractRowTests {
    func read(_ values: [ExtractColumn: String], _ program: Program = .calworks) -> ExtractRowReader.Outcome {
        ExtractRowReader.read({ values[$0] ?? "" }, program: program)
    }

    @Test("only a person id, a name and a household are required")
    func minimal() throws {
        guard case .person(let person) = read([.personId: "P1", .caseNumber: "C1", .lastName: "Cruz"]) else {
            Issue.record("expected a person")
            return
        }
        #expect(person.firstName == "" && person.lastName == "Cruz")
        #expect(person.sex == nil && person.relationship == nil, "not given: a new person is unknown, a stored one keeps theirs")
        #expect(person.involvements.map(\.component) == [.cashAid])  // a CalWORKs case is cash aid unless said otherwise
    }

    @Test("values are read the way counties write them")
    func values() throws {
        guard case .person(let person) = read([
            .personId: " P1 ", .caseNumber: "C1", .firstName: "Ana", .lastName: "Cruz", .dob: "1/2/1990", .sex: "female",
            .ssn: "900-12-3456", .relationship: "Daughter", .programStatus: "Discontinued", .components: "CA|WTW; fs",
            .aidBegin: "2024-01-01", .aidEnd: "06/30/2024", .zip: "93701-1234",
        ]) else {
            Issue.record("expected a person")
            return
        }
        #expect(person.personId == "P1")
        #expect(person.dateOfBirth == CalendarDate("1990-01-02"))
        #expect(person.ssn == "900123456")
        #expect(person.relationship == .child)
        #expect(person.involvements.map(\.component) == [.cashAid, .welfareToWork, .familyStabilization])
        #expect(person.involvements.allSatisfy { $0.status == .closed && $0.end == CalendarDate("2024-06-30") })
        #expect(person.involvements.allSatisfy { $0.welfareToWorkStatus == nil }, "no wtw_status column")
        guard case .person(let sanctioned) = read([
            .personId: "P2", .caseNumber: "C1", .lastName: "Cruz", .components: "CA|WTW", .welfareToWorkStatus: "Non-Compliance",
        ]) else {
            Issue.record("expected a person")
            return
        }
        #expect(sanctioned.involvements.map(\.welfareToWorkStatus) == [nil, .nonCompliance], "the standing is the WTW component's")
        guard case .person(let child) = read([
            .personId: "C1", .referralId: "R-1", .firstName: "Sofia", .role: "child", .serviceComponent: "fr", .referralDate: "2026-09-09",
        ], .childWelfare) else {
            Issue.record("expected a person")
            return
        }
        #expect(child.householdKey == "R-1")
        #expect(child.caseRole == .child)
        #expect(child.involvements == [ExtractInvolvement(component: .familyReunification, status: nil,
                                                          start: CalendarDate("2026-09-09"), end: nil, sourceCaseId: "R-1")])
    }

    @Test("each wrong value is named with its column")
    func problems() {
        guard case .problems(let problems) = read([
            .personId: "P1", .firstName: "Ana", .sex: "Q", .components: "cash_aid;food", .aidBegin: "2024-05-01",
            .aidEnd: "2024-01-01", .relationship: "cousin twice removed", .welfareToWorkStatus: "benched",
        ]) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.map(\.column) == [.sex, .relationship, .aidEnd, .welfareToWorkStatus, .components, .caseNumber])
        #expect(problems.last?.reason == "a case number is required to know the household")
    }

    @Test("what a spreadsheet does to ids is named per column, with how to export them as text")
    func spreadsheetDamage() {
        guard case .problems(let problems) = read([
            .personId: "1.23457E+11", .caseNumber: "9E+15", .lastName: "Cruz", .ssn: "12345678", .zip: "2134", .cin: "9.1E+3",
            .phone: "5.59555E+09",
        ]) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.map(\.column) == [.personId, .ssn, .zip, .cin, .phone, .caseNumber])
        #expect(problems.allSatisfy { $0.reason.contains("formatted as Text") })
        #expect(problems[1].reason.hasPrefix("an SSN has 9 digits; '12345678' has 8, as when a spreadsheet drops leading zeros"))
        #expect(!problems.contains { $0.reason.contains("is required") }, "a damaged id is not reported missing as well")
        // Not damage: ids that only look numeric, and SSNs short for other reasons.
        for value in ["1E", "E+11", "12.5", "1.2.3E+4", "0012345", "K-1E+5"] {
            #expect(!SpreadsheetDamage.isScientificNotation(value), "\(value)")
        }
        guard case .problems(let short) = read([.personId: "P1", .caseNumber: "C1", .lastName: "Cruz", .ssn: "900-12-345"]) else {
            Issue.record("expected problems")
            return
        }
        #expect(short.map(\.reason) == ["an SSN has 9 digits; this one has 8"])
    }

    @Test("any date written either way reads back the same")
    func datesRoundTrip() {
        forAll(Gen.int(in: 0...3_652_058), count: 2_000) { dayNumber in
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(CalendarDate(date.iso) == date)
            #expect(CalendarDate(date.usFormat) == date)
        }
    }
}

@Suite("Finding a row's columns")
struct ColumnPositionsTests {
    @Test("every column is found at its own field, and a column the file lacks reads as empty")
    func everyColumn() {
        let columns = ExtractColumn.allCases
        let fields = columns.map(\.rawValue).reversed().map { $0 }
        let positions = ColumnPositions(Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, columns.count - 1 - $0) }))
        #expect(columns.allSatisfy { positions.value($0, in: fields) == $0.rawValue })
        let partial = ColumnPositions([.personId: 0, .lastName: 1])
        #expect(partial.value(.lastName, in: ["P1", "Ruiz"]) == "Ruiz" && partial.value(.firstName, in: ["P1", "Ruiz"]).isEmpty)
    }
}
