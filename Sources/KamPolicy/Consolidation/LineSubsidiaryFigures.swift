/// One row of 分公司汇总 (SPEC §5): a subsidiary's totals for P, summed from its sales report's
/// rows, and its submission status.
public struct LineSubsidiaryFigures: Sendable, Equatable {
    public var subsidiaryCode: String
    public var subsidiaryName: String
    public var sales: Fen
    public var previousSales: Fen
    /// 环比, blank when the previous period's total ≤ 0 (as §4.1 does per customer).
    public var pop: Double?
    public var lastYearSales: Fen
    /// 同比, blank when last year's total ≤ 0.
    public var yoy: Double?
    /// 客户数: the sales report's rows (customers with a non-zero line in 24 months).
    public var customers: Int
    /// 活跃客户数: customers with sales(c,P) > 0, the ranked ones of 客户排名.
    public var activeCustomers: Int
    public var gradeA: Int
    public var gradeB: Int
    public var gradeC: Int
    public var keyAccounts: Int
    public var submission: SubmissionStatus
    public var salesReportRevision: Int?
    /// P has a month no accepted file covers (SPEC §8 "Incomplete data"): the row shows 未报送
    /// and blank figures, and the line's totals leave the subsidiary out. The figures above are
    /// still what its own workbook states, so the reconciliation compares like with like.
    public var isPeriodMissing: Bool = false
    /// The subsidiary's ttm window (or the previous one) has a missing month: its grades are
    /// blank, so its customers stay out of the line's grade migration.
    public var areGradesMissing: Bool = false

    public init(subsidiaryCode: String, subsidiaryName: String, sales: Fen, previousSales: Fen, pop: Double?,
                lastYearSales: Fen, yoy: Double?, customers: Int, activeCustomers: Int, gradeA: Int, gradeB: Int,
                gradeC: Int, keyAccounts: Int, submission: SubmissionStatus, salesReportRevision: Int? = nil) {
        self.subsidiaryCode = subsidiaryCode
        self.subsidiaryName = subsidiaryName
        self.sales = sales
        self.previousSales = previousSales
        self.pop = pop
        self.lastYearSales = lastYearSales
        self.yoy = yoy
        self.customers = customers
        self.activeCustomers = activeCustomers
        self.gradeA = gradeA
        self.gradeB = gradeB
        self.gradeC = gradeC
        self.keyAccounts = keyAccounts
        self.submission = submission
        self.salesReportRevision = salesReportRevision
    }

    /// Sums the rows of one subsidiary's report. Deliberately summed here from the rows, not
    /// read from `SalesReport`'s own totals, so the reconciliation compares two computations.
    /// `MoneyOverflow` (naming the subsidiary) when a total does not fit `Fen`.
    public init(subsidiary: Subsidiary, report: SalesReport, submission: SubmissionStatus,
                salesReportRevision: Int?) throws(MoneyOverflow) {
        var sales: Fen = 0, previous: Fen = 0, lastYear: Fen = 0
        var active = 0, a = 0, b = 0, c = 0, key = 0
        let overflow = { (figure: String, period: Period) in
            MoneyOverflow(figure: figure, subsidiary: subsidiary.code, period: period.description)
        }
        for row in report.rows {
            sales = try sales.adding(row.sales, or: overflow("本期销售额合计", report.period))
            previous = try previous.adding(row.previousSales, or: overflow("上期销售额合计", report.period.previous))
            lastYear = try lastYear.adding(row.lastYearSales, or: overflow("去年同期销售额合计", report.period.sameLastYear))
            if row.sales > 0 { active += 1 }
            switch row.grade {
            case .a?: a += 1
            case .b?: b += 1
            case .c?: c += 1
            case nil: break
            }
            if row.isKeyAccount { key += 1 }
        }
        self.init(subsidiaryCode: subsidiary.code, subsidiaryName: subsidiary.name, sales: sales, previousSales: previous,
                  pop: GrowthRate.of(sales, over: previous), lastYearSales: lastYear,
                  yoy: GrowthRate.of(sales, over: lastYear), customers: report.rows.count, activeCustomers: active,
                  gradeA: a, gradeB: b, gradeC: c, keyAccounts: key, submission: submission,
                  salesReportRevision: salesReportRevision)
        isPeriodMissing = report.isPeriodMissing || submission == .missing
        areGradesMissing = report.isTTMMissing || report.gaps.anyMissing(report.period.previous.trailingTwelveMonths)
    }
}
