/// The steps every kind of drop file shares: check the whole file (empty, binary, encoding),
/// find the header, map columns, and hand each data record to the kind's row rule,
/// collecting diagnostics rather than stopping at the first problem. The file is streamed:
/// a survey pass, then the parse, each a chunk at a time, so memory does not grow with it.
public struct InputFileReader {
    public let kind: InputKind
    public let settings: ReadSettings

    public init(kind: InputKind, settings: ReadSettings) {
        self.kind = kind
        self.settings = settings
    }

    /// Reads `bytes`, calling `row` for each non-empty data record. `row` returns the
    /// diagnostics of a bad row, or an empty array when it took the row.
    public func read(_ bytes: [UInt8], check: inout FileCheck,
                     row: (_ fields: [String], _ line: Int, _ header: HeaderMap) -> [Diagnostic]) {
        var source = MemoryByteSource(bytes)
        // A memory source cannot fail to read.
        try? stream(&source, check: &check) { fields, line, header in row(fields.strings, line, header) }
    }

    /// Streams `source` with the row rule seeing byte views of the fields (the sales hot path).
    /// Throws only when the bytes cannot be read; every problem of the content is in `check`.
    ///
    /// A GB18030 file must decode whole before any row counts. With `decodeFirst` it is
    /// converted once to find out, then again to parse; without, it is converted once while
    /// parsing, and when a bad byte turns up after rows were handed to `row`, `check` is put
    /// back to what a first conversion would have left and the result is false: the caller
    /// must then drop what its rows gave (the sales reader does; it converts its big files once).
    @discardableResult
    func stream<S: ByteSource>(_ source: inout S, check: inout FileCheck, progress: ((Int) -> Void)? = nil,
                               decodeFirst: Bool = true,
                               row: (_ fields: RecordFields, _ line: Int, _ header: HeaderMap) -> [Diagnostic]) throws(ByteSourceFailure) -> Bool {
        let initial = check
        let survey = try FileSurvey.survey(&source)
        if survey.blank {
            check.rejectFile(Diagnostic(line: 0, reason: "空文件"))
            return true
        }
        if survey.binary {
            check.rejectFile(Diagnostic(line: 0, reason: "不是文本文件(含二进制内容), 请导出为CSV"))
            return true
        }
        let encoding: DetectedEncoding
        switch (survey.startsWithBOM, settings.encoding, survey.firstInvalidUTF8) {
        case (true, _, nil): encoding = .utf8BOM
        case (true, _, let bad?): undecodable(&check, offset: bad, .utf8BOM); return true
        case (false, .utf8, let bad?): undecodable(&check, offset: bad, .utf8); return true
        case (false, .utf8, nil), (false, .auto, nil): encoding = .utf8
        case (false, .gb18030, _), (false, .auto, _): encoding = .gb18030
        }
        if encoding == .gb18030 && decodeFirst {
            // GB18030 is checked whole before any row is read, as when the file was decoded at once.
            try source.rewind()
            if let failure = try Self.firstGB18030Failure(source) { undecodable(&check, offset: failure, .gb18030); return true }
        }
        check.encoding = encoding
        try source.rewind()
        var sniffer = CSVByteScanner(input: UTF8Chunks(source: source, encoding: encoding), separator: UInt8(ascii: ","),
                                     sizeHint: min(source.sizeHint ?? 65_536, 65_536))
        let head: [UInt8]
        do { head = try sniffer.peek(64 * 1024) } catch {
            // A bad byte this early (possible when GB18030 is not checked first) is found
            // again by the parse; the converter is closed once, below.
            if case .stream(.source(let f)) = error { sniffer.close(); throw f }
            head = []
        }
        sniffer.close()
        try source.rewind()
        var scanner = CSVByteScanner(input: UTF8Chunks(source: source, encoding: encoding),
                                     separator: CSVRecordReader.sniffSeparator(head), sizeHint: source.sizeHint)
        defer { scanner.close() }
        // Whether the parse converted every byte (it stopped at the end, not at a bad header
        // or a broken record): only then did it also check the whole file decodes.
        var reachedEnd = false
        do {
            var header: HeaderMap?
            var records = 0
            var badHeader = false
            parsing: while try scanner.next() {
                records += 1
                if records & 0xFFFF == 0 { progress?(records) }
                // Read outside the closure: capturing the scanner would copy it per record.
                let recordLine = scanner.recordLine
                let outcome: [Diagnostic]? = scanner.withRecord { fields in
                    if (0..<fields.count).allSatisfy({ ByteText.trimmed(fields[$0]).isEmpty }) { return nil }
                    if survey.containsNUL, let nul = Self.cellsWithNUL(fields, line: recordLine, header: header) { return nul }
                    guard let map = header else {
                        switch HeaderMap.resolve(headers: fields.strings, kind: kind, aliases: settings.columnAliases,
                                                 line: recordLine) {
                        case .success(let m): header = m; return nil
                        case .failure(let problems): return problems.diagnostics
                        }
                    }
                    if fields.count != map.headers.count {
                        return [Diagnostic(line: recordLine, value: "\(fields.count)",
                                           reason: "列数为\(fields.count), 与表头的\(map.headers.count)列不一致")]
                    }
                    return row(fields, recordLine, map)
                }
                guard let problems = outcome else { continue }
                if header == nil {
                    problems.forEach { check.rejectFile($0) }
                    badHeader = true
                    break parsing
                }
                if problems.isEmpty {
                    check.acceptedRows += 1
                } else {
                    check.badRows += 1
                    problems.forEach { check.report($0) }
                }
            }
            if !badHeader {
                reachedEnd = true
                if header == nil { check.rejectFile(Diagnostic(line: 0, reason: "没有表头")) }
                if check.acceptedRows == 0 && check.badRows == 0 { check.warnings.append("文件只有表头, 没有数据行") }
            }
        } catch {
            switch error {
            case .csv(.unterminatedQuote(let line)):
                check.rejectFile(Diagnostic(line: line, reason: "引号未闭合"))
            case .csv(.recordTooLong(let line, let limit)):
                check.rejectFile(Diagnostic(line: line, reason: "行过长(超过\(limit)字节), 不是有效的CSV"))
            case .stream(.source(let failure)):
                throw failure
            case .stream(.decode(let failure)):
                if encoding == .gb18030 && !decodeFirst {
                    check = initial
                    undecodable(&check, offset: failure.offset, failure.encoding)
                    return false
                }
                undecodable(&check, offset: failure.offset, failure.encoding)
            }
        }
        if encoding == .gb18030 && !decodeFirst && !reachedEnd {
            // Stopped before the end: the rest must decode too, as when the file is checked first.
            try source.rewind()
            if let failure = try Self.firstGB18030Failure(source) {
                check = initial
                undecodable(&check, offset: failure, .gb18030)
                return false
            }
        }
        return true
    }

