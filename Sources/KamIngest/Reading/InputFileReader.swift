/// The steps every kind of drop file shares: decode, find the header, map columns, and hand
/// each data record to the kind's row rule, collecting diagnostics rather than stopping at
/// the first problem.
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
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            check.rejectFile(Diagnostic(line: 0, reason: "空文件"))
            return
        }
        if bytes.prefix(8192).contains(0) {
            check.rejectFile(Diagnostic(line: 0, reason: "不是文本文件(含二进制内容), 请导出为CSV"))
            return
        }
        let text: [UInt8]
        do {
            let decoded = try TextDecoding.decode(bytes, choice: settings.encoding)
            text = decoded.utf8
            check.encoding = decoded.encoding
        } catch {
            check.rejectFile(Diagnostic(line: 0, value: "字节位置 \(error.offset)",
                                        reason: "无法按 \(error.encoding.rawValue) 解码, 请另存为 UTF-8 或 GB18030 编码的CSV"))
            return
        }
        var reader = CSVRecordReader(utf8: text, separator: CSVRecordReader.sniffSeparator(text))
        do {
            var header: HeaderMap?
            while let record = try reader.next() {
                if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                guard let map = header else {
                    switch HeaderMap.resolve(headers: record.fields, kind: kind, aliases: settings.columnAliases,
                                             line: record.line) {
                    case .success(let m): header = m
                    case .failure(let problems):
                        problems.diagnostics.forEach { check.rejectFile($0) }
                        return
                    }
                    continue
                }
                if record.fields.count != map.headers.count {
                    check.badRows += 1
                    check.report(Diagnostic(line: record.line, value: "\(record.fields.count)",
                                            reason: "列数为\(record.fields.count), 与表头的\(map.headers.count)列不一致"))
                    continue
                }
                let problems = row(record.fields, record.line, map)
                if problems.isEmpty {
                    check.acceptedRows += 1
                } else {
                    check.badRows += 1
                    problems.forEach { check.report($0) }
                }
            }
            if header == nil { check.rejectFile(Diagnostic(line: 0, reason: "没有表头")) }
            if check.acceptedRows == 0 && check.badRows == 0 { check.warnings.append("文件只有表头, 没有数据行") }
        } catch {
            switch error {
            case .unterminatedQuote(let line):
                check.rejectFile(Diagnostic(line: line, reason: "引号未闭合"))
            case .recordTooLong(let line, let limit):
                check.rejectFile(Diagnostic(line: line, reason: "行过长(超过\(limit)字节), 不是有效的CSV"))
            }
        }
    }
}
