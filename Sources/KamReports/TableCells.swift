import XLSXWriter

/// Writes a data table's cells and gathers, on the way, what the table's layout needs from them:
/// each column's widest displayed text over the first rows (`Cell.displayUnits`), and which columns hold ids. Before,
/// the table was first built as `[[Cell]]` (an array per row), then walked twice more for the
/// widths and the id columns: one pass now, and no array (BENCHMARKS.md, issue 15 workbook phase).
struct TableCells {
    private let sheet: Worksheet
    private var formats: TableFormats
    /// Rows 1 through this one are sampled for the widths (row 0 is the header).
    private let lastSampledRow: Int
    /// Per column, the widest cell of the sampled rows in width units (`ColumnWidth.units`).
    private(set) var widestCell: [Int]
    /// Per column, whether any cell is an `.id`.
    private(set) var holdsIDs: [Bool]

    init(sheet: Worksheet, formats: TableFormats, columnCount: Int, sampledRows: Int) {
        self.sheet = sheet
        self.formats = formats
        lastSampledRow = sampledRows
        widestCell = [Int](repeating: 0, count: columnCount)
        holdsIDs = [Bool](repeating: false, count: columnCount)
    }

    /// Writes `cell` boxed, in its house style, at (`row`, `column`); rows count from 1, below the header.
    mutating func write(_ cell: Cell, row: Int, column: Int) throws {
        let format = try formats.format(cell.style)
        switch cell.written {
        case .text(let s): try sheet.write(s, row: row, column: column, format: format)
        case .number(let n): try sheet.write(n, row: row, column: column, format: format)
        case .blank: try sheet.writeBlank(row: row, column: column, format: format)
        }
        if case .id = cell { holdsIDs[column] = true }
        if row <= lastSampledRow { widestCell[column] = max(widestCell[column], cell.displayUnits) }
    }
}
