/// The streaming form of `CSVRecordReader`: the same RFC 4180 rules, but over UTF-8 that
/// arrives in chunks, and with fields as byte spans into its window instead of a `String`
/// each. The window holds one chunk plus the record being read, so memory stays bounded
/// (records longer than `CSVRecordReader.maximumRecordBytes` are refused, as before).
/// Separators, quotes, CR and LF are ASCII and never occur inside a UTF-8 multibyte sequence,
/// so scanning bytes is safe.
struct CSVByteScanner<S: ByteSource> {
    enum Problem: Error {
        case csv(CSVRecordReader.Problem)
        case stream(StreamFailure)
    }

    static var chunk: Int { 1 << 22 }

    private var input: UTF8Chunks<S>
    let separator: UInt8
    private var window: [UInt8]
    private var start = 0
    private var end = 0
    private var exhausted = false
    private var line = 1

    /// The current record: where it starts, and each field's span in `window` (or, for a
    /// quoted field, in `unquoted` after undoubling its quotes).
    private(set) var recordLine = 0
    private(set) var fieldCount = 0
    private var spanStart: [Int] = []
    private var spanEnd: [Int] = []
    private var spanQuoted: [Bool] = []
    private var unquoted: [UInt8] = []
    private var unquotedStart: [Int] = []
    private var unquotedEnd: [Int] = []

    init(input: UTF8Chunks<S>, separator: UInt8) {
        self.input = input
        self.separator = separator
        window = [UInt8](repeating: 0, count: Self.chunk + CSVRecordReader.maximumRecordBytes + 16)
    }

    /// Reads the first bytes of the text (for separator sniffing) without consuming them.
    mutating func peek(_ count: Int) throws(Problem) -> [UInt8] {
        while end - start < count, !exhausted { try fill() }
        return Array(window[start..<min(end, start + count)])
    }

    func close() { input.close() }

    private mutating func fill() throws(Problem) {
        if start > 0 {
            let keep = end - start
            if keep > 0 { window.withUnsafeMutableBufferPointer { w in
                guard let b = w.baseAddress else { return }
                b.update(from: b + start, count: keep)
            } }
            start = 0
            end = keep
        }
        let room = window.count - end
        if room == 0 { return }
        let n: Int
        do {
            n = try window.withUnsafeMutableBufferPointer { w throws(StreamFailure) -> Int in
                try input.produce(into: UnsafeMutableBufferPointer(rebasing: w[end..<(end + min(room, Self.chunk))]))
            }
        } catch { throw .stream(error) }
        if n == 0 { exhausted = true }
        end += n
    }

    /// Advances to the next record; false at the end of input.
    mutating func next() throws(Problem) -> Bool {
        while true {
            if start >= end {
                if exhausted { return false }
                try fill()
                continue
            }
            let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
            let sep = separator
            let limit = CSVRecordReader.maximumRecordBytes
            var fields = 0
            var lines = 0
            var complete = false
            var quotedAtEnd = false
            var p = start
            var tooLong = false
            let e = end
            let atEOF = exhausted
            spanStart.removeAll(keepingCapacity: true)
            spanEnd.removeAll(keepingCapacity: true)
            spanQuoted.removeAll(keepingCapacity: true)
            window.withUnsafeBufferPointer { w in
                guard let b = w.baseAddress else { return }
                var fieldStart = p
                var quoted = false
                var fieldQuoted = false
                var atFieldStart = true
                while p < e {
                    let c = b[p]
                    if quoted {
                        if c == quote {
                            if p + 1 < e, b[p + 1] == quote { p += 2; continue }
                            if p + 1 >= e, !atEOF { break }   // is it `""`? decide with more input
                            quoted = false
                            p += 1
                        } else {
                            if c == lf { lines += 1 }
                            p += 1
                        }
                        continue
                    }
                    if c == sep {
                        spanStart.append(fieldStart); spanEnd.append(p); spanQuoted.append(fieldQuoted)
                        fields += 1
                        p += 1
                        fieldStart = p
                        fieldQuoted = false
                        atFieldStart = true
                    } else if c == lf || c == cr {
                        if p - start > limit { tooLong = true; return }
                        spanStart.append(fieldStart); spanEnd.append(p); spanQuoted.append(fieldQuoted)
                        fields += 1
                        if c == cr {
                            if p + 1 < e { if b[p + 1] == lf { p += 1 } } else if !atEOF { fields = -1; return }
                        }
                        p += 1
                        lines += 1
                        complete = true
                        return
                    } else if c == quote && atFieldStart {
                        quoted = true
                        fieldQuoted = true
                        atFieldStart = false
                        p += 1
                    } else {
                        atFieldStart = false
                        p += 1
                    }
                }
                if atEOF && p >= e {
                    if quoted {
                        if p - start - 1 > limit { tooLong = true } else { quotedAtEnd = true }
                        return
                    }
                    if p - start - 1 > limit { tooLong = true; return }
                    spanStart.append(fieldStart); spanEnd.append(p); spanQuoted.append(fieldQuoted)
                    fields += 1
                    complete = true
                }
            }
            if tooLong { throw .csv(.recordTooLong(line: line, limit: limit)) }
            if quotedAtEnd { throw .csv(.unterminatedQuote(line: line)) }
            if !complete {
                if p - start > limit + 1 || end - start > limit + 1 { throw .csv(.recordTooLong(line: line, limit: limit)) }
                try fill()
                continue
            }
            recordLine = line
            line += lines
            fieldCount = fields
            unquoted.removeAll(keepingCapacity: true)
            unquotedStart.removeAll(keepingCapacity: true)
            unquotedEnd.removeAll(keepingCapacity: true)
            for i in 0..<fields where spanQuoted[i] { undouble(field: i) }
            start = p
            return true
        }
    }

    /// `"a""b"c` → `a"b c` without the space: the quoted part with doubled quotes undone,
    /// then whatever follows the closing quote, as `CSVRecordReader` reads it.
    private mutating func undouble(field i: Int) {
        let from = unquoted.count
        var inQuotes = true
        var k = spanStart[i] + 1
        let e = spanEnd[i]
        let quote = UInt8(ascii: "\"")
        while k < e {
            let c = window[k]
            if inQuotes && c == quote {
                if k + 1 < e, window[k + 1] == quote { unquoted.append(quote); k += 2; continue }
                inQuotes = false
                k += 1
                continue
            }
            unquoted.append(c)
            k += 1
        }
        unquotedStart.append(from)
        unquotedEnd.append(unquoted.count)
        spanStart[i] = -unquotedStart.count   // negative: index into the unquoted spans
    }

    /// Calls `body` with the current record's fields; the spans are valid only inside it.
    func withRecord<R>(_ body: (RecordFields) throws -> R) rethrows -> R {
        try window.withUnsafeBufferPointer { w in
            try unquoted.withUnsafeBufferPointer { u in
                try body(RecordFields(window: w, unquoted: u, spanStart: spanStart, spanEnd: spanEnd,
                                      unquotedStart: unquotedStart, unquotedEnd: unquotedEnd, count: fieldCount))
            }
        }
    }
}
