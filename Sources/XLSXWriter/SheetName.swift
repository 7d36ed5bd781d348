/// Excel's rules for a worksheet name, applied before libxlsxwriter sees it: it refuses (rather
/// than repairs) a name over 31 characters, with `[]:*?/\`, or starting or ending with `'`, and
/// names reach sheets from configuration (owner names), not only from code.
public enum SheetName {
    /// Characters Excel does not allow in a sheet name.
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    /// Excel's limit, counted in UTF-16 units as Excel counts.
    public static let maximumLength = 31

    /// `name` with each forbidden character replaced by `_`, leading and trailing apostrophes
    /// removed, cut to 31 UTF-16 units without splitting a character; `Sheet` when nothing is left.
    public static func sanitized(_ name: String) -> String {
        var text = String(name.map { forbidden.contains($0) || $0.isNewline ? "_" : $0 })
        while text.hasPrefix("'") { text.removeFirst() }
        while text.hasSuffix("'") { text.removeLast() }
        var kept = ""
        var units = 0
        for character in text {
            let width = character.utf16.count
            if units + width > maximumLength { break }
            kept.append(character)
            units += width
        }
        while kept.hasSuffix("'") { kept.removeLast() }
        return kept.isEmpty ? "Sheet" : kept
    }
}
