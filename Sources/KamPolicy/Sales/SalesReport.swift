/// The figures of one subsidiary's 客户销售报表 for one period (SPEC §4.1, §8 "Sales report"),
/// computed from its effective sales history. Pure: the same history gives the same report.
public struct SalesReport: Sendable {
    public let period: Period
    /// 客户排名: ranked rows first by rank (ties by customer_id), then unranked by customer_id.
    public let rows: [SalesReportRow]
    /// 潜力客户.
    public let potentialCustomers: [SalesReportRow]
    /// Whether any month of the period had sales data (else the input is missing).
    public let hasDataInPeriod: Bool
    /// Whether the period's profit is known (every month with data had a cost column).
    public let isProfitKnown: Bool
    /// The months of the report's windows (P, prev, ly, ttm, prev ttm) with no accepted file:
    /// the figures that would read them are blank (SPEC §8 "Incomplete data").
    public let gaps: SalesGaps

    /// P itself has a missing month: 本期销售额, 排名, 本期毛利, 毛利率 are blank, and the report
    /// lists no 潜力客户 or 等级变动.
    public var isPeriodMissing: Bool { gaps.anyMissing(period.months) }
    /// The 12 months ending with P have a missing month: 近12月销售额, 等级, 大客户, 大客户级别 are blank.
    public var isTTMMissing: Bool { gaps.anyMissing(period.trailingTwelveMonths) }

    /// `MoneyOverflow` when a sum the report needs (a customer's sales over a window, the
    /// graded ttm total, the subsidiary's ttm profit) does not fit `Fen`: no report rather than a
    /// wrong one, and the scheduler fails this workbook alone.
    public init(period: Period, history: SalesHistory, settings: PolicySettings, gaps: SalesGaps = .none) throws(MoneyOverflow) {
        self.period = period
        let months = period.months
        let previousMonths = period.previous.months
        let lastYearMonths = period.sameLastYear.months
        let ttmMonths = period.trailingTwelveMonths
        let previousTTMMonths = period.previous.trailingTwelveMonths
        let window = period.trailingTwentyFourMonths
        let gaps = gaps.within(months + previousMonths + lastYearMonths + ttmMonths + previousTTMMonths)
        self.gaps = gaps
        let periodMissing = gaps.anyMissing(months)
        let popBlank = periodMissing || gaps.anyMissing(previousMonths)
        let yoyBlank = periodMissing || gaps.anyMissing(lastYearMonths)
        let ttmMissing = gaps.anyMissing(ttmMonths)
        let previousTTMMissing = gaps.anyMissing(previousTTMMonths)

        // Every customer is summed over half a dozen windows: read the history's month rows.
        let index = history.index
        let ids = index.customers.filter { index.hasNonZeroLine($0, in: window) }
        var ttm: [String: Fen] = [:]
        var previousTTM: [String: Fen] = [:]
        for id in index.customers {
            ttm[id] = try index.sales(of: id, in: ttmMonths)
            previousTTM[id] = try index.sales(of: id, in: previousTTMMonths)
        }
        let grades = try CustomerGrade.grades(ttm: ttm, settings: settings.grading, window: Period.describe(ttmMonths))
        let previousGrades = try CustomerGrade.grades(ttm: previousTTM, settings: settings.grading,
                                                      window: Period.describe(previousTTMMonths))

        let profitKnown = history.isProfitKnown(in: months)
        let ttmProfitKnown = history.isProfitKnown(in: ttmMonths)
        var subsidiaryTTMProfit: Fen?
        if ttmProfitKnown {
            var total: Fen = 0
            for id in index.customers {
                let profit = try (ttm[id] ?? 0).subtracting(try index.cost(of: id, in: ttmMonths),
                                                            or: Self.overflow("近12月毛利", id, ttmMonths))
                total = try total.adding(profit, or: Self.overflow("近12月毛利合计 (分公司)", nil, ttmMonths))
            }
            subsidiaryTTMProfit = total
        }

        var unordered: [SalesReportRow] = []
        unordered.reserveCapacity(ids.count)
        for id in ids {
            let sales = try index.sales(of: id, in: months)
            let previous = try index.sales(of: id, in: previousMonths)
            let lastYear = try index.sales(of: id, in: lastYearMonths)
            let profit = profitKnown
                ? try sales.subtracting(try index.cost(of: id, in: months), or: Self.overflow("本期毛利", id, months)) : nil
            let customerTTM = ttm[id] ?? 0
            let ttmProfit = ttmProfitKnown
                ? try customerTTM.subtracting(try index.cost(of: id, in: ttmMonths), or: Self.overflow("近12月毛利", id, ttmMonths))
                : nil
            // A grade over a window with a missing month is blank; so is a change from or to it.
            let grade = ttmMissing ? nil : grades[id]
            let previousGrade = previousTTMMissing ? nil : previousGrades[id]
            unordered.append(SalesReportRow(
                rank: nil,
                customerID: id,
                customerName: index.latestName(of: id, in: window) ?? "",
                sales: sales,
                previousSales: previous,
                pop: popBlank ? nil : GrowthRate.of(sales, over: previous),
                lastYearSales: lastYear,
                yoy: yoyBlank ? nil : GrowthRate.of(sales, over: lastYear),
                profit: periodMissing ? nil : profit,
                margin: periodMissing ? nil : profit.flatMap { p in sales > 0 ? Double(p) / Double(sales) : nil },
                ttm: customerTTM,
                grade: grade,
                previousGrade: previousGrade,
                gradeChange: ttmMissing || previousTTMMissing ? nil : GradeChange.between(previous: previousGrade, current: grade),
                isKeyAccount: !ttmMissing && KeyAccountRule.isKeyAccount(ttm: customerTTM, ttmProfit: ttmProfit,
                                                                         subsidiaryTTMProfit: subsidiaryTTMProfit,
                                                                         settings: settings.keyAccount),
                keyAccountLevel: ttmMissing ? nil : KeyAccountRule.level(ttm: customerTTM, settings: settings.keyAccount)
            ))
        }

        // No rank over a period with a missing month: every row is listed by customer_id.
        let ranked = periodMissing ? [] : CompetitionRanking.rank(unordered, value: \.sales) {
            CustomerIDOrder.precedes($0.customerID, $1.customerID)
        }
        var rows = ranked.map { entry -> SalesReportRow in
            var row = entry.item
            row.rank = entry.rank
            return row
        }
        rows += unordered.filter { periodMissing || $0.sales <= 0 }
            .sorted { CustomerIDOrder.precedes($0.customerID, $1.customerID) }
        self.rows = rows
        self.potentialCustomers = periodMissing ? [] : PotentialCustomers.select(from: rows, settings: settings.growth)
        self.hasDataInPeriod = history.hasData(in: months)
        self.isProfitKnown = profitKnown
    }

