/// Adapter from the subsidiary tier's `CreditReport` (branch `credit`) to the rows the line
/// summary lists, so the management workbook shows exactly the subsidiary's 超限预警 rows.
extension SubsidiaryCreditWarning {
    /// The report's over-limit and warning rows, in its order; other statuses are not listed.
    public static func warnings(of report: CreditReport, subsidiaryCode: String) -> [SubsidiaryCreditWarning] {
        report.overLimitAndWarnings.compactMap { row in
            let level: CreditWarningLevel
            switch row.status {
            case .over: level = .overLimit
            case .warning: level = .warning
            case .noLimit, .normal, .notSubmitted: return nil
            }
            return SubsidiaryCreditWarning(subsidiaryCode: subsidiaryCode, customerID: row.customerID,
                                           customerName: row.customerName, receivable: row.figures.receivable ?? 0,
                                           effectiveLimit: row.limit.amount, isLimitApproved: row.limit.source == .approved,
                                           utilisation: row.utilisation, level: level)
        }
    }
}
