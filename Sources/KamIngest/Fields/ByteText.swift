import KamPolicy

/// Byte-level forms of the field rules for the streaming reader: trimming, and fast paths
/// for the shapes ERPs write almost always (`2026-09-30`, `1234.50`, an ASCII id). Anything
/// else falls back to the `String` grammars, so the rules stay exactly those of
/// `DateGrammar`, `AmountGrammar` and `CustomerIDRule`.
enum ByteText {
    /// Trims ASCII space and tab, U+3000 (E3 80 80) and U+00A0 (C2 A0), as `trimmingSpaces` does.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let (s, e) = trimmedRange(b)
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    /// The byte range `trimmed` keeps.
    static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var s = 0, e = b.count
        while s < e {
            let c = b[s]
            if c == 0x20 || c == 0x09 { s += 1 }
            else if c == 0xE3, s + 2 < e, b[s + 1] == 0x80, b[s + 2] == 0x80 { s += 3 }
            else if c == 0xC2, s + 1 < e, b[s + 1] == 0xA0 { s += 2 }
            else { break }
        }
        while e > s {
            let c = b[e - 1]
            if c == 0x20 || c == 0x09 { e -= 1 }
            else if c == 0x80, e - 3 >= s, b[e - 2] == 0x80, b[e - 3] == 0xE3 { e -= 3 }
            else if c == 0xA0, e - 2 >= s, b[e - 2] == 0xC2 { e -= 2 }
            else { break }
        }
        return (s, e)
    }

    /// How `trimmingSpaces` can trim text with these UTF-8 bytes without comparing
    /// `Character`s (the slow part of reading the quarter kinds, whose every cell is trimmed).
    enum TrimPlan: Equatable {
        /// Neither end starts or ends with a trimmed scalar, so no trimmed character is there.
        case untouched
        /// ASCII only (where every byte is one character, CR LF aside, which is never trimmed):
        /// the byte range to keep.
        case ascii(from: Int, to: Int)
        /// Something to trim next to non-ASCII text: a combining mark could join the space,
        /// so the `Character` rule decides.
        case graphemes
    }

    static func trimPlan(_ b: UnsafeBufferPointer<UInt8>) -> TrimPlan {
        let (from, to) = trimmedRange(b)
        if from == 0 && to == b.count { return .untouched }
        return isASCII(b) ? .ascii(from: from, to: to) : .graphemes
    }

    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c >= 0x80 { return false }
        return true
    }

    @inline(__always) static func digit(_ c: UInt8) -> Int? { c >= 48 && c <= 57 ? Int(c - 48) : nil }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (two-digit month and day) or `YYYYMMDD`, exactly;
    /// nil means "not this shape: ask `DateGrammar`", not "invalid".
    static func fastDate(_ t: UnsafeBufferPointer<UInt8>) -> LocalDateValue? {
        if t.count == 10 {
            let s1 = t[4], s2 = t[7]
            guard s1 == s2, s1 == 0x2D || s1 == 0x2F || s1 == 0x2E,
                  let y0 = digit(t[0]), let y1 = digit(t[1]), let y2 = digit(t[2]), let y3 = digit(t[3]),
                  let m0 = digit(t[5]), let m1 = digit(t[6]), let d0 = digit(t[8]), let d1 = digit(t[9]) else { return nil }
            return LocalDateValue(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        }
        if t.count == 8 {
            var v = 0
            for c in t { guard let d = digit(c) else { return nil }; v = v * 10 + d }
            return LocalDateValue(year: v / 10_000, month: (v / 100) % 100, day: v % 100)
        }
        return nil
    }

    /// `-?digits(.d{1,2})?` with at most 15 integer digits and within the line limit; nil
    /// means "ask `AmountGrammar`".
    static func fastAmount(_ t: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let n = t.count
        var negative = false
        if n > 0, t[0] == 0x2D { negative = true; i = 1 }
        var integer: Int64 = 0
        var digits = 0
        while i < n, let d = digit(t[i]) {
            // Stop before overflow; a longer number is left to `AmountGrammar`.
            if digits == 15 { return nil }
            integer = integer * 10 + Int64(d); digits += 1; i += 1
        }
        guard digits > 0 else { return nil }
        var fraction: Int64 = 0
        if i < n {
            guard t[i] == 0x2E else { return nil }
            i += 1
            let fs = i
            while i < n, let d = digit(t[i]) {
                if i - fs == 2 { return nil }
                fraction = fraction * 10 + Int64(d); i += 1
            }
            let fd = i - fs
            guard i == n, fd == 1 || fd == 2 else { return nil }
            if fd == 1 { fraction *= 10 }
        }
        let v = integer * 100 + fraction
        // Past the line limit: `AmountGrammar` says why.
        if v > AmountGrammar.lineLimit { return nil }
        return negative ? -v : v
    }

    /// An id that needs no rule beyond trimming: printable ASCII (no control, DEL included),
    /// no space inside, shorter than 16 bytes (so never Excel's 16+ digit form) and without
    /// `E`/`e` (so never scientific).
    static func isPlainID(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !t.isEmpty, t.count < 16 else { return false }
        for c in t where c >= 0x7F || c <= 0x20 || c == 0x45 || c == 0x65 { return false }
        return true
    }
}

