/// The figures of a business line's 汇总分析表 for period P (SPEC §4.5): the management
/// department's consolidation of its subsidiaries' sales (and, for quarters, credit) reports.
/// Pure: it only regroups what the subsidiary reports computed, so every figure traces back to
/// a subsidiary workbook of the same P.
public struct LineSummary: Sendable {
    public let line: BusinessLine
    public let period: Period
    /// 分公司汇总, one row per subsidiary in the order given (config order).
    public let subsidiaries: [LineSubsidiaryFigures]
    /// 重点客户排名: the line's customers by sales(c,P), competition ranking across its
    /// subsidiaries, ties by subsidiary code then customer_id (code-point order); every customer
    /// whose rank is ≤ `summary.top_n`, so a tie at the cut is never split.
    public let topCustomers: [LineCustomer]
    /// 等级迁移 over all the line's customers.
    public let gradeMigration: GradeMigrationMatrix
    /// 潜力客户: the union of the subsidiaries' own §4.1 potential lists (each already cut at
    /// `growth.top_n`), by yoy descending, then sales descending, subsidiary code, customer_id.
    public let potentialCustomers: [LineCustomer]
    /// 资信预警: 超限 then 预警, each by subsidiary order then customer_id; nil for a monthly P,
    /// which has no credit report.
    public let creditWarnings: [SubsidiaryCreditWarning]?

    /// `MoneyOverflow` when a subsidiary's total does not fit `Fen`.
    public init(line: BusinessLine, period: Period, subsidiaries inputs: [LineSubsidiaryInput],
                settings: PolicySettings) throws(MoneyOverflow) {
        self.line = line
        self.period = period
        var subsidiaries: [LineSubsidiaryFigures] = []
        for input in inputs {
            subsidiaries.append(try LineSubsidiaryFigures(subsidiary: input.subsidiary, report: input.report,
                                                          submission: input.submission,
                                                          salesReportRevision: input.salesReportRevision))
        }
        self.subsidiaries = subsidiaries

        // A subsidiary whose P is missing has no 本期 figures to rank, and one whose grades are
        // blank for missing months has no migration to show (SPEC §8 "Incomplete data").
        let present = Set(subsidiaries.filter { !$0.isPeriodMissing }.map(\.subsidiaryCode))
        let graded = Set(subsidiaries.filter { !$0.areGradesMissing }.map(\.subsidiaryCode))
        let customers = inputs.flatMap { input in
            input.report.rows.map { LineCustomer(rank: nil, subsidiaryCode: input.subsidiary.code,
                                                 subsidiaryName: input.subsidiary.name, row: $0) }
        }
        let ranked = CompetitionRanking.rank(customers.filter { present.contains($0.subsidiaryCode) }, value: \.row.sales,
                                             tieBreak: Self.bySubsidiaryThenID)
        topCustomers = ranked.prefix { $0.rank <= settings.summaryTopN }.map { entry in
            var customer = entry.item
            customer.rank = entry.rank
            return customer
        }
        gradeMigration = GradeMigrationMatrix(rows: customers.filter { graded.contains($0.subsidiaryCode) }.map(\.row))

        let potential = inputs.flatMap { input in
            input.report.potentialCustomers.map { LineCustomer(rank: nil, subsidiaryCode: input.subsidiary.code,
                                                               subsidiaryName: input.subsidiary.name, row: $0) }
        }
        potentialCustomers = potential.sorted { x, y in
            let (a, b) = (x.row.yoy ?? 0, y.row.yoy ?? 0)
            if a != b { return a > b }
            if x.row.sales != y.row.sales { return x.row.sales > y.row.sales }
            return Self.bySubsidiaryThenID(x, y)
        }

        if period.isQuarter {
            let order = Dictionary(inputs.enumerated().map { ($1.subsidiary.code, $0) }, uniquingKeysWith: { a, _ in a })
            creditWarnings = inputs.flatMap(\.creditWarnings).sorted { x, y in
                if x.level != y.level { return x.level < y.level }
                let (a, b) = (order[x.subsidiaryCode] ?? Int.max, order[y.subsidiaryCode] ?? Int.max)
                if a != b { return a < b }
                return CustomerIDOrder.precedes(x.customerID, y.customerID)
            }
        } else {
            creditWarnings = nil
        }
    }

    /// Ties between customers of the line: subsidiary code, then customer_id, both in code-point
    /// order, so the order does not depend on how config happens to list the subsidiaries.
    static func bySubsidiaryThenID(_ x: LineCustomer, _ y: LineCustomer) -> Bool {
        if x.subsidiaryCode != y.subsidiaryCode { return CustomerIDOrder.precedes(x.subsidiaryCode, y.subsidiaryCode) }
        return CustomerIDOrder.precedes(x.row.customerID, y.row.customerID)
    }

    /// The subsidiaries the line's totals are over: those whose P is present (SPEC §8).
    public var presentSubsidiaries: [LineSubsidiaryFigures] { subsidiaries.filter { !$0.isPeriodMissing } }

    // The line's totals on 概览, over the present subsidiaries: each one's fits, their sum may not.
    public var totalSales: Fen {
        get throws(MoneyOverflow) { try presentSubsidiaries.sumOfMoney("\(line.name) 本期销售额合计", period: period.description) { $0.sales } }
    }
    public var totalPreviousSales: Fen {
        get throws(MoneyOverflow) {
            try presentSubsidiaries.sumOfMoney("\(line.name) 上期销售额合计", period: period.previous.description) { $0.previousSales }
        }
    }
    public var totalLastYearSales: Fen {
        get throws(MoneyOverflow) {
            try presentSubsidiaries.sumOfMoney("\(line.name) 去年同期销售额合计", period: period.sameLastYear.description) { $0.lastYearSales }
        }
    }
    public var totalActiveCustomers: Int { presentSubsidiaries.reduce(0) { $0 + $1.activeCustomers } }
    public var totalKeyAccounts: Int { subsidiaries.filter { !$0.areGradesMissing }.reduce(0) { $0 + $1.keyAccounts } }
    public func total(of grade: CustomerGrade) -> Int {
        subsidiaries.filter { !$0.areGradesMissing }.reduce(0) { sum, s in sum + (grade == .a ? s.gradeA : grade == .b ? s.gradeB : s.gradeC) }
    }
    /// Subsidiaries whose sales for P are missing (never received, or a month of P uncovered).
    public var missingSubmissions: [LineSubsidiaryFigures] { subsidiaries.filter(\.isPeriodMissing) }
}