    /// 等级变动: rows whose grade moved (up, down, new or lost), by change then customer_id.
    public var gradeChanges: [SalesReportRow] {
        guard !isPeriodMissing else { return [] }
        let order: [GradeChange] = [.down, .up, .new, .lost]
        return rows.filter { $0.gradeChange.map { $0 != .same } ?? false }
            .sorted { x, y in
                let (a, b) = (order.firstIndex(of: x.gradeChange ?? .same) ?? 9, order.firstIndex(of: y.gradeChange ?? .same) ?? 9)
                return a != b ? a < b : CustomerIDOrder.precedes(x.customerID, y.customerID)
            }
    }

    static func overflow(_ figure: String, _ customer: String?, _ months: [YearMonth]) -> MoneyOverflow {
        MoneyOverflow(figure: figure, customer: customer, period: Period.describe(months))
    }

    // The 概览 totals: each row fits, their sum over customers may not.
    public var totalSales: Fen { get throws(MoneyOverflow) { try rows.sumOfMoney("本期销售额合计", period: period.description) { $0.sales } } }
    public var totalPreviousSales: Fen {
        get throws(MoneyOverflow) { try rows.sumOfMoney("上期销售额合计", period: period.previous.description) { $0.previousSales } }
    }
    public var totalLastYearSales: Fen {
        get throws(MoneyOverflow) { try rows.sumOfMoney("去年同期销售额合计", period: period.sameLastYear.description) { $0.lastYearSales } }
    }
    /// Sum of profit, nil when profit is not known for the period.
    public var totalProfit: Fen? {
        get throws(MoneyOverflow) {
            isProfitKnown ? try rows.sumOfMoney("本期毛利合计", period: period.description) { $0.profit ?? 0 } : nil
        }
    }
    /// Customers with sales in the period > 0 (the ranked ones).
    public var activeCustomers: Int { rows.filter { $0.rank != nil }.count }
    public var keyAccounts: Int { rows.filter(\.isKeyAccount).count }

    public func count(of grade: CustomerGrade) -> Int { rows.filter { $0.grade == grade }.count }
}
