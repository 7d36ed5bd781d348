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
        self.column = Self.shown(column)
        self.value = Self.shown(value)
        self.reason = reason
    }

    /// The text with every character a clerk could not see, or that would break the receipt
    /// (a control other than tab, LF and CR; a format character such as U+200B or U+FEFF;
    /// the non-characters U+FFFE and U+FFFF), written as `<U+200B>`: a receipt that says
    /// "this id has an invisible character" must show where it is, and a NUL must not reach
    /// the receipt's CSV or XML.
    static func shown(_ text: String) -> String {
        // Printable ASCII, tab, LF and CR (almost every value) need no scalar walk.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return text }
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { out.append(contentsOf: "<\(scalar.codePoint)>".unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0xFFFE, 0xFFFF: return true
        default:
            switch scalar.properties.generalCategory {
            case .control, .format: return true
            default: return false
            }
        }
    }

    public var description: String {
        var s = line > 0 ? "第\(line)行" : "文件"
        if !column.isEmpty { s += " 列[\(column)]" }
        if !value.isEmpty { s += " 值[\(value)]" }
        return s + ": " + reason
    }
}
