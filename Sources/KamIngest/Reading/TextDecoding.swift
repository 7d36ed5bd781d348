#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into UTF-8 bytes. Detection order is BOM, strict UTF-8, then GB18030:
/// GB18030 accepts almost any bytes, so trying it first would garble UTF-8 silently.
public enum TextDecoding {
    public struct Failure: Error, Sendable {
        /// Byte offset of the first byte that could not be decoded.
        public let offset: Int
        public let encoding: DetectedEncoding
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text as UTF-8 bytes without a BOM, and the encoding used.
    public static func decode(_ bytes: [UInt8], choice: EncodingChoice) throws(Failure) -> (utf8: [UInt8], encoding: DetectedEncoding) {
        if bytes.starts(with: bom) {
            let rest = Array(bytes.dropFirst(3))
            if let bad = firstInvalidUTF8(rest) { throw Failure(offset: bad + 3, encoding: .utf8BOM) }
            return (rest, .utf8BOM)
        }
        switch choice {
        case .utf8:
            if let bad = firstInvalidUTF8(bytes) { throw Failure(offset: bad, encoding: .utf8) }
            return (bytes, .utf8)
        case .gb18030:
            return (try GB18030.decode(bytes), .gb18030)
        case .auto:
            if firstInvalidUTF8(bytes) == nil { return (bytes, .utf8) }
            return (try GB18030.decode(bytes), .gb18030)
        }
    }

    /// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
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
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= lower && second <= upper else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

/// GB18030 ⇄ UTF-8 through glibc's iconv, which is about 3× faster than Foundation's decoder
/// and tells where a bad byte is (PITFALLS.md).
public enum GB18030 {
    public static func decode(_ bytes: [UInt8]) throws(TextDecoding.Failure) -> [UInt8] {
        guard let out = convert(bytes, from: "GB18030", to: "UTF-8") else {
            throw TextDecoding.Failure(offset: 0, encoding: .gb18030)
        }
        switch out {
        case .success(let b): return b
        case .failure(let offset): throw TextDecoding.Failure(offset: offset, encoding: .gb18030)
        }
    }

    /// Encodes UTF-8 text as GB18030 (every Unicode scalar has a GB18030 form).
    public static func encode(_ text: String) -> [UInt8] {
        if case .success(let b)? = convert(Array(text.utf8), from: "UTF-8", to: "GB18030") { return b }
        return Array(text.utf8)
    }

    enum Outcome {
        case success([UInt8])
        case failure(offset: Int)
    }

    static func convert(_ input: [UInt8], from: String, to: String) -> Outcome? {
        let cd = iconv_open(to, from)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let total = source.count
        var produced = 0
        var failedAt: Int?
        source.withUnsafeMutableBytes { src in
            var inPtr = src.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = total
            while inLeft > 0 {
                let written: Int = output.withUnsafeMutableBytes { dst in
                    var outPtr = dst.baseAddress.map { ($0 + produced).assumingMemoryBound(to: CChar.self) }
                    var outLeft = dst.count - produced
                    let before = outLeft
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 && errno != E2BIG { failedAt = total - inLeft }
                    return before - outLeft
                }
                produced += written
                if failedAt != nil { break }
                if inLeft > 0 && written == 0 || output.count - produced < 16 {
                    output += [UInt8](repeating: 0, count: output.count)
                }
            }
        }
        if let failedAt { return .failure(offset: failedAt) }
        output.removeSubrange(produced...)
        return .success(output)
    }
}
