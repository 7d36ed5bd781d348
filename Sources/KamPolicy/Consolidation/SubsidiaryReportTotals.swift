/// A subsidiary's totals as its own 客户销售报表 states them (its 概览): the other side of the
/// cross-tier reconciliation. A plain value so it can be filled from the subsidiary workbook's
/// current revision as delivered, not only recomputed.
public struct SubsidiaryReportTotals: Sendable, Equatable {
    public var subsidiaryCode: String
    /// The revision of the subsidiary's workbook these totals are from, when known.
    public var revision: Int?
    public var sales: Fen
    public var previousSales: Fen
    public var lastYearSales: Fen
    /// 客户数(近24月有销售).
    public var customers: Int
    /// 本期有销售客户数.
    public var activeCustomers: Int
    public var gradeA: Int
    public var gradeB: Int
    public var gradeC: Int
    public var keyAccounts: Int

    public init(subsidiaryCode: String, revision: Int? = nil, sales: Fen, previousSales: Fen, lastYearSales: Fen,
                customers: Int, activeCustomers: Int, gradeA: Int, gradeB: Int, gradeC: Int, keyAccounts: Int) {
        self.subsidiaryCode = subsidiaryCode
        self.revision = revision
        self.sales = sales
        self.previousSales = previousSales
        self.lastYearSales = lastYearSales
        self.customers = customers
        self.activeCustomers = activeCustomers
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.gradeC = gradeC
        self.keyAccounts = keyAccounts
    }

    /// The totals exactly as `SalesReportWorkbook` writes them on the subsidiary's 概览.
    public init(subsidiaryCode: String, revision: Int? = nil, report: SalesReport) throws(MoneyOverflow) {
        let (sales, previous, lastYear) = try MoneyOverflow.context(subsidiary: subsidiaryCode) { () throws(MoneyOverflow) in
            (try report.totalSales, try report.totalPreviousSales, try report.totalLastYearSales)
        }
        self.init(subsidiaryCode: subsidiaryCode, revision: revision, sales: sales,
                  previousSales: previous, lastYearSales: lastYear,
                  customers: report.rows.count, activeCustomers: report.activeCustomers,
                  gradeA: report.count(of: .a), gradeB: report.count(of: .b), gradeC: report.count(of: .c),
                  keyAccounts: report.keyAccounts)
    }
}
