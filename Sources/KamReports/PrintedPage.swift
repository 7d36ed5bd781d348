/// How 概览 falls onto landscape A4 pages: the scale at which its columns fit the page width,
/// and the page breaks that keep a chart (or the lineage heading) from being cut in two.
/// Pixel figures follow Excel's defaults: a column of w units is 7w + 5 pixels, a row is 20
/// pixels, 96 pixels an inch, margins 0.7 in left and right and 0.75 in top and bottom.
struct PrintedPage {
    /// A4 landscape, 11.69 × 8.27 in, less the default margins, in pixels at 96 per inch.
    static let printableWidth = (11.69 - 1.4) * 96
    static let printableHeight = (8.27 - 1.5) * 96
    static let rowPixels = 20.0
    /// Rows left free on each page for taller rows (the title) and rounding between programs.
    static let slackRows = 1

    let columnWidths: [Double]

    var sheetPixels: Double { columnWidths.reduce(0) { $0 + ($1 * 7 + 5) } }

    /// The largest whole percentage (at most 100) at which every column fits the page width.
    var scalePercent: Int {
        guard sheetPixels > 0 else { return 100 }
        return max(10, min(100, Int((Self.printableWidth / sheetPixels * 100).rounded(.down))))
    }

    /// Rows that fit on one page at `scalePercent`.
    var rowsPerPage: Int {
        Int(Self.printableHeight / (Self.rowPixels * Double(scalePercent) / 100)) - Self.slackRows
    }

    /// Page breaks (rows that start a page) so that no span in `spans` crosses a page end,
    /// filling each page as far as it goes. A span longer than a page starts a page and runs on.
    /// Every page end is a manual break, the estimated full pages too: a program whose pages hold
    /// more rows than estimated then still breaks where the estimate did, never inside a span.
    func breaks(keepingTogether spans: [ClosedRange<Int>]) -> [Int] {
        var breaks: [Int] = []
        var pageStart = 0
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            while span.lowerBound - pageStart >= rowsPerPage {
                pageStart += rowsPerPage
                breaks.append(pageStart)
            }
            if span.upperBound - pageStart >= rowsPerPage && span.lowerBound > pageStart {
                breaks.append(span.lowerBound)
                pageStart = span.lowerBound
            }
        }
        return breaks
    }
}
