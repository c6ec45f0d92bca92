import Foundation
import LinkagesDomain
import LinkagesResources

/// The demo data files in Resources/demo, decoded.
struct DemoResources {
    var names: NameLists
    var places: Places
    var sarah: SarahsStory

    static func load() throws -> DemoResources {
        DemoResources(
            names: try LinkagesResources.decode(NameLists.self, from: "names.json", in: "demo"),
            places: try LinkagesResources.decode(Places.self, from: "places.json", in: "demo"),
            sarah: try LinkagesResources.decode(SarahsStory.self, from: "sarah.json", in: "demo"))
    }
}

struct NameLists: Decodable {
    struct Group: Decodable {
        var raceEthnicity: RaceEthnicity
        var weight: Int
        var female: [String]
        var male: [String]
        var surnames: [String]
        var compoundSurnames: Double
    }
    var groups: [Group]
}

struct Places: Decodable {
    struct City: Decodable {
        var city: String
        var zips: [String]
        var office: String
    }
    var cities: [City]
    var streets: [String]
}

/// Sarah's Story from the trainee workbook, as data.
public struct SarahsStory: Decodable, Sendable {
    public struct Member: Decodable, Sendable {
        public var firstName: String
        public var age: Int
        public var birthdayDaysAgo: Int
        public var sex: Sex
        public var relationship: Relationship
        public var caseRole: CaseRole
    }
    public struct Component: Decodable, Sendable {
        public var component: ServiceComponent
        public var startYearsAgo: Int
        public var endYearsAgo: Int
    }
    public struct CalWORKsCase: Decodable, Sendable {
        public var caseNumber: String
        public var office: String
        public var components: [Component]
    }
    public struct Referral: Decodable, Sendable {
        public var referralId: String
        public var office: String
        public var openedDaysAgo: Int
    }
    public struct StoryConcern: Decodable, Sendable {
        public var kind: ConcernKind
        public var note: String
    }

    public var story: String
    public var before: String
    public var lastName: String
    public var street: String
    public var city: String
    public var zip: String
    public var phone: String
    public var people: [Member]
    public var raceEthnicity: RaceEthnicity
    public var calworksCase: CalWORKsCase
    public var childWelfareReferral: Referral
    public var concerns: [StoryConcern]

    /// The story as the workbook tells it.
    public static func load() throws -> SarahsStory {
        try LinkagesResources.decode(SarahsStory.self, from: "sarah.json", in: "demo")
    }

    /// Each member's date of birth, so that the ages in the story hold on `date`.
    public func dateOfBirth(of member: Member, on date: CalendarDate) -> CalendarDate {
        date.adding(days: -member.birthdayDaysAgo).adding(years: -member.age)
    }
}
