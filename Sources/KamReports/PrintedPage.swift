/// How a sheet falls onto an A4 page: the scale at which it fits. Pixel figures follow Excel's
/// defaults: a column of w units is 7w + 5 pixels, a row is 20 pixels, 96 pixels an inch,
/// margins 0.7 in left and right and 0.75 in top and bottom.
struct PrintedPage {
    let landscape: Bool

    /// A4 is 8.27 × 11.69 in; less the default margins, in pixels at 96 per inch.
    var printableWidth: Double { ((landscape ? 11.69 : 8.27) - 1.4) * 96 }
    var printableHeight: Double { ((landscape ? 8.27 : 11.69) - 1.5) * 96 }

    /// The smallest scale a data sheet may print at before it becomes hard to read: below it,
    /// a sheet prints across pages instead (SPEC §8 Workbooks).
    static let legibleScale = 70

    static func pixels(ofColumns widths: [Double]) -> Double { widths.reduce(0) { $0 + ($1 * 7 + 5) } }

    /// The largest whole percentage (at most 100, at least 10) at which `width` pixels fit
    /// across the page.
    func scale(width: Double) -> Int {
        guard width > 0 else { return 100 }
        return max(10, min(100, Int((printableWidth / width * 100).rounded(.down))))
    }

    /// The same for a sheet that must fit the page both ways (概览 on one page).
    func scale(width: Double, height: Double) -> Int {
        guard height > 0 else { return scale(width: width) }
        return min(scale(width: width), max(10, min(100, Int((printableHeight / height * 100).rounded(.down)))))
    }
}
