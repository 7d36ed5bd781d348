/// Text for a printed page header or footer, where `&` starts a control code (`&P` page,
/// `&N` pages, `&L` left…): literal text from configuration (an owner called `A&B`) must have
/// its ampersands doubled, and libxlsxwriter refuses anything over 255 characters.
public enum HeaderFooterText {
    public static let maximumLength = 255

    /// `text` with `&` doubled, so it prints as written.
    public static func literal(_ text: String) -> String {
        text.replacingAmpersands()
    }

    /// `codes` cut to 255 characters without leaving a dangling `&` at the cut.
    public static func limited(_ codes: String) -> String {
        guard codes.count > maximumLength else { return codes }
        var cut = String(codes.prefix(maximumLength))
        // An odd run of trailing `&` would start a control code with nothing after it.
        let trailing = cut.reversed().prefix { $0 == "&" }.count
        if trailing % 2 == 1 { cut.removeLast() }
        return cut
    }
}

extension String {
    fileprivate func replacingAmpersands() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            out.append(c)
            if c == "&" { out.append("&") }
        }
        return out
    }
}
