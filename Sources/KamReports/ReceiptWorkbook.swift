import KamIngest
import XLSXWriter

/// A receipt as an xlsx workbook (SPEC §3, §8), next to its CSV. Excel opens the CSV by guessing
/// types: the id `001000` a clerk typed shows as 1000, a date as a number. Here every value is a
/// text cell formatted `@` (the text format), with Excel's "number stored as text" warning
/// ignored, so the clerk sees exactly what the file said and what kam counted.
///
/// Sheet 回执 lists the facts (status, file, kind, period, rows, totals, checksum, received time,
/// effect, warnings); sheet 错误明细, when the file has problems, lists them one a row with the
/// line, column, value and reason, filtered and frozen like a report's data sheet.
public enum ReceiptWorkbook {
    static let text = CellStyle(numberFormat: "@", alignment: .left)
    static let wrappedText = CellStyle(numberFormat: "@", wrap: true, alignment: .left)
    static let header = CellStyle(bold: true, fillColor: 0xD9E1F2, border: true)
    static let label = CellStyle(bold: true)

    /// Writes the workbook at `path` (a temporary file the caller puts in place).
    public static func write(_ receipt: Receipt, to path: String, created: Int64 = 0) throws(XLSXError) {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(title: "报送回执 \(receipt.fileName)", subject: "\(receipt.subsidiary) \(receipt.status)",
                                                      company: receipt.subsidiary, author: "kam", created: created))
        try writeFacts(receipt.facts, to: try workbook.addWorksheet(named: "回执"))
        let problems = receipt.file.check.diagnostics
        if !problems.isEmpty { try writeProblems(problems, to: try workbook.addWorksheet(named: "错误明细")) }
        try workbook.close()
    }

    static func writeFacts(_ facts: [Receipt.Fact], to sheet: Worksheet) throws(XLSXError) {
        try sheet.write("项目", row: 0, column: 0, style: header)
        try sheet.write("内容", row: 0, column: 1, style: header)
        for (i, fact) in facts.enumerated() {
            try sheet.write(fact.label, row: i + 1, column: 0, style: label)
            try sheet.write(fact.value, row: i + 1, column: 1, style: wrappedText)
        }
        let labels = facts.map(\.label) + ["项目"]
        try sheet.setColumns(0, 0, width: ColumnWidth.fit(labels, bold: true))
        // Wide enough for a SHA-256 (64 characters); a longer effect or warning wraps.
        try sheet.setColumns(1, 1, width: 68)
        try sheet.freezePanes(row: 1, column: 0)
        if !facts.isEmpty {
            try sheet.ignoreNumberStoredAsText(firstRow: 1, firstColumn: 1, lastRow: facts.count, lastColumn: 1)
        }
    }

    static func writeProblems(_ problems: [Diagnostic], to sheet: Worksheet) throws(XLSXError) {
        let headers = ["行号", "列", "值", "原因"]
        for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, style: header) }
        for (i, d) in problems.enumerated() {
            // The line is kam's own count (a number sorts and filters as one); 0 is the whole file.
            try sheet.write(Double(d.line), row: i + 1, column: 0)
            try sheet.write(d.column, row: i + 1, column: 1, style: text)
            try sheet.write(d.value, row: i + 1, column: 2, style: text)
            try sheet.write(d.reason, row: i + 1, column: 3, style: wrappedText)
        }
        try sheet.setColumns(0, 0, width: 8)
        try sheet.setColumns(1, 1, width: ColumnWidth.fit(header: "列", cells: problems.map(\.column)))
        try sheet.setColumns(2, 2, width: ColumnWidth.fit(header: "值", cells: problems.map(\.value)))
        try sheet.setColumns(3, 3, width: ColumnWidth.fit(header: "原因", cells: problems.map(\.reason)))
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: problems.count, lastColumn: 3)
        try sheet.ignoreNumberStoredAsText(firstRow: 1, firstColumn: 1, lastRow: problems.count, lastColumn: 2)
    }
}
