import KamPolicy

/// Reads an amount as ERPs and Excel write it (SPEC §8 "Amounts") into exact fen:
/// `1,234.50`, `-12`, `(12.00)`, `（12）`, `¥12`, `-￥12`, `￥-12`, surrounding spaces.
/// Anything else — more than two decimals, a decimal comma, a stray character — is invalid,
/// because a misread amount silently changes a total. So is an amount beyond ±1,000,000,000,000.00
/// yuan (SPEC §8): no line of a subsidiary's export is that large, and the limit keeps a file's
/// sums far from `Fen`'s range.
public enum AmountGrammar {
    /// The largest magnitude one line may have: 1,000,000,000,000.00 yuan, in fen.
    public static let lineLimit: Fen = 100_000_000_000_000

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case invalid
        case tooManyDecimals
        case outOfRange
    }

    public static func parse(_ text: String) -> Result<Fen, Problem> {
        var s = Substring(text).trimmingSpaces
        if s.isEmpty { return .failure(.empty) }
        var negative = false
        var currencySeen = false
        if let first = s.first, first == "¥" || first == "￥" {
            currencySeen = true
            s = s.dropFirst().trimmingSpaces
        }
        if let first = s.first, let last = s.last, s.count >= 2,
           (first == "(" && last == ")") || (first == "（" && last == "）") {
            negative = true
            s = s.dropFirst().dropLast().trimmingSpaces
        } else if s.first == "-" {
            negative = true
            s = s.dropFirst()
        }
        if !currencySeen, let first = s.first, first == "¥" || first == "￥" {
            s = s.dropFirst()
        }
        return digits(s).map { negative ? -$0 : $0 }
    }

    /// `1,234.56` → 123456. Thousands separators must group by three.
    private static func digits(_ s: Substring) -> Result<Fen, Problem> {
        Array(s.utf8).withUnsafeBufferPointer { digits($0) }
    }

    /// The same on bytes, for the streaming reader.
    static func digits(_ utf8: UnsafeBufferPointer<UInt8>) -> Result<Fen, Problem> {
        if utf8.isEmpty { return .failure(.invalid) }
        var integer: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digitsInGroup = 0
        var sawSeparator = false
        var integerDigits = 0
        for b in utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { return .failure(.tooManyDecimals) }
                    fraction = fraction * 10 + d
                } else {
                    let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (v, o2) = m.addingReportingOverflow(d)
                    // Past the line limit already; checking here also keeps `integer * 100 + fraction`
                    // below from overflowing (with `Int64.max / 100` as the bound, 92233720368547758.08 trapped).
                    if o1 || o2 || v > lineLimit / 100 { return .failure(.outOfRange) }
                    integer = v
                    digitsInGroup += 1
                    integerDigits += 1
                    if sawSeparator && digitsInGroup > 3 { return .failure(.invalid) }
                }
            case UInt8(ascii: ","):
                if seenPoint || integerDigits == 0 { return .failure(.invalid) }
                if sawSeparator ? digitsInGroup != 3 : digitsInGroup > 3 { return .failure(.invalid) }
                sawSeparator = true
                digitsInGroup = 0
            case UInt8(ascii: "."):
                if seenPoint || integerDigits == 0 { return .failure(.invalid) }
                if sawSeparator && digitsInGroup != 3 { return .failure(.invalid) }
                seenPoint = true
            default:
                return .failure(.invalid)
            }
        }
        if integerDigits == 0 { return .failure(.invalid) }
        if sawSeparator && !seenPoint && digitsInGroup != 3 { return .failure(.invalid) }
        if seenPoint && fractionDigits == 0 { return .failure(.invalid) }
        if fractionDigits == 1 { fraction *= 10 }
        let value = integer * 100 + fraction
        if value > lineLimit { return .failure(.outOfRange) }
        return .success(value)
    }
}

extension Substring {
    /// Trims ASCII spaces, tabs and the full-width space that Chinese spreadsheets leave around values.
    var trimmingSpaces: Substring {
        switch utf8.withContiguousStorageIfAvailable({ ByteText.trimPlan($0) }) {
        case .untouched?: return self
        case .ascii(let from, let to)?:
            let u = utf8
            return self[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: to)]
        case .graphemes?, nil: return trimmingSpaceCharacters
        }
    }

    /// The rule itself, by `Character`: a space followed by a combining mark is one character
    /// that is not a space, so it stays. `trimmingSpaces` gives the same answer faster when
    /// the bytes show that no such case can arise.
    var trimmingSpaceCharacters: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" || f == "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" || l == "\u{00A0}" { s = s.dropLast() }
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        var copy = self
        switch copy.withUTF8({ ByteText.trimPlan($0) }) {
        case .untouched: return copy
        case .ascii(let from, let to): return copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
        case .graphemes: return String(Substring(copy).trimmingSpaceCharacters)
        }
    }
}

extension AmountGrammar {
    /// A quantity: a plain decimal number, optionally negative, with thousands separators.
    public static func parseQuantity(_ text: String) -> Result<Void, Problem> {
        var s = Substring(text).trimmingSpaces
        if s.first == "-" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts[0].utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ",") }),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })) else {
            return .failure(.invalid)
        }
        return .success(())
    }
}
