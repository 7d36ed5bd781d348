import Testing
@testable import KamReports

/// 概览's page breaks keep each chart on one page, filling pages as far as they go.
@Suite struct PrintedPageTests {
    let page = PrintedPage(columnWidths: [24, 30, 22, 22, 22])

    @Test func scaleFitsTheColumnsToTheWidth() {
        // 173 + 215 + 3 × 159 = 865 pixels fit in 987.8 at 100%.
        #expect(page.scalePercent == 100)
        // With a 66-unit hash column: 1,173 pixels, 987.8 / 1,173 = 84.2%.
        let wide = PrintedPage(columnWidths: [24, 30, 22, 22, 66])
        #expect(wide.scalePercent == 84)
    }

    @Test func aSpanThatWouldCrossThePageEndStartsANewPage() {
        let rows = page.rowsPerPage
        #expect(page.breaks(keepingTogether: [2...10]) == [])
        #expect(page.breaks(keepingTogether: [(rows - 5)...(rows + 5)]) == [rows - 5])
        // A full page ends with a break of its own, and later spans are measured from it.
        #expect(page.breaks(keepingTogether: [(rows + 2)...(rows + 10)]) == [rows])
        #expect(page.breaks(keepingTogether: [(rows + 2)...(rows + 10), (2 * rows - 3)...(2 * rows + 3)]) == [rows, 2 * rows - 3])
        // A span taller than a page starts a page and runs on.
        #expect(page.breaks(keepingTogether: [5...(5 + 2 * rows)]) == [5])
    }
}
