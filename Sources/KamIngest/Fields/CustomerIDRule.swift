/// Customer ids are text: `00123` keeps its zeros. An id Excel has already turned into a
/// number (`1.23E+17`, or 16+ digits ending in zeros past the 15th) has lost digits and must
/// never be merged with another customer's, so it is an error.
public enum CustomerIDRule {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case scientificNotation
        case truncatedByExcel
    }

    /// The trimmed id, or why it cannot be used.
    public static func validate(_ raw: String) -> Result<String, Problem> {
        let id = raw.trimmingSpaces
        if id.isEmpty { return .failure(.empty) }
        if isScientific(id) { return .failure(.scientificNotation) }
        let bytes = Array(id.utf8)
        if bytes.count >= 16, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           bytes[15...].allSatisfy({ $0 == UInt8(ascii: "0") }) {
            return .failure(.truncatedByExcel)
        }
        return .success(id)
    }

    /// `d[.d]E[±]d`, case-insensitive.
    private static func isScientific(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Bool {
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            return i > start
        }
        guard digits() else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() else { return false }
        }
        guard i < b.count, b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "e") else { return false }
        i += 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() else { return false }
        return i == b.count
    }
}