    /// The cells of a record that hold U+0000, each a problem, or nil when none does. Any
    /// cell with one is invalid, whatever its column (SPEC §8), and the row rule never sees
    /// the record: what it accepted could not be taken back. In the header the problem is
    /// the file's (the caller rejects the file for a header problem).
    static func cellsWithNUL(_ fields: RecordFields, line: Int, header: HeaderMap?) -> [Diagnostic]? {
        var problems: [Diagnostic] = []
        for i in 0..<fields.count where fields[i].contains(0) {
            let column = header.map { i < $0.headers.count ? $0.headers[i] : "" } ?? "第\(i + 1)列"
            problems.append(Diagnostic(line: line, column: column, value: fields.string(i),
                                       reason: header == nil
                                           ? "表头含空字符(U+0000), 文件可能已损坏, 请重新导出"
                                           : "含空字符(U+0000), 文件可能已损坏, 请在ERP中重新导出"))
        }
        return problems.isEmpty ? nil : problems
    }

    private func undecodable(_ check: inout FileCheck, offset: Int, _ encoding: DetectedEncoding) {
        check.rejectFile(Diagnostic(line: 0, value: "字节位置 \(offset)",
                                    reason: "无法按 \(encoding.rawValue) 解码, 请另存为 UTF-8 或 GB18030 编码的CSV"))
    }

    /// Converts the whole source once, discarding the output, to find the first bad byte.
    static func firstGB18030Failure<S: ByteSource>(_ source: S) throws(ByteSourceFailure) -> Int? {
        var chunks = UTF8Chunks(source: source, encoding: .gb18030)
        defer { chunks.close() }
        var sink = [UInt8](repeating: 0, count: source.bufferSize(preferred: 1 << 21))
        while true {
            do {
                let n = try sink.withUnsafeMutableBufferPointer { b throws(StreamFailure) -> Int in try chunks.produce(into: b) }
                if n == 0 { return nil }
            } catch {
                switch error {
                case .source(let f): throw f
                case .decode(let f): return f.offset
                }
            }
        }
    }
}
