/// Excel's rules for a worksheet name, applied before libxlsxwriter sees it: it refuses (rather
/// than repairs) a name over 31 characters, with `[]:*?/\`, or starting or ending with `'`, and
/// names reach sheets from configuration (owner names), not only from code.
public enum SheetName {
    /// Whether an XML reader would turn `character` into a space in a sheet name: the name is an
    /// attribute of workbook.xml, where tab and line breaks are normalised to spaces, while a
    /// chart's reference to the sheet (element text) keeps them and would no longer match.
    public static func isSpaceInXML(_ character: Character) -> Bool {
        character.isNewline || character == "\t"
    }

    /// Characters Excel does not allow in a sheet name.
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    /// Excel's limit, counted in UTF-16 units as Excel counts.
    public static let maximumLength = 31

    /// `name` with each forbidden character, tab and line break replaced by `_`, leading and trailing apostrophes
    /// removed, characters XML forbids as U+FFFD (`XMLSafeText`), cut to 31 UTF-16 units without
    /// splitting a character; `Sheet` when nothing is left.
    public static func sanitized(_ name: String) -> String {
        var text = String(XMLSafeText.sanitized(name).map { forbidden.contains($0) || isSpaceInXML($0) ? "_" : $0 })
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
