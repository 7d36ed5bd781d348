/// Trimming as the policy compares free text (payment terms, file fields): inputs are trimmed by
/// ingest, but values built elsewhere (config keys, tests) may not be.
extension String {
    /// Without leading and trailing spaces, tabs and line breaks (ASCII and the ideographic space).
    var trimmedSpaces: String {
        // Most values have nothing to trim: when the first byte cannot begin a space character and
        // the last cannot end one, the string is returned as it is, without a walk over its
        // characters or a copy (customer files of the whole group pass here for 跨公司客户).
        if let first = utf8.first, let last = utf8.last,
           !Self.mayBeginSpace(first), !Self.mayEndSpace(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The first and the last UTF-8 byte of each space character above (U+3000 is E3 80 80).
    private static func mayBeginSpace(_ byte: UInt8) -> Bool {
        switch byte { case 0x20, 0x09, 0x0A, 0x0D, 0xE3: true; default: false }
    }
    private static func mayEndSpace(_ byte: UInt8) -> Bool {
        switch byte { case 0x20, 0x09, 0x0A, 0x0D, 0x80: true; default: false }
    }
}
