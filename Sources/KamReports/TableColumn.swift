import XLSXWriter

/// One column of a data table, declared once: its header, how a row becomes its cell (the cell's
/// kind decides the Excel type and number format, see `Cell`), and what colours it. A table is a
/// list of these, so a header cannot drift from its cells, nor a colour from its column, the way
/// parallel header/row arrays and a hard-coded `firstColumn: 13` could.
struct TableColumn<Row>: Sendable {
    let header: String
    let highlights: [Highlight]
    /// The cap on the column's width: one long name must not make a sheet unprintable, but a
    /// SHA-256 is read whole or not at all.
    let maximumWidth: Double
    let cell: @Sendable (Row) -> Cell

    init(_ header: String, highlights: [Highlight] = [], maximumWidth: Double = ColumnWidth.maximum,
         _ cell: @escaping @Sendable (Row) -> Cell) {
        self.header = header
        self.highlights = highlights
        self.maximumWidth = maximumWidth
        self.cell = cell
    }
}

/// A conditional format over a column's data rows: what a reader must act on stands out however
/// the rows are sorted or filtered (超限 red, 预警 amber, a negative 环比 red).
enum Highlight: Sendable {
    /// Cells equal to the text.
    case equalTo(String, CellStyle)
    /// Numeric cells below the value.
    case below(Double, CellStyle)

    /// One `.equalTo` per (text, style) pair, in order.
    static func equalTo(_ pairs: [(String, CellStyle)]) -> [Highlight] { pairs.map { .equalTo($0.0, $0.1) } }
}

extension Array {
    /// The headers of a table's columns, in order (what SPEC §5 fixes for downstream tools).
    func headers<Row>() -> [String] where Element == TableColumn<Row> { map(\.header) }
}
