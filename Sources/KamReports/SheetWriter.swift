import XLSXWriter

/// Writes the two kinds of sheet every workbook has: data tables (header in row 1, frozen,
/// filtered, printable, no total rows) and the 概览 overview of labelled figures.
struct SheetWriter {
    let workbook: Workbook
    let printHeader: String

    /// A table whose `statusColumn` (0-based) is coloured by value: each (text, style) pair is a
    /// conditional format over the data rows (超限 red, 预警 amber, …).
    @discardableResult
    func table(named name: String, headers: [String], rows: [[Cell]], statusColumn: Int,
               colours: [(String, CellStyle)]) throws -> Worksheet {
        let sheet = try table(named: name, headers: headers, rows: rows)
        guard !rows.isEmpty else { return sheet }
        for (text, style) in colours {
            try sheet.highlight(cellsEqualTo: text, firstRow: 1, firstColumn: statusColumn, lastRow: rows.count,
                                lastColumn: statusColumn, style: style)
        }
        return sheet
    }

    /// A data table: header row 1, pane frozen below it, autofilter over the data,
    /// landscape fit-to-width with the header repeated.
    @discardableResult
    func table(named name: String, headers: [String], rows: [[Cell]]) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(named: name)
        for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, style: ReportStyles.header) }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { try write(cell, to: sheet, row: r + 1, column: c, boxed: true) }
        }
        for c in headers.indices {
            let texts = [headers[c]] + rows.prefix(2000).map { c < $0.count ? $0[c].displayText : "" }
            try sheet.setColumns(c, c, width: ColumnWidth.fit(texts))
        }
        sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(rows.count, 1), lastColumn: headers.count - 1)
        try sheet.setPrintLayout(repeatHeaderRow: 0, header: "&L\(printHeader)&R\(name)", footer: "&C第 &P 页, 共 &N 页")
        return sheet
    }

    func write(_ cell: Cell, to sheet: Worksheet, row: Int, column: Int, boxed: Bool) throws {
        switch cell {
        case .text(let s): try sheet.write(s, row: row, column: column, style: boxed ? ReportStyles.text : nil)
        case .money(let f):
            try sheet.write(Double(f) / 100, row: row, column: column, style: boxed ? ReportStyles.money : ReportStyles.plainMoney)
        case .ratio(let r):
            if let r {
                try sheet.write(r, row: row, column: column, style: boxed ? ReportStyles.ratio : ReportStyles.plainRatio)
            } else {
                try sheet.writeBlank(row: row, column: column, style: boxed ? ReportStyles.ratio : nil)
            }
        case .integer(let i):
            try sheet.write(Double(i), row: row, column: column, style: boxed ? ReportStyles.integer : ReportStyles.plainInteger)
        case .hundredths(let h):
            try sheet.write(Double(h) / 100, row: row, column: column, style: boxed ? ReportStyles.decimal : ReportStyles.plainDecimal)
        case .blank: try sheet.writeBlank(row: row, column: column, style: boxed ? ReportStyles.text : nil)
        }
    }
}

/// Builds the 概览 sheet top to bottom: a title, labelled key figures, notes, and the lineage.
final class OverviewSheet {
    private let sheet: Worksheet
    private let writer: SheetWriter
    private(set) var row = 0

    init(writer: SheetWriter) throws {
        self.writer = writer
        sheet = try writer.workbook.addWorksheet(named: "概览")
        try sheet.setColumns(0, 0, width: 24)
        try sheet.setColumns(1, 1, width: 30)
        try sheet.setColumns(2, 4, width: 22)
        try sheet.setPrintLayout(repeatHeaderRow: nil, header: "&L\(writer.printHeader)", footer: "&C第 &P 页, 共 &N 页")
    }

    func title(_ text: String) throws {
        try sheet.write(text, row: row, column: 0, style: ReportStyles.title)
        row += 2
    }

    func section(_ text: String) throws {
        if row > 0 { row += 1 }
        try sheet.write(text, row: row, column: 0, style: ReportStyles.section)
        try sheet.writeBlank(row: row, column: 1, style: ReportStyles.section)
        row += 1
    }

    /// A label in column A and its value(s) from column B on.
    func line(_ label: String, _ values: Cell...) throws {
        try sheet.write(label, row: row, column: 0, style: ReportStyles.label)
        for (i, v) in values.enumerated() { try writer.write(v, to: sheet, row: row, column: 1 + i, boxed: false) }
        row += 1
    }

    /// The standard header block and lineage, from the context.
    func context(_ c: ReportContext) throws {
        try section("数据来源与版本")
        try line("报表", .text(c.job.workbookName))
        try line("报送单位", .text(c.ownerTitle))
        try line("期间", .text(c.period.description))
        try line("截止时间", .text(c.fireTime.description.replacingT()))
        try line("版本", .integer(c.revision))
        try line("版本说明", .text(c.revisionReason))
        if !c.notes.isEmpty {
            try section("提示")
            for note in c.notes { try line("注意", .text(note)) }
        }
        try section("输入文件")
        try sheet.write("文件名", row: row, column: 0, style: ReportStyles.header)
        try sheet.write("类型", row: row, column: 1, style: ReportStyles.header)
        try sheet.write("期间", row: row, column: 2, style: ReportStyles.header)
        try sheet.write("接收时间", row: row, column: 3, style: ReportStyles.header)
        try sheet.write("SHA-256", row: row, column: 4, style: ReportStyles.header)
        row += 1
        if c.inputs.isEmpty {
            try sheet.write("(无)", row: row, column: 0)
            row += 1
        }
        for input in c.inputs {
            for (i, v) in [input.fileName, input.kind, input.period, input.received, input.sha256].enumerated() {
                try sheet.write(v, row: row, column: i, style: ReportStyles.text)
            }
            row += 1
        }
    }
}

extension String {
    /// `2026-10-06T07:00` → `2026-10-06 07:00`.
    func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
