/// The figures the cross-tier reconciliation compares (SPEC §4.5), named as the workbooks name
/// them. Money figures are in fen, the others are counts.
public enum ReconciledFigure: String, Sendable, CaseIterable {
    case sales = "本期销售额"
    case previousSales = "上期销售额"
    case lastYearSales = "去年同期销售额"
    case customers = "客户数"
    case activeCustomers = "活跃客户数"
    case gradeA = "A类"
    case gradeB = "B类"
    case gradeC = "C类"
    case keyAccounts = "大客户数"
    /// The subsidiary workbook's revision, when both sides know it.
    case revision = "版本"

    public var isMoney: Bool { self == .sales || self == .previousSales || self == .lastYearSales }
}
