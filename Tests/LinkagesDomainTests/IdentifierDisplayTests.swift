import Testing
@testable import LinkagesDomain

@Suite("Identifiers on screen")
struct IdentifierDisplayTests {
    @Test("an SSN shows only its last four digits")
    func masksSSN() {
        #expect(IdentifierDisplay.maskedSSN("900123456") == "***-**-3456")
        #expect(IdentifierDisplay.maskedSSN(nil) == "—")
        #expect(IdentifierDisplay.maskedSSN("12") == "—")
    }

    @Test("digits are read out of identifiers written with dashes")
    func digits() {
        #expect(IdentifierDisplay.digits("900-12-3456") == "900123456")
    }

    @Test("names read the way case lists show them")
    func names() {
        let person = Person(householdId: 1, firstName: "José", lastName: "Núñez-García")
        #expect(person.fullName == "José Núñez-García")
        #expect(person.sortableName == "Núñez-García, José")
    }
}
