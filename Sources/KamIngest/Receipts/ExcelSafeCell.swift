/// One CSV cell as the receipt writes it: RFC 4180 quoting, and text from an input file made
/// inert so Excel never evaluates it. A cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (or their full-width forms) gets a leading apostrophe — OWASP's
/// CSV-injection advice; Excel shows the apostrophe, which is honest: the clerk sees the value
/// is text. Numbers kam writes itself (totals, counts) do not pass through `text`, so they
/// stay numbers.
public enum ExcelSafeCell {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// A value that came from an input file (or its name).
    public static func text(_ value: String) -> String {
        var v = value
        if let first = v.first, formulaStarts.contains(first) { v = "'" + v }
        return quoted(v)
    }

    /// A value kam produced; quoted only when CSV needs it.
    public static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + String(value.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
