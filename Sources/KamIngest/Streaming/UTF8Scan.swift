/// Strict UTF-8 validation over a buffer, eight ASCII bytes at a time: the check that decides
/// between UTF-8 and GB18030 (SPEC §3) runs over every byte of every file, so it must be
/// close to memory speed. Well-formed means Unicode's Table 3-7 (no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Scan {
    enum Outcome {
        /// Every byte up to `consumed` is valid; bytes after it start a sequence the buffer
        /// cuts off (only when not `final`).
        case valid(consumed: Int)
        case invalid(at: Int)
    }

    static func scan(_ p: UnsafeBufferPointer<UInt8>, final: Bool) -> Outcome {
        guard let base = p.baseAddress else { return .valid(consumed: 0) }
        let n = p.count
        var i = 0
        while i < n {
            // ASCII runs 32 bytes, then 8 bytes at a time.
            while i + 32 <= n {
                let w = UnsafeRawPointer(base + i)
                let any = w.loadUnaligned(as: UInt64.self) | w.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | w.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | w.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            // The 32-byte run can end exactly at `n`: the byte after the buffer is not ours to
            // judge (a stale byte ≥ 0x80 there once made a 300 MB UTF-8 file "GB18030").
            if i >= n { break }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            // The common CJK case (E1–EC, EE–EF and two continuation bytes) without the table below.
            if b >= 0xE1, b != 0xED, b <= 0xEF, i + 3 <= n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(at: i)
            }
            if i + length > n {
                // Cut off by the buffer's end: decide with the next chunk, unless this is the last.
                if final { return .invalid(at: i) }
                if i + 1 < n, !(base[i + 1] >= lower && base[i + 1] <= upper) { return .invalid(at: i) }
                if i + 2 < n, base[i + 2] & 0xC0 != 0x80 { return .invalid(at: i) }
                return .valid(consumed: i)
            }
            let second = base[i + 1]
            guard second >= lower && second <= upper else { return .invalid(at: i) }
            var k = 2
            while k < length {
                if base[i + k] & 0xC0 != 0x80 { return .invalid(at: i) }
                k += 1
            }
            i += length
        }
        return .valid(consumed: n)
    }
}
