/// Customer ids are text: `00123` keeps its zeros. An id Excel has already turned into a
/// number (`1.23E+17`, or 16+ digits ending in zeros past the 15th) has lost digits and must
/// never be merged with another customer's, so it is an error. So is an id with a character
/// nobody can see or type the same way twice — a control (Cc, e.g. U+0000) or format (Cf,
/// e.g. U+200B, U+FEFF, U+200E) character — or a full-width letter or digit: `００１２３`
/// looks like `00123` but is another key, and guessing which was meant would merge or split
/// customers silently (SPEC §8). Every kind reads its ids through `validate`.
public enum CustomerIDRule {
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case scientificNotation
        case truncatedByExcel
        /// A control or format character, e.g. U+0000 or U+200B.
        case invisibleCharacter(Unicode.Scalar)
        /// A full-width letter or digit (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A).
        case fullWidthCharacter(Unicode.Scalar)
    }

    /// The trimmed id, or why it cannot be used.
    public static func validate(_ raw: String) -> Result<String, Problem> {
        let id = raw.trimmingSpaces
        if id.isEmpty { return .failure(.empty) }
        // ASCII printable ids (nearly all) need no scalar walk.
        if !id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for scalar in id.unicodeScalars {
                if let problem = problem(with: scalar) { return .failure(problem) }
            }
        }
        if isScientific(id) { return .failure(.scientificNotation) }
        let bytes = Array(id.utf8)
        if bytes.count >= 16, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           bytes[15...].allSatisfy({ $0 == UInt8(ascii: "0") }) {
            return .failure(.truncatedByExcel)
        }
        return .success(id)
    }

    /// Why `scalar` may not be part of an id, if it may not.
    static func problem(with scalar: Unicode.Scalar) -> Problem? {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .fullWidthCharacter(scalar)
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format: return .invisibleCharacter(scalar)
        default: return nil
        }
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

extension Unicode.Scalar {
    /// `U+200B`: how a receipt names a character the clerk cannot see.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
