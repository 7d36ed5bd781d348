/// The one place text becomes safe for a workbook's XML (SPEC §8). XML 1.0 forbids the C0
/// controls other than tab, LF and CR, and U+FFFE and U+FFFF; libxlsxwriter writes most text
/// into its XML parts as it is given, so one such character in a customer name (`\u{0B}` from
/// a copy-paste, U+FFFF from a broken converter) makes the chart or shared-strings part
/// ill-formed and Excel or openpyxl refuse the whole file. Every public entry of this wrapper
/// that hands text to libxlsxwriter goes through `withXMLSafeCString`, so each forbidden
/// character becomes U+FFFD, the same everywhere (a cell, the chart cache of that cell, a sheet
/// name, a title, a property, a page header).
///
/// Replacing here, rather than letting libxlsxwriter escape, also keeps every part alike:
/// libxlsxwriter escapes some controls as `_x000B_` in cells only (and misses U+001F), while
/// chart caches and properties get them raw. U+0000 becoming U+FFFD also keeps C strings
/// from being cut short at it.
public enum XMLSafeText {
    /// What every forbidden character becomes.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 forbids `scalar` in a document (its `Char` production). Lone surrogates
    /// cannot occur in a Swift String, so these are the only ones text can carry.
    @inline(__always)
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// `text` with every forbidden character replaced by U+FFFD; `text` itself (no copy) in the
    /// usual case where there is none, since a workbook writes millions of strings.
    public static func sanitized(_ text: String) -> String {
        guard needsReplacement(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isForbidden(scalar) ? replacement : scalar) }
        return String(out)
    }

    /// Scans the UTF-8 bytes: a forbidden C0 control is a byte below 0x20, and U+FFFE/U+FFFF are
    /// `EF BF BE`/`EF BF BF`. Any other byte (ASCII letters, CJK lead and continuation bytes)
    /// costs one comparison.
    static func needsReplacement(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(needsReplacement(bytes:)) { return found }
        return needsReplacement(bytes: Array(text.utf8))
    }

    private static func needsReplacement<Bytes: RandomAccessCollection>(bytes: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return true }
            } else if b == 0xEF, end - i >= 3, bytes[i + 1] == 0xBF, bytes[i + 2] & 0xFE == 0xBE {
                return true
            }
            i += 1
        }
        return false
    }
}

extension String {
    /// `withCString` over the XML-safe form of the text (`XMLSafeText.sanitized`): what every
    /// call into libxlsxwriter that passes text uses, so none can pass a forbidden character.
    func withXMLSafeCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        XMLSafeText.sanitized(self).withCString(body)
    }
}
