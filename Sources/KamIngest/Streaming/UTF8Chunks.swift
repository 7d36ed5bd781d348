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
    private var pending: [UInt8] = []        // GB18030 input: not yet converted in pendingStart..<pendingEnd
    private var pendingStart = 0
    private var pendingEnd = 0
    private var consumed = 0                 // source bytes converted so far (for error offsets)
    private var sourceDone = false
    private var converter: iconv_t?
    private var staged: [UInt8] = []         // converted UTF-8 not yet handed out: stagedStart..<stagedEnd
    private var stagedStart = 0
    private var stagedEnd = 0
    /// Most GB18030 bytes converted per iconv call; the staging buffer holds twice that.
    private static var conversionStep: Int { 1 << 16 }

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
        // Converted text not yet handed out: the caller's room may be smaller than one character
        // (a window almost full), so conversion goes through a staging buffer of its own and
        // `produce` returns 0 only at the true end of the text.
        // Both buffers are allocated once and reused: allocating (and zeroing) them per step
        // cost more than a tenth of converting.
        while stagedStart == stagedEnd {
            stagedStart = 0
            stagedEnd = 0
            if pendingEnd - pendingStart < 8, !sourceDone {
                let keep = pendingEnd - pendingStart
                let readSize = source.bufferSize(preferred: 1 << 20)
                if pending.count < keep + readSize { pending += [UInt8](repeating: 0, count: keep + readSize - pending.count) }
                pending.withUnsafeMutableBufferPointer { b in
                    if keep > 0, let base = b.baseAddress { base.update(from: base + pendingStart, count: keep) }
                }
                pendingStart = 0
                pendingEnd = keep
                let n: Int
                do {
                    n = try pending.withUnsafeMutableBufferPointer { b throws(ByteSourceFailure) -> Int in
                        try source.read(into: UnsafeMutableBufferPointer(rebasing: b[keep..<(keep + readSize)]))
                    }
                } catch { throw .source(error) }
                pendingEnd += n
                if n == 0 { sourceDone = true }
            }
            let available = pendingEnd - pendingStart
            if available == 0 { return 0 }
            // GB18030 → UTF-8 grows at most 1.5× (2 bytes → 3), so 2× the input always fits.
            let take = min(available, Self.conversionStep)
            if staged.count < 2 * Self.conversionStep + 16 { staged = [UInt8](repeating: 0, count: 2 * Self.conversionStep + 16) }
            var produced = 0
            var failedAt: Int?
            var incomplete = false
            var used = 0
            pending.withUnsafeMutableBufferPointer { b in
                staged.withUnsafeMutableBufferPointer { o in
                    var inPtr = b.baseAddress.map { UnsafeMutableRawPointer($0 + pendingStart).assumingMemoryBound(to: CChar.self) }
                    var inLeft = take
                    var outPtr = o.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var outLeft = 2 * take + 16
                    let r = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                    used = take - inLeft
                    produced = 2 * take + 16 - outLeft
                    if r == -1 {
                        if errno == EINVAL { incomplete = true } else if errno != E2BIG { failedAt = consumed + used }
                    }
                }
            }
            stagedEnd = produced
            pendingStart += used
            consumed += used
            if let failedAt { throw .decode(TextDecoding.Failure(offset: failedAt, encoding: .gb18030)) }
            if produced == 0 && incomplete && sourceDone && take == available {
                throw .decode(TextDecoding.Failure(offset: consumed, encoding: .gb18030))
            }
            if produced == 0 && used == 0 && !(incomplete && !sourceDone) && take == available && sourceDone {
                throw .decode(TextDecoding.Failure(offset: consumed, encoding: .gb18030))
            }
        }
        let n = min(out.count, stagedEnd - stagedStart)
        guard n > 0, let base = out.baseAddress else { return 0 }
        staged.withUnsafeBufferPointer { s in
            if let from = s.baseAddress { base.update(from: from + stagedStart, count: n) }
        }
        stagedStart += n
        return n
    }
}
