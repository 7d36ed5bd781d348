/// Trimming as the policy compares free text (payment terms, file fields): inputs are trimmed by
/// ingest, but values built elsewhere (config keys, tests) may not be.
extension String {
    /// Without leading and trailing spaces, tabs and line breaks (ASCII and the ideographic space).
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
