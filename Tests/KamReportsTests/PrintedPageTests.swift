import Testing
@testable import KamReports

/// The print scale a sheet needs to fit an A4 page, in Excel's pixel metrics.
@Suite struct PrintedPageTests {
    @Test func scaleFitsTheColumnsToTheWidth() {
        let page = PrintedPage(landscape: true)
        // 173 + 215 + 3 × 159 = 865 pixels fit in 987.8 at 100%.
        #expect(page.scale(width: PrintedPage.pixels(ofColumns: [24, 30, 22, 22, 22])) == 100)
        // With a 66-unit column: 1,173 pixels, 987.8 / 1,173 = 84.2%.
        #expect(page.scale(width: PrintedPage.pixels(ofColumns: [24, 30, 22, 22, 66])) == 84)
        // Upright, the same 1,173 pixels fit 659.5 / 1,173 = 56.2%.
        #expect(PrintedPage(landscape: false).scale(width: PrintedPage.pixels(ofColumns: [24, 30, 22, 22, 66])) == 56)
    }

    @Test func onePageTakesTheSmallerOfWidthAndHeight() {
        // 60 rows of 20 pixels = 1,200: landscape's 649.9 gives 54%, portrait's 978.2 gives 81%;
        // 900 pixels wide: landscape 100%, portrait 659.5 / 900 = 73%.
        #expect(PrintedPage(landscape: true).scale(width: 900, height: 1_200) == 54)
        #expect(PrintedPage(landscape: false).scale(width: 900, height: 1_200) == 73)
    }
}
