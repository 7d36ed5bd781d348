/// Column widths that fit CJK text: libxlsxwriter has no autofit, and a Chinese character is
/// about two width units in Excel, WPS and LibreOffice alike. Every table sizes its columns here.
///
/// The rules: East Asian Wide and Fullwidth characters (汉字, 全角 punctuation, kana, hangul, emoji)
/// count 2, combining marks and zero-width characters 0, everything else 1; a multi-line text
/// counts its widest line; numbers count as displayed by their number format (`1,234,567.50`,
/// `12.3%`), not as stored; a header gets room for its bold face and the autofilter button; the
/// result is padded and capped so one long name does not make a sheet unprintable.
public enum ColumnWidth {
    public static let minimum = 6.0
    public static let maximum = 50.0
    /// Padding either side of the text, in width units.
    static let padding = 2.0
    /// The autofilter drop-down button covers about two units at the right of a header cell.
    static let filterButton = 2.0
    /// Bold text is about a tenth wider than regular.
    static let boldFactor = 1.1

    /// The display width of `text` in Excel character units (the widest line).
    public static func units(_ text: String) -> Int {
        if let ascii = text.utf8.withContiguousStorageIfAvailable(asciiUnits), let ascii { return ascii }
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
            } else {
                current += weight(scalar)
            }
        }
        return max(widest, current)
    }

    /// The width for a column holding `texts` (already as displayed), with padding, capped.
    /// - Parameter bold: the texts are bold (labels), about a tenth wider.
    public static func fit(_ texts: [String], bold: Bool = false, minimum: Double = minimum,
                           maximum: Double = maximum) -> Double {
        let widest = Double(texts.map(units).max() ?? 0) * (bold ? boldFactor : 1)
        return min(max(widest.rounded(.up) + padding, minimum), maximum)
    }

    /// The width for a table column: its cells as displayed, and its bold header with the filter
    /// button — on two lines if need be, so a column is as wide as its data needs, not its header
    /// (`A类未达标客户数` over two-digit counts; SPEC §8 Workbooks).
    public static func fit(header: String, cells: [String], maximum: Double = maximum) -> Double {
        fit(header: header, widestCell: cells.map(units).max() ?? 0, maximum: maximum)
    }

    /// `fit(header:cells:maximum:)` for a caller that measured its cells as it went: `widestCell`
    /// is the largest of their `units`.
    public static func fit(header: String, widestCell: Int, maximum: Double = maximum) -> Double {
        let cellWidth = Double(widestCell) + padding
        return min(max(headerWidth(header, lines: 2), cellWidth, minimum), maximum)
    }

    /// The width a bold header with the filter button needs on `lines` (1 or 2) lines.
    public static func headerWidth(_ header: String, lines: Int) -> Double {
        let widest = lines >= 2 ? twoLineUnits(header) : units(header)
        return (Double(widest) * boldFactor).rounded(.up) + filterButton + padding
    }

    /// The widest line of `text` wrapped onto two lines as evenly as it can be, breaking only where
    /// Excel and LibreOffice break: beside a CJK character, or after a space, `-` or `/`.
    public static func twoLineUnits(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        let total = units(text)
        guard !text.contains("\n"), scalars.count > 1 else { return total }
        var best = total
        var before = 0
        for i in 1..<scalars.count {
            before += weight(scalars[i - 1])
            let (left, right) = (scalars[i - 1], scalars[i])
            if isWide(left) || isWide(right) || left == " " || left == "-" || left == "/" {
                best = min(best, max(before, total - before))
            }
        }
        return best
    }

    /// `units` of an ASCII text, byte by byte; nil when the text is not ASCII. Most cells are
    /// (amounts, ratios, dates, ids): decoding their scalars for the widths was 0.5–1% of the scale
    /// workspace's workbook phase.
    private static func asciiUnits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var widest = 0
        var current = 0
        for b in bytes {
            if b >= 0x80 { return nil }
            if b == 0x0A {
                widest = max(widest, current)
                current = 0
            } else if b >= 0x20 {
                current += 1  // a control character counts 0, as in `weight`
            }
        }
        return max(widest, current)
    }

    /// 2 for East Asian Wide/Fullwidth, 0 for combining and zero-width characters, else 1.
    static func weight(_ s: Unicode.Scalar) -> Int {
        // The two blocks nearly every character falls in, before the range lists: Latin below
        // the combining marks (width 1) and the CJK ideographs (width 2).
        let v = s.value
        if v >= 0x20 && v < 0x300 { return 1 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        if isZeroWidth(s) { return 0 }
        return isWide(s) ? 2 : 1
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF, 0x1AB0...0x1AFF, 0x20D0...0x20FF:
            return true
        default:
            return s.value < 0x20
        }
    }

    /// East Asian Width W or F (Unicode 15), by block: close enough for column sizing.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
