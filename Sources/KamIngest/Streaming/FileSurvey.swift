#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first pass over a drop file, before any parsing: what the whole-file checks need
/// (empty, binary, which encoding) without holding the file. The parse that follows then
/// behaves exactly as if the whole file had been decoded first.
struct FileSurvey {
    var byteCount = 0
    /// Only spaces, tabs, CR and LF (or nothing): an empty file.
    var blank = true
    /// A NUL byte in the first 8 KiB: a binary file.
    var binary = false
    /// A NUL byte anywhere. Past the first 8 KiB the file is still read as text, and the
    /// cells holding one are invalid (SPEC §8): once stored, a NUL cuts the text short
    /// wherever C strings carry it (the store reads text back with `String(cString:)`, the
    /// workbook writer passes C strings), so a name would lose its end silently. Only a file
    /// with one pays for looking at its cells.
    var containsNUL = false
    var startsWithBOM = false
    /// Offset of the first byte that is not UTF-8 (counted from the file's start), if any.
    var firstInvalidUTF8: Int?

    static let chunk = 1 << 20

    static func survey<S: ByteSource>(_ source: inout S) throws(ByteSourceFailure) -> FileSurvey {
        // Bytes in memory (every drop file up to 16 MiB since the ingest reads each once) are
        // looked at where they are: copying them through the chunk buffer below was a
        // memmove of every file (≈ 1 GB on the scale ingest) and a zeroed buffer per file.
        if let memory = source as? MemoryByteSource { return memory.withBytes(survey(whole:)) }
        var s = FileSurvey()
        let chunk = source.bufferSize(preferred: Self.chunk)
        var buffer = [UInt8](repeating: 0, count: chunk + 8)
        var carry = 0          // bytes of a cut-off UTF-8 sequence kept at the buffer's front
        var carryOffset = 0    // file offset of buffer[0]
        var first = true
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { b throws(ByteSourceFailure) -> Int in
                try source.read(into: UnsafeMutableBufferPointer(rebasing: b[carry..<(carry + chunk)]))
            }
            let total = carry + n
            let final = n == 0
            try buffer.withUnsafeBufferPointer { b throws(ByteSourceFailure) in
                let fresh = UnsafeBufferPointer(rebasing: b[carry..<total])
                if first {
                    s.startsWithBOM = total >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
                    if fresh.prefix(8192).contains(0) { s.binary = true }
                } else if s.byteCount < 8192, fresh.prefix(8192 - s.byteCount).contains(0) {
                    s.binary = true
                }
                if !s.containsNUL, let base = fresh.baseAddress, memchr(base, 0, fresh.count) != nil { s.containsNUL = true }
                if s.blank { s.blank = fresh.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
                s.byteCount += n
            }
            if s.firstInvalidUTF8 == nil {
                let skip = first && s.startsWithBOM ? 3 : 0
                let outcome = buffer.withUnsafeBufferPointer { b in
                    UTF8Scan.scan(UnsafeBufferPointer(rebasing: b[skip..<total]), final: final)
                }
                switch outcome {
                case .invalid(let at): s.firstInvalidUTF8 = carryOffset + skip + at
                case .valid(let consumed):
                    let used = skip + consumed
                    carry = total - used
                    if carry > 0 { buffer.withUnsafeMutableBufferPointer { b in
                        for k in 0..<carry { b[k] = b[used + k] }
                    } }
                    carryOffset += used
                }
            } else {
                carry = 0
            }
            first = false
            if final { break }
            if s.firstInvalidUTF8 != nil { carryOffset += total }
        }
        return s
    }

    /// `survey` of bytes held whole: the same answers, which its chunks (with a cut-off UTF-8
    /// sequence carried to the next) are made to give.
    static func survey(whole b: UnsafeBufferPointer<UInt8>) -> FileSurvey {
        var s = FileSurvey()
        s.byteCount = b.count
        s.startsWithBOM = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        s.binary = b.prefix(8192).contains(0)
        if let base = b.baseAddress, memchr(base, 0, b.count) != nil { s.containsNUL = true }
        s.blank = b.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let skip = s.startsWithBOM ? 3 : 0
        if case .invalid(let at) = UTF8Scan.scan(UnsafeBufferPointer(rebasing: b[skip...]), final: true) {
            s.firstInvalidUTF8 = skip + at
        }
        return s
    }
}
