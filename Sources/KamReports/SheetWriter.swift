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
                              rowCount: rows.count) { cells in
            for (r, row) in rows.enumerated() {
                for (c, column) in columns.enumerated() { try cells.write(column.cell(row), row: r + 1, column: c) }
            }
        }
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
    /// repeated on each (SPEC §8 Workbooks). `writeRows` writes the data rows, row by row, through
    /// a `TableCells`, which sizes the columns and notes the id columns as the cells go by.
    private func table(named name: String, headers: [String], maximumWidths: [Double], rowCount: Int,
                       writeRows: (inout TableCells) throws -> Void) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(named: SheetName.sanitized(name))
        for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, style: ReportStyles.header) }
        var cells = TableCells(sheet: sheet, formats: TableFormats(workbook: workbook), columnCount: headers.count,
                               sampledRows: Self.widthSampleRows)
        try writeRows(&cells)
        let widths = headers.indices.map { c in
            ColumnWidth.fit(header: headers[c], widestCell: cells.widestCell[c], maximum: maximumWidths[c])
        }
        for (c, width) in widths.enumerated() { try sheet.setColumns(c, c, width: width) }
        if headers.indices.contains(where: { widths[$0] < ColumnWidth.headerWidth(headers[$0], lines: 1) }) {
            try sheet.setRowHeight(0, height: Self.twoLineHeaderPoints)
        }
        // Id columns (all rows `.id` or blank): no "number stored as text" triangles there.
        for c in headers.indices where cells.holdsIDs[c] {
            try sheet.ignoreNumberStoredAsText(firstRow: 1, firstColumn: c, lastRow: rowCount, lastColumn: c)
        }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(rowCount, 1), lastColumn: headers.count - 1)
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
    /// The first rows are enough to size a column; scanning 100,000 names would cost more
    /// than it could change a width that is capped anyway.
    static let widthSampleRows = 2000

    /// Writes one cell on its own, not as part of a data table (those go through `TableCells`):
    /// 概览's figures (`boxed` false: no border) and the data blocks beside its charts.
    func write(_ cell: Cell, to sheet: Worksheet, row: Int, column: Int, boxed: Bool) throws {
        let written = cell.written
        let style: CellStyle?
        if boxed {
            style = cell.style.boxed
        } else if case .blank = written {
            style = nil
        } else {
            style = cell.style.plain
        }
        switch written {
        case .text(let s): try sheet.write(s, row: row, column: column, style: style)
        case .number(let n): try sheet.write(n, row: row, column: column, style: style)
        case .blank: try sheet.writeBlank(row: row, column: column, style: style)
        }
    }
}

extension String {
    /// `2026-10-06T07:00` → `2026-10-06 07:00`.
    func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
