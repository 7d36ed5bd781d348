import XLSXWriter

/// The house style a cell is shown in, one per kind of `Cell`: boxed in a data table, plain
/// (no border) on 概览. Naming them by a small number lets a table resolve each to its format
/// once (`TableFormats`) instead of comparing `CellStyle`s cell by cell.
enum TableStyle: Int, CaseIterable {
    case text, id, date, dateTime, money, ratio, integer, decimal

    /// In a data table: bordered, with the kind's number format.
    var boxed: CellStyle {
        switch self {
        case .text: ReportStyles.text
        case .id: ReportStyles.idText
        case .date: ReportStyles.date
        case .dateTime: ReportStyles.dateTime
        case .money: ReportStyles.money
        case .ratio: ReportStyles.ratio
        case .integer: ReportStyles.integer
        case .decimal: ReportStyles.decimal
        }
    }

    /// Outside a table (概览): the number format alone; text in the default style.
    var plain: CellStyle? {
        switch self {
        case .text: nil
        case .id: ReportStyles.plainIDText
        case .date: ReportStyles.plainDate
        case .dateTime: ReportStyles.plainDateTime
        case .money: ReportStyles.plainMoney
        case .ratio: ReportStyles.plainRatio
        case .integer: ReportStyles.plainInteger
        case .decimal: ReportStyles.plainDecimal
        }
    }
}
