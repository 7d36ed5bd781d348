import Testing
@testable import XLSXWriter

@Suite struct CellRangeTests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnLetters(column: Int, expected: String) {
        #expect(CellRange.columnLetters(column) == expected)
    }

    @Test func a1Range() {
        #expect(CellRange.a1(firstRow: 1, firstColumn: 1, lastRow: 119, lastColumn: 1) == "B2:B120")
    }
}
