#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file's bytes could not be read as text. Detection (BOM, then strict UTF-8 — see
/// `UTF8Scan` and `FileSurvey` — then GB18030 through `UTF8Chunks`) happens while streaming;
/// GB18030 accepts almost any bytes, so trying it first would garble UTF-8 silently.
public enum TextDecoding {
    public struct Failure: Error, Sendable {
        /// Byte offset of the first byte that could not be decoded.
        public let offset: Int
        public let encoding: DetectedEncoding
    }
}

/// UTF-8 → GB18030 through glibc's iconv, for the demo's and the tests' Excel-style files
/// (reading GB18030 is `UTF8Chunks`, chunk by chunk).
public enum GB18030 {
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
