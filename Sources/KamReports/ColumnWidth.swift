/// Column widths that fit CJK text: libxlsxwriter has no autofit, and a Chinese character is
/// about two width units in Excel, WPS and LibreOffice alike.
public enum ColumnWidth {
    /// The display width of `text` in Excel character units: East Asian Wide and Fullwidth
    /// characters count 2, others 1.
    public static func units(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// The width for a column holding `texts`, with padding, capped so one long name does not
    /// make a sheet unprintable.
    public static func fit(_ texts: [String], minimum: Double = 6, maximum: Double = 50) -> Double {
        let widest = texts.map(units).max() ?? 0
        return min(max(Double(widest) + 2, minimum), maximum)
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
