import XLSXWriter

/// The formats of one data table's cells, by `TableStyle`: each resolved from the workbook the
/// first time a cell of that style is written (never ahead, see `Workbook.format(for:)`), then
/// found by its number. Measured on the scale workspace's workbook phase: looking the style of
/// every cell up in the sheet's recent styles (a `CellStyle` copied and compared, its number
/// format string included) was 3.2% of the phase's CPU.
struct TableFormats {
    private let workbook: Workbook
    private var resolved = [Format?](repeating: nil, count: TableStyle.allCases.count)

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    /// The boxed format of `style`.
    mutating func format(_ style: TableStyle) throws -> Format {
        if let format = resolved[style.rawValue] { return format }
        let format = try workbook.format(for: style.boxed)
        resolved[style.rawValue] = format
        return format
    }
}
