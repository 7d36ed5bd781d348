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
    /// The window, the spans and the separator table (see `ScanMemory`).
    private let memory: ScanMemory
    private var start = 0
    private var end = 0
    private var exhausted = false
    private var line = 1

    /// The current record: where it starts, and each field's span in `window` as
    /// (start, end) pairs; a quoted field's span covers its raw bytes from the opening quote,
    /// and its value (doubled quotes undone) is in `unquoted`.
    private(set) var recordLine = 0
    private(set) var fieldCount = 0
    private var quotedFields: [Int] = []
    private var unquoted: [UInt8] = []

    /// The most the window grows to: a chunk plus the longest record allowed.
    static var maximumWindow: Int { chunk + CSVRecordReader.maximumRecordBytes + 16 }

    init(input: UTF8Chunks<S>, separator: UInt8, sizeHint: Int?) {
        self.input = input
        self.separator = separator
        // Small inputs get a small window; `fill` grows it when a record needs more room.
        memory = ScanMemory(windowSize: min(Self.maximumWindow, max(4096, (sizeHint ?? Self.maximumWindow) + 16)),
                            spanCount: 64, separator: separator)
    }

    /// Reads the first bytes of the text (for separator sniffing) without consuming them.
    mutating func peek(_ count: Int) throws(Problem) -> [UInt8] {
        while end - start < count, !exhausted { try fill() }
        return Array(memory.window[start..<min(end, start + count)])
    }

    func close() { input.close() }

    private mutating func fill() throws(Problem) {
        if start > 0 {
            let keep = end - start
            if keep > 0, let b = memory.window.baseAddress { b.update(from: b + start, count: keep) }
            start = 0
            end = keep
        }
        let size = memory.window.count
        if size == end, size < Self.maximumWindow {
            memory.growWindow(to: size + min(size, Self.maximumWindow - size), keep: end)
        }
        let w = memory.window
        let room = w.count - end
        if room == 0 { return }
        let n: Int
        do {
            n = try input.produce(into: UnsafeMutableBufferPointer(rebasing: w[end..<(end + min(room, Self.chunk))]))
        } catch { throw .stream(error) }
        if n == 0 { exhausted = true }
        end += n
    }

    private enum Scan { case complete, needMore, tooLong, unterminated }

    /// Advances to the next record; false at the end of input.
    mutating func next() throws(Problem) -> Bool {
        while true {
            if start >= end {
                if exhausted { return false }
                try fill()
                continue
            }
            var p = start
            var lines = 0
            var fields = 0
            let outcome = scanRecord(&p, &lines, &fields)
            switch outcome {
            case .tooLong: throw .csv(.recordTooLong(line: line, limit: CSVRecordReader.maximumRecordBytes))
            case .unterminated: throw .csv(.unterminatedQuote(line: line))
            case .needMore:
                if end - start > CSVRecordReader.maximumRecordBytes + 1 {
                    throw .csv(.recordTooLong(line: line, limit: CSVRecordReader.maximumRecordBytes))
                }
                try fill()
                continue
            case .complete:
                recordLine = line
                line += lines
                fieldCount = fields
                if !quotedFields.isEmpty { undoubleQuotedFields() }
                start = p
                return true
            }
        }
    }

    /// One record from `start`: fills `spans` and `quotedFields`; `p` ends after the record.
    private mutating func scanRecord(_ pOut: inout Int, _ linesOut: inout Int, _ fieldsOut: inout Int) -> Scan {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let sep = separator
        let limit = CSVRecordReader.maximumRecordBytes
        let e = end
        let s0 = start
        let atEOF = exhausted
        quotedFields.removeAll(keepingCapacity: true)
        var p = s0
        var lines = 0
        var fields = 0
        guard let b = memory.window.baseAddress, let t = memory.special.baseAddress else { return .needMore }
        var spans = memory.spans
        let result: Scan = {
            while true {
                // At a field's start.
                let fieldStart = p
                if fields * 2 + 2 > spans.count {
                    memory.growSpans()
                    spans = memory.spans
                }
                if p < e, b[p] == quote {
                    quotedFields.append(fields)
                    p += 1
                    while true {
                        if p >= e { return atEOF ? (p - s0 - 1 > limit ? .tooLong : .unterminated) : .needMore }
                        let c = b[p]
                        if c == quote {
                            if p + 1 < e {
                                if b[p + 1] == quote { p += 2; continue }
                            } else if !atEOF { return .needMore }
                            p += 1
                            break
                        }
                        if c == lf { lines += 1 }
                        p += 1
                    }
                }
                while p < e, t[Int(b[p])] == 0 { p += 1 }
                spans[fields * 2] = fieldStart
                spans[fields * 2 + 1] = p
                fields += 1
                if p >= e {
                    if !atEOF { return .needMore }
                    if p - s0 - 1 > limit { return .tooLong }
                    return .complete
                }
                let c = b[p]
                if c == sep { p += 1; continue }
                if p - s0 > limit { return .tooLong }
                if c == cr {
                    if p + 1 < e { if b[p + 1] == lf { p += 1 } } else if !atEOF { return .needMore }
                }
                p += 1
                lines += 1
                return .complete
            }
        }()
        pOut = p
        linesOut = lines
        fieldsOut = fields
        return result
    }

    /// `"a""b"c` → `a"bc`: the quoted part with doubled quotes undone, then whatever follows
    /// the closing quote, as `CSVRecordReader` reads it.
    private mutating func undoubleQuotedFields() {
        unquoted.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        let window = memory.window, spans = memory.spans
        for i in quotedFields {
            let from = unquoted.count
            var k = spans[i * 2] + 1
            let e = spans[i * 2 + 1]
            // Inside the quotes, each run up to the next quote is copied whole (a byte at a
            // time, this was 2.3% of the scale ingest: most quoted fields are a name with a
            // comma and no quote inside); a doubled quote is one quote; the closing quote ends
            // the quoted part and the rest of the field is copied as it is.
            while k < e {
                var q = k
                while q < e, window[q] != quote { q += 1 }
                unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: window[k..<q]))
                if q >= e { break }
                if q + 1 < e, window[q + 1] == quote {
                    unquoted.append(quote)
                    k = q + 2
                    continue
                }
                if q + 1 < e { unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: window[(q + 1)..<e])) }
                break
            }
            // Negative spans point into `unquoted`.
            spans[i * 2] = -from - 1
            spans[i * 2 + 1] = -unquoted.count - 1
        }
    }

    /// Calls `body` with the current record's fields; the spans are valid only inside it.
    func withRecord<R>(_ body: (RecordFields) throws -> R) rethrows -> R {
        let w = UnsafeBufferPointer(memory.window), s = UnsafeBufferPointer(memory.spans)
        // Without quoted fields nothing points into `unquoted`: leave it untouched.
        if quotedFields.isEmpty { return try body(RecordFields(window: w, unquoted: UnsafeBufferPointer(start: nil, count: 0), spans: s, count: fieldCount)) }
        return try unquoted.withUnsafeBufferPointer { u in
            try body(RecordFields(window: w, unquoted: u, spans: s, count: fieldCount))
        }
    }
}
