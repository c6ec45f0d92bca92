import Testing
@testable import LinkagesTUI

@Suite("Measuring and drawing text")
struct RenderingTests {
    @Test("accented letters take one column, combining marks none, wide characters two")
    func widths() {
        #expect(DisplayWidth.of("José Núñez-García") == 17)
        #expect(DisplayWidth.of("Jose\u{301}") == 4)
        #expect(DisplayWidth.of("Thảo") == 4)
        #expect(DisplayWidth.of("王小明") == 6)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("text is cut with an ellipsis and padded to line up columns")
    func fitting() {
        #expect(DisplayWidth.truncate("Núñez-García, José", to: 10) == "Núñez-Gar…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.fit("Núñez", to: 8) == "Núñez   ")
        #expect(DisplayWidth.fit("42", to: 5, alignment: .trailing) == "   42")
        #expect(DisplayWidth.fit("王小明", to: 5) == "王小…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test("wrapping breaks at spaces and splits words longer than a line")
    func wrapping() {
        #expect(DisplayWidth.wrap("Sarah lost her job at a grocery store", to: 12) == ["Sarah lost", "her job at a", "grocery", "store"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("王小明", to: 1) == ["王", "小", "明"])
        #expect(DisplayWidth.wrap("one\n\ntwo", to: 10) == ["one", "", "two"])
    }

    @Test("the grid keeps every row exactly as wide as the screen")
    func gridWideCharacters() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        let end = grid.put("a王b", row: 0, column: 0)
        #expect(end == 4)
        #expect(grid.lines == ["a王b"])
        grid.put("x", row: 0, column: 2)  // overwrites the right half of 王, which is blanked
        #expect(grid.lines == ["a xb"])
        grid.put("王王王王", row: 0, column: 0)
        #expect(grid.lines == ["王王王"])
        grid.put("clipped text", row: 0, column: 3, maxWidth: 2)
        #expect(grid.lines == ["王 cl"])
    }

    @Test("decomposed accents are drawn as one cell")
    func precomposes() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.put("Jose\u{301}", row: 0, column: 0)
        #expect(grid[0, 3].text == "é")
        #expect(grid.lines == ["José"])
    }

    @Test("writing outside the grid does nothing")
    func clipping() {
        var grid = CellGrid(size: Size(width: 3, height: 2))
        grid.put("abc", row: 5, column: 0)
        grid.put("abc", row: 0, column: -1)
        grid.put("abcdef", row: 1, column: 1)
        #expect(grid.lines == ["bc", " ab"])
    }
}

@Suite("Widgets")
struct WidgetTests {
    @Test("a text field edits at its cursor")
    func textField() {
        var field = TextField()
        for c in "Nunez" { field.edit(.char(c)) }
        field.edit(.left); field.edit(.left)
        field.edit(.backspace)
        field.edit(.char("ñ"))
        #expect(field.text == "Nuñez")
        field.edit(.home)
        field.edit(.delete)
        #expect(field.text == "uñez")
        field.edit(.end)
        field.edit(.char("!"))
        #expect(field.text == "uñez!")
        let cleared = field.edit(.ctrl("u"))
        #expect(cleared && field.text.isEmpty)
        let changed = field.edit(.backspace)
        #expect(!changed)
    }

    @Test("a long field scrolls so the cursor stays visible")
    func textFieldScrolls() {
        var field = TextField()
        for c in "Guadalupe Núñez-García" { field.edit(.char(c)) }
        var grid = CellGrid(size: Size(width: 12, height: 1))
        field.render(into: &grid, row: 0, column: 0, width: 10, focused: true)
        #expect(grid.lines == ["ez-García"])
        #expect(grid.cursor == Point(row: 0, column: 9))
    }

    @Test("the selection stays on screen while moving and paging")
    func listSelection() {
        var selection = ListSelection()
        selection.apply(.moveDown, count: 50, visibleRows: 10)
        #expect(selection.index == 1 && selection.offset == 0)
        selection.apply(.pageDown, count: 50, visibleRows: 10)
        #expect(selection.index == 10 && selection.offset == 1)
        selection.apply(.moveToBottom, count: 50, visibleRows: 10)
        #expect(selection.index == 49 && selection.offset == 40)
        selection.apply(.moveDown, count: 50, visibleRows: 10)
        #expect(selection.index == 49)
        selection.apply(.moveToTop, count: 50, visibleRows: 10)
        #expect(selection.index == 0 && selection.offset == 0)
        selection.apply(.moveUp, count: 50, visibleRows: 10)
        #expect(selection.index == 0)
        let moved = selection.apply(.open, count: 50, visibleRows: 10)
        #expect(!moved)
        selection.apply(.moveToBottom, count: 50, visibleRows: 10)
        selection.clamp(count: 5)
        #expect(selection.index == 4)
        #expect(selection.visibleOffset(rows: 3) == 4)
    }

    @Test("table columns share the width and line up")
    func tableColumns() {
        let widths = Table.columnWidths([
            TableColumn("A", .fixed(10)), TableColumn("B", .flexible(minimum: 5)), TableColumn("C", .flexible(minimum: 5)),
        ], totalWidth: 41)
        #expect(widths == [10, 14, 13])
        #expect(widths.reduce(0, +) + 2 * Table.gap == 41)
    }
}
