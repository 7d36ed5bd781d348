import KamPolicy

/// The last sheet, 数据来源: the input files the workbook's figures were computed from, with
/// kind, period, received time and SHA-256 (SPEC §8 Workbooks), so a reader can tell which
/// submission a figure rests on and check the bytes. It used to open 概览 and filled the first
/// printed pages of the consolidated workbooks before any figure.
enum DataSourcesSheet {
    static let name = "数据来源"

    static let columns: [TableColumn<ReportContext.Input>] = [
        TableColumn("文件名") { .text($0.fileName) },
        TableColumn("类型") { .text(HQQuarterlyWorkbook.kindLabel($0.kind)) },
        TableColumn("期间") { .text($0.period) },
        TableColumn("接收时间") { receivedCell($0.received) },
        TableColumn("SHA-256", maximumWidth: hashWidth) { .text($0.sha256) },
    ]

    /// A SHA-256 is 64 characters: wider than a data column's cap, and useless cut short.
    static let hashWidth = 68.0

    /// The received time as an Excel date (`2026-10-03 10:00` as the context gives it); text as
    /// given if it is not in that form, rather than a date made up.
    static func receivedCell(_ text: String) -> Cell {
        LocalDateTime(parsing: String(text.map { $0 == " " ? "T" : $0 })).map(Cell.dateTime) ?? .text(text)
    }

    static func write(_ context: ReportContext, with writer: SheetWriter) throws {
        try writer.table(named: name, columns: columns, rows: context.inputs)
    }
}
