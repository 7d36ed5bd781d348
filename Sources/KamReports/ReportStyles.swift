import KamPolicy
import XLSXWriter

/// The house style of every workbook, in one place.
enum ReportStyles {
    static let moneyFormat = "#,##0.00"
    static let ratioFormat = "0.0%"
    static let decimalFormat = "0.00"
    static let header = CellStyle(bold: true, fillColor: 0xDDEBF7, border: true, wrap: true, alignment: .center)
    static let text = CellStyle(border: true)
    static let idText = CellStyle(numberFormat: "@", border: true)
    static let dateFormat = "yyyy-mm-dd"
    static let dateTimeFormat = "yyyy-mm-dd hh:mm"
    static let date = CellStyle(numberFormat: dateFormat, border: true)
    static let plainDate = CellStyle(numberFormat: dateFormat)
    static let dateTime = CellStyle(numberFormat: dateTimeFormat, border: true)
    static let plainDateTime = CellStyle(numberFormat: dateTimeFormat)
    static let plainIDText = CellStyle(numberFormat: "@")
    static let money = CellStyle(numberFormat: moneyFormat, border: true)
    static let ratio = CellStyle(numberFormat: ratioFormat, border: true)
    static let integer = CellStyle(numberFormat: "0", border: true)
    static let decimal = CellStyle(numberFormat: decimalFormat, border: true)
    static let plainDecimal = CellStyle(numberFormat: decimalFormat)
    static let title = CellStyle(bold: true, fontSize: 14)
    static let label = CellStyle(bold: true)
    static let plainMoney = CellStyle(numberFormat: moneyFormat)
    /// Money on 概览 carries its unit: `1,234.50 元` (SPEC §8 Workbooks).
    static let overviewMoneyFormat = "#,##0.00\" 元\""
    static let overviewMoney = CellStyle(numberFormat: overviewMoneyFormat)
    /// A text figure on 概览 wraps within its column instead of running under the charts.
    static let wrappedText = CellStyle(wrap: true)
    static let plainRatio = CellStyle(numberFormat: ratioFormat)
    static let plainInteger = CellStyle(numberFormat: "0")
    static let section = CellStyle(bold: true, fillColor: 0xF2F2F2)
    static let red = CellStyle(fontColor: 0x9C0006, fillColor: 0xFFC7CE)
    /// 概览's 数据不完整 banner: white on red, bold, so it cannot be missed on screen or paper;
    /// wrapped in its column, since LibreOffice prints none of a filled cell's text that runs on.
    static let banner = CellStyle(bold: true, fontColor: 0xFFFFFF, fillColor: 0xC00000, wrap: true)
    static let amber = CellStyle(fontColor: 0x9C5700, fillColor: 0xFFEB9C)
    static let green = CellStyle(fontColor: 0x006100, fillColor: 0xC6EFCE)
    /// 批复状态 (SPEC §4.6): late amber, not approved red, as 逾期 / 未报送 submissions are.
    static let approvalColours = [(ApprovalTimeliness.Status.notApproved.rawValue, red),
                                  (ApprovalTimeliness.Status.late.rawValue, amber)]
}
