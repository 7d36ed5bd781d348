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

extension CellRange {
    /// `B2:D10` (0-based in, A1 notation out): the form `worksheet_ignore_errors` takes; the
    /// `CELL()`/`RANGE()` macros that build it in C are not visible from Swift.
    public static func a1(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        "\(columnLetters(firstColumn))\(firstRow + 1):\(columnLetters(lastColumn))\(lastRow + 1)"
    }

    /// `A`…`Z`, `AA`…: the column's letters.
    public static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
