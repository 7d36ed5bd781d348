/// Sheet 客户经理 of a quarter's 客户销售报表 (SPEC §4.6): the rows of 客户排名 grouped by 客户经理,
/// so a manager's book of customers can be appraised by sales and profit (seed 000 六.1).
public struct AccountManagerSummary: Sendable, Equatable {
    public var manager: String
    /// 客户数: the manager's rows of 客户排名.
    public var customers: Int
    public var gradeA: Int
    public var gradeB: Int
    public var gradeC: Int
    /// 大客户数.
    public var keyAccounts: Int
    /// 本期销售额.
    public var sales: Fen
    /// 去年同期销售额.
    public var lastYearSales: Fen
    /// 同比 of the manager's totals: blank when last year's total ≤ 0 (§4.1's rule).
    public var yoy: Double? { GrowthRate.of(sales, over: lastYearSales) }
    /// 本期毛利: nil when the period's profit is not known (no cost column).
    public var profit: Fen?

    /// One summary per manager named by `manager(customer_id)`, over `rows`; by 本期销售额 descending,
    /// then the manager's name in code-point order. `MoneyOverflow` when a manager's total does not fit.
    public static func summaries(of rows: [SalesReportRow], period: Period,
                                 manager: (String) -> String) throws(MoneyOverflow) -> [AccountManagerSummary] {
        var byManager: [String: AccountManagerSummary] = [:]
        for row in rows {
            let name = manager(row.customerID)
            var s = byManager[name] ?? AccountManagerSummary(manager: name, customers: 0, gradeA: 0, gradeB: 0, gradeC: 0,
                                                              keyAccounts: 0, sales: 0, lastYearSales: 0, profit: 0)
            let overflow = { (figure: String) in MoneyOverflow(figure: "\(figure) (客户经理 \(name))", period: period.description) }
            s.customers += 1
            switch row.grade {
            case .a: s.gradeA += 1
            case .b: s.gradeB += 1
            case .c: s.gradeC += 1
            case nil: break
            }
            if row.isKeyAccount { s.keyAccounts += 1 }
            s.sales = try s.sales.adding(row.sales, or: overflow("本期销售额"))
            s.lastYearSales = try s.lastYearSales.adding(row.lastYearSales, or: overflow("去年同期销售额"))
            if let total = s.profit, let profit = row.profit {
                s.profit = try total.adding(profit, or: overflow("本期毛利"))
            } else {
                s.profit = nil
            }
            byManager[name] = s
        }
        return byManager.values.sorted { x, y in
            x.sales != y.sales ? x.sales > y.sales : CustomerIDOrder.precedes(x.manager, y.manager)
        }
    }
}
