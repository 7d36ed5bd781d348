/// One problem found in an input file, located so that a clerk can fix it in Excel:
/// line, column, the value as written, and the reason in Chinese.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// 1-based physical line; 0 for a problem with the whole file.
    public let line: Int
    /// The column's header as written in the file, or empty for a whole-file problem.
    public let column: String
    public let value: String
    public let reason: String

    public init(line: Int, column: String = "", value: String = "", reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    public var description: String {
        var s = line > 0 ? "第\(line)行" : "文件"
        if !column.isEmpty { s += " 列[\(column)]" }
        if !value.isEmpty { s += " 值[\(value)]" }
        return s + ": " + reason
    }
}