extension ByteText {
    /// `AmountGrammar.parseQuantity` on ASCII bytes: `-?[0-9,]+(\.[0-9]+)?`.
    static func isQuantity(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = t.count
        if n > 0, t[0] == 0x2D { i = 1 }
        let s0 = i
        while i < n, t[i] == 0x2C || (t[i] >= 48 && t[i] <= 57) { i += 1 }
        guard i > s0 else { return false }
        if i == n { return true }
        guard t[i] == 0x2E else { return false }
        i += 1
        let s1 = i
        while i < n, t[i] >= 48 && t[i] <= 57 { i += 1 }
        return i == n && i > s1
    }
}

extension ByteText {
    @inline(__always) private static func startsWithYuanSign(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        if s.count >= 2, s[0] == 0xC2, s[1] == 0xA5 { return 2 }                    // ¥
        if s.count >= 3, s[0] == 0xEF, s[1] == 0xBF, s[2] == 0xA5 { return 3 }      // ￥
        return 0
    }

    /// `AmountGrammar.parse` on bytes, step for step: trim, a yuan sign, parentheses (ASCII
    /// or full-width) or a minus, a yuan sign after the sign, then the digits.
    static func amount(_ field: UnsafeBufferPointer<UInt8>) -> Result<Fen, AmountGrammar.Problem> {
        var s = trimmed(field)
        if s.isEmpty { return .failure(.empty) }
        var negative = false
        var currencySeen = false
        let sign = startsWithYuanSign(s)
        if sign > 0 {
            currencySeen = true
            s = trimmed(UnsafeBufferPointer(rebasing: s[sign...]))
        }
        let n = s.count
        if n >= 2, s[0] == 0x28, s[n - 1] == 0x29 {
            negative = true
            s = trimmed(UnsafeBufferPointer(rebasing: s[1..<(n - 1)]))
        } else if n >= 6, s[0] == 0xEF, s[1] == 0xBC, s[2] == 0x88, s[n - 3] == 0xEF, s[n - 2] == 0xBC, s[n - 1] == 0x89 {
            negative = true
            s = trimmed(UnsafeBufferPointer(rebasing: s[3..<(n - 3)]))
        } else if n >= 1, s[0] == 0x2D {
            negative = true
            s = UnsafeBufferPointer(rebasing: s[1...])
        }
        if !currencySeen {
            let later = startsWithYuanSign(s)
            if later > 0 { s = UnsafeBufferPointer(rebasing: s[later...]) }
        }
        return AmountGrammar.digits(s).map { negative ? -$0 : $0 }
    }

    /// `DateGrammar.parse` on an ASCII field, step for step; nil for a non-ASCII field means
    /// "ask `DateGrammar`" (`.some(nil)` is "invalid").
    static func date(_ field: UnsafeBufferPointer<UInt8>) -> LocalDateValue?? {
        guard isASCII(field) else { return nil }
        var s = trimmed(field)
        if let space = s.firstIndex(of: 0x20) {
            guard isTime(trimmed(UnsafeBufferPointer(rebasing: s[(space + 1)...]))) else { return .some(nil) }
            s = UnsafeBufferPointer(rebasing: s[..<space])
        }
        if s.count == 8 {
            var v = 0
            var all = true
            for c in s { if let d = digit(c) { v = v * 10 + d } else { all = false; break } }
            if all { return LocalDateValue(year: v / 10_000, month: (v / 100) % 100, day: v % 100) }
        }
        // Without arrays: this runs for every sales line written `2026/9/30` or with a time.
        for k in 0..<3 {
            let separator: UInt8 = k == 0 ? 0x2D : (k == 1 ? 0x2F : 0x2E)
            var cut1 = -1, cut2 = -1, cuts = 0
            for i in 0..<s.count where s[i] == separator {
                cuts += 1
                if cuts == 1 { cut1 = i } else if cuts == 2 { cut2 = i } else { break }
            }
            guard cuts == 2 else { continue }
            let p0 = 0..<cut1, p1 = (cut1 + 1)..<cut2, p2 = (cut2 + 1)..<s.count
            guard p0.count == 4, (1...2).contains(p1.count), (1...2).contains(p2.count) else { return .some(nil) }
            func number(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r { guard let d = digit(s[i]) else { return nil }; v = v * 10 + d }
                return v
            }
            guard let y = number(p0), let m = number(p1), let d = number(p2) else { return .some(nil) }
            return LocalDateValue(year: y, month: m, day: d)
        }
        return .some(nil)
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` on ASCII bytes.
    private static func isTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 0
        var length = 0
        for c in s {
            if c == 0x3A {
                if parts == 0 ? !(1...2).contains(length) : length != 2 { return false }
                parts += 1
                length = 0
            } else if digit(c) != nil {
                length += 1
            } else {
                return false
            }
        }
        parts += 1
        guard (2...3).contains(parts) else { return false }
        return length == 2
    }
}
