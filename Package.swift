// swift-tools-version: 6.0
// Linkages: coordinating CalWORKs and Child Welfare Services for mutual families.
import PackageDescription

let package = Package(
    name: "Linkages",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "linkages", targets: ["linkages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The rules: households, people, programs, tiers. Foundation only.
        .target(name: "LinkagesDomain"),

        // Strict, fast CSV for county extracts, with the line and position of every problem.
        .target(name: "LinkagesCSV"),

        // The top-level Resources/ folder: demo data, question bank, walkthrough scripts.
        .target(
            name: "LinkagesResources",
            path: "Resources",
            sources: ["LinkagesResources.swift"],
            resources: [.copy("demo"), .copy("intake"), .copy("matching"), .copy("directory"), .copy("staffing"), .copy("training")]
        ),

        // SQLite's process-wide settings, which only C can make (sqlite3_config is variadic).
        .target(
            name: "CSQLiteSettings",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),

        // SQLite through GRDB: migrations, records, queries.
        .target(
            name: "LinkagesStore",
            dependencies: [
                "CSQLiteSettings",
                "LinkagesDomain",
                "LinkagesCSV",
                "LinkagesMatching",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SHA-256 for the audit trail's hash chain.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Record linkage: normalisation, comparators, blocking, Fellegi-Sunter with EM, explanations.
        .target(name: "LinkagesMatching", dependencies: ["LinkagesDomain", "LinkagesResources"]),

        // The deterministic demo database (Sarah's Story and synthetic families).
        .target(
            name: "LinkagesDemo",
            dependencies: ["LinkagesDomain", "LinkagesStore", "LinkagesResources", "LinkagesCSV", "LinkagesMatching"]
        ),

        // The smallest shim over ncursesw for what Swift cannot import.
        .target(
            name: "CNCurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),

        // Screens: state, update, view, key maps, and the ncurses backend.
        .target(
            name: "LinkagesTUI",
            dependencies: ["LinkagesDomain", "LinkagesStore", "LinkagesMatching", "CNCurses"]
        ),

        .executableTarget(
            name: "linkages",
            dependencies: [
                "LinkagesDomain",
                "LinkagesStore",
                "LinkagesDemo",
                "LinkagesMatching",
                "LinkagesResources",
                "LinkagesCSV",
                "LinkagesTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Test-only helpers: temporary databases, golden files, the screen driver, tmux.
        .target(
            name: "LinkagesTestSupport",
            dependencies: ["LinkagesDomain", "LinkagesStore", "LinkagesDemo", "LinkagesResources", "LinkagesTUI"],
            path: "Tests/LinkagesTestSupport"
        ),

        // forAll with a fixed seed, for the property tests.
        .target(
            name: "PropertyTesting",
            dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/PropertyTesting"
        ),

        .testTarget(
            name: "LinkagesDomainTests",
            dependencies: ["LinkagesDomain", "PropertyTesting", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "LinkagesMatchingTests",
            dependencies: [
                "LinkagesMatching", "LinkagesDemo", "LinkagesResources", "PropertyTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LinkagesCSVTests",
            dependencies: ["LinkagesCSV", "PropertyTesting", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "LinkagesStoreTests",
            dependencies: [
                "LinkagesStore", "LinkagesCSV", "LinkagesDemo", "LinkagesMatching", "LinkagesTestSupport", "PropertyTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Extracts as LibreOffice saved them, read by SpreadsheetImportTests.
            exclude: ["Spreadsheets"]
        ),
        .testTarget(
            name: "LinkagesTUITests",
            dependencies: ["LinkagesTUI", "LinkagesDemo", "LinkagesTestSupport", "PropertyTesting",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "LinkagesEndToEndTests",
            dependencies: ["LinkagesTestSupport", "LinkagesTUI"]
        ),
    ]
)
