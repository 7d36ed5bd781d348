/// A rectangle of cells on a named sheet, 0-based as in libxlsxwriter: what a chart series
/// points at, so the chart shows figures a reader can also see and check in the cells.
public struct CellRange: Hashable, Sendable {
    public var sheet: String
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// One column from `firstRow` to `lastRow`.
    public init(sheet: String, column: Int, rows: ClosedRange<Int>) {
        self.init(sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
    }
}
