import Foundation
import LinkagesDemo
import LinkagesDomain
import LinkagesStore
import LinkagesTestSupport
import Testing
@testable import LinkagesTUI

/// Every terminal size from 1×1 to 300×100 draws without a crash and without a row wider than
/// the terminal; below 80×24 the screen says so. Resizes in the middle of typing lose nothing.
@Suite("Every terminal size")
struct TerminalSizeTests {
    static let largest = Size(width: 300, height: 100)

    /// Draws the driver's screen at `size` and checks the grid's shape (lines come without their
    /// trailing blanks).
    static func draw(_ d: inout ScreenDriver, at size: Size, sourceLocation: SourceLocation = #_sourceLocation) {
        d.resize(to: size)
        let lines = d.lines
        #expect(lines.count == size.height, "\(size)", sourceLocation: sourceLocation)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.width }, "\(size)", sourceLocation: sourceLocation)
    }

    @Test("every size smaller than 80×24, up to 300 wide and 100 high, says the terminal is too small")
    func tooSmall() throws {
        var d = ScreenDriver(database: try Fixtures.demoDatabase())
        for width in 1...Self.largest.width {
            for height in 1...Self.largest.height where width < Size.minimum.width || height < Size.minimum.height {
                d.resize(to: Size(width: width, height: height))
                let grid = d.grid
                #expect(grid.size == Size(width: width, height: height))
                if width >= 40 && height >= 3 {
                    #expect(grid.text.contains("80×24"), "\(width)×\(height)")
                }
            }
        }
    }

    @Test("the busiest screens at every width from 80 to 300 and every height from 24 to 100")
    func largeSizes() throws {
        let database = try Fixtures.demoDatabase()
        let robert = try database.actAs(workerNamed: "Robert Chen", account: "rchen", at: Fixtures.now)
        var screens: [ScreenDriver] = []
        var home = ScreenDriver(database: database, worker: robert)
        screens.append(home)
        home.press(.char("o"), .down, .down, .down)
        screens.append(home)
        home.press(.char("d"))
        screens.append(home)
        var family = ScreenDriver(database: database, worker: robert)
        family.press(.char("l"))
        family.type("jose nunez")
        family.press(.down, .enter)
        screens.append(family)
        var intake = ScreenDriver(database: database)
        intake.press(.char("i"), .char("n"))
        screens.append(intake)
        for var screen in screens {
            for width in Size.minimum.width...Self.largest.width {
                for height in [Size.minimum.height, Self.largest.height] { Self.draw(&screen, at: Size(width: width, height: height)) }
            }
            for height in Size.minimum.height...Self.largest.height {
                for width in [Size.minimum.width, Self.largest.width] { Self.draw(&screen, at: Size(width: width, height: height)) }
            }
        }
    }

    @Test("a storm of resizes while typing: every key typed while the screen shows is kept, in order")
    func resizeStorm() throws {
        let database = try Fixtures.demoDatabase()
        var d = ScreenDriver(database: database)
        d.press(.char("i"), .char("n"))
        let text = "Mom says the rent is late and the lights may be cut off on Friday."
        var random = SeededGenerator(seed: 42)
        // While the window is too small the screen says so and takes no key but q: what the
        // worker cannot see is not typed blind.
        var shown = ""
        for character in text {
            let size = Size(width: random.int(1...Self.largest.width), height: random.int(1...Self.largest.height))
            d.resize(to: size)
            _ = d.grid
            d.type(String(character))
            if size.isBigEnough { shown.append(character) }
        }
        d.resize(to: Size(width: 80, height: 24))
        let form = try #require(d.top(as: IntakeFormScreen.self))
        #expect(shown.count > 10)
        #expect(try database.intake(id: form.intakeId)?.draft.answers["referral.number"] == shown)
    }
}
