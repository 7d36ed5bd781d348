#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file as UTF-8, a chunk at a time: passed through when it is UTF-8 (the survey already
/// validated it; a BOM is skipped), converted by glibc iconv when it is GB18030. A multibyte
/// sequence cut by a chunk's end is kept for the next chunk.
struct UTF8Chunks<S: ByteSource> {
    private var source: S
    private let encoding: DetectedEncoding
    private var skip: Int
    private var pending: [UInt8] = []        // GB18030 input not yet converted
    private var pendingStart = 0
    private var consumed = 0                 // source bytes converted so far (for error offsets)
    private var sourceDone = false
    private var converter: iconv_t?

    init(source: S, encoding: DetectedEncoding) {
        self.source = source
        self.encoding = encoding
        skip = encoding == .utf8BOM ? 3 : 0
        if encoding == .gb18030 {
            let cd = iconv_open("UTF-8", "GB18030")
            converter = cd == iconv_t(bitPattern: -1) ? nil : cd
        }
    }

    func close() { if let converter { iconv_close(converter) } }

    /// Fills `out` with the next UTF-8 bytes; 0 at the end.
    mutating func produce(into out: UnsafeMutableBufferPointer<UInt8>) throws(StreamFailure) -> Int {
        if encoding != .gb18030 {
            while true {
                let n: Int
                do { n = try source.read(into: out) } catch { throw .source(error) }
                if skip == 0 || n == 0 { return n }
                // Drop the BOM from the first bytes read.
                let drop = min(skip, n)
                skip -= drop
                if n > drop, let base = out.baseAddress {
                    (base).update(from: base + drop, count: n - drop)
                    return n - drop
                }
            }
        }
        guard let converter else { throw .decode(TextDecoding.Failure(offset: 0, encoding: .gb18030)) }
        while true {
            if pending.count - pendingStart < 8, !sourceDone {
                pending.removeSubrange(0..<pendingStart)
                pendingStart = 0
                let have = pending.count
                pending += [UInt8](repeating: 0, count: source.bufferSize(preferred: 1 << 20))
                let n: Int
                do {
                    n = try pending.withUnsafeMutableBufferPointer { b throws(ByteSourceFailure) -> Int in
                        try source.read(into: UnsafeMutableBufferPointer(rebasing: b[have...]))
                    }
                } catch { throw .source(error) }
                pending.removeSubrange((have + n)...)
                if n == 0 { sourceDone = true }
            }
            let available = pending.count - pendingStart
            if available == 0 { return 0 }
            // At most half the output's size of input, so the output (≤ 1.5× for CJK) never fills.
            let take = min(available, out.count / 2)
            var produced = 0
            var failedAt: Int?
            var incomplete = false
            var used = 0
            pending.withUnsafeMutableBufferPointer { b in
                var inPtr = b.baseAddress.map { UnsafeMutableRawPointer($0 + pendingStart).assumingMemoryBound(to: CChar.self) }
                var inLeft = take
                var outPtr = out.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = out.count
                let r = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                used = take - inLeft
                produced = out.count - outLeft
                if r == -1 {
                    if errno == EINVAL { incomplete = true } else if errno != E2BIG { failedAt = consumed + used }
                }
            }
            pendingStart += used
            consumed += used
            if let failedAt { throw .decode(TextDecoding.Failure(offset: failedAt, encoding: .gb18030)) }
            if produced > 0 { return produced }
            if incomplete && sourceDone && take == available {
                throw .decode(TextDecoding.Failure(offset: consumed, encoding: .gb18030))
            }
            if incomplete && take < available { continue }
        }
    }
}
