import XLSXWriter

/// Writes the two kinds of sheet every workbook has: data tables (header in row 1, frozen,
/// filtered, printable, no total rows) and the 概览 overview of labelled figures.
struct SheetWriter {
    let workbook: Workbook
    let printHeader: String
    /// What 概览's banner says is missing; empty for a complete workbook.
    let missingInputs: [String]
    /// The revision and why it was made, for 概览's title (`第2版`).
    let revision: Int
    let revisionReason: String

    init(workbook: Workbook, context: ReportContext) {
        self.workbook = workbook
        printHeader = context.printHeader
        missingInputs = context.missingInputs
        revision = context.revision
        revisionReason = context.revisionReason
    }

    /// A data table declared by its columns: each row becomes one cell per column, and each
    /// column's highlights become conditional formats over its data rows.
    @discardableResult
    func table<Row>(named name: String, columns: [TableColumn<Row>], rows: [Row]) throws -> Worksheet {
        let sheet = try table(named: name, headers: columns.headers(), maximumWidths: columns.map(\.maximumWidth),
                              rows: rows.map { row in columns.map { $0.cell(row) } })
        guard !rows.isEmpty else { return sheet }
        for (c, column) in columns.enumerated() {
            for highlight in column.highlights {
                switch highlight {
                case .equalTo(let text, let style):
                    try sheet.highlight(cellsEqualTo: text, firstRow: 1, firstColumn: c, lastRow: rows.count, lastColumn: c, style: style)
                case .below(let value, let style):
                    try sheet.highlight(cellsBelow: value, firstRow: 1, firstColumn: c, lastRow: rows.count, lastColumn: c, style: style)
                }
            }
        }
        return sheet
    }

    /// A data table: header row 1 (wrapping onto two lines where a column is narrower than its
    /// header), pane frozen below it, autofilter over the data, printed landscape with the
    /// header row repeated, page header and numbered footer — fit to the page width when that
    /// keeps it at 70% or more, else at full size across pages with its id and name columns
    /// repeated on each (SPEC §8 Workbooks).
    private func table(named name: String, headers: [String], maximumWidths: [Double], rows: [[Cell]]) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(named: SheetName.sanitized(name))
        for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, style: ReportStyles.header) }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { try write(cell, to: sheet, row: r + 1, column: c, boxed: true) }
        }
        // The first rows are enough to size a column; scanning 100,000 names would cost more
        // than it could change a width that is capped anyway.
        let sample = rows.prefix(Self.widthSampleRows)
        let widths = headers.indices.map { c in
            ColumnWidth.fit(header: headers[c], cells: sample.map { c < $0.count ? $0[c].displayText : "" },
                            maximum: maximumWidths[c])
        }
        for (c, width) in widths.enumerated() { try sheet.setColumns(c, c, width: width) }
        if headers.indices.contains(where: { widths[$0] < ColumnWidth.headerWidth(headers[$0], lines: 1) }) {
            try sheet.setRowHeight(0, height: Self.twoLineHeaderPoints)
        }
        // Id columns (all rows `.id` or blank): no "number stored as text" triangles there.
        for c in headers.indices where rows.contains(where: { c < $0.count && { if case .id = $0 { true } else { false } }($0[c]) }) {
            try sheet.ignoreNumberStoredAsText(firstRow: 1, firstColumn: c, lastRow: rows.count, lastColumn: c)
        }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(rows.count, 1), lastColumn: headers.count - 1)
        let fitsWidth = PrintedPage(landscape: true).scale(width: PrintedPage.pixels(ofColumns: widths)) >= PrintedPage.legibleScale
        try sheet.setPrintLayout(repeatHeaderRow: 0,
                                 header: "&L" + HeaderFooterText.literal(printHeader) + "&R" + HeaderFooterText.literal(sheet.name),
                                 footer: Self.pageFooter, fitToWidth: fitsWidth)
        if !fitsWidth { try sheet.repeatColumns(0, Self.identifyingColumns(headers)) }
        return sheet
    }

    /// Two lines of bold 11-point text, with room between them.
    static let twoLineHeaderPoints = 30.0

    /// The last of the columns that say whose row it is — up to the last `…名称` among the first
    /// five (客户名称 after 分公司名称 on 大客户评价: a row there is a customer), else the first
    /// column alone — repeated on every page of a sheet printed across pages.
    static func identifyingColumns(_ headers: [String]) -> Int {
        headers.prefix(5).lastIndex { $0.hasSuffix("名称") } ?? 0
    }

    /// `第 3 页, 共 7 页` at the bottom centre of every printed page.
    static let pageFooter = "&C第 &P 页, 共 &N 页"
    static let widthSampleRows = 2000

    func write(_ cell: Cell, to sheet: Worksheet, row: Int, column: Int, boxed: Bool) throws {
        switch cell {
        case .text(let s): try sheet.write(s, row: row, column: column, style: boxed ? ReportStyles.text : nil)
        case .id(let s): try sheet.write(s, row: row, column: column, style: boxed ? ReportStyles.idText : ReportStyles.plainIDText)
        case .date(let d):
            try sheet.write(Cell.excelSerial(d), row: row, column: column, style: boxed ? ReportStyles.date : ReportStyles.plainDate)
        case .dateTime(let t):
            try sheet.write(Cell.excelSerial(t), row: row, column: column, style: boxed ? ReportStyles.dateTime : ReportStyles.plainDateTime)
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

extension String {
    /// `2026-10-06T07:00` → `2026-10-06 07:00`.
    func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
