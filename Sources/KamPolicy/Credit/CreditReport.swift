/// The figures of one subsidiary's 客户资信报表 for quarter Q (SPEC §4.2, §8 Credit). Pure: the
/// same inputs give the same report.
public struct CreditReport: Sendable {
    public let quarter: Period
    /// 资信评估, by customer_id in code-point order.
    public let rows: [CreditReportRow]
    /// Whether Q's receivables file is missing: then every assessed grade, the balances and
    /// ratios are blank and every status is 未报送.
    public let isReceivablesMissing: Bool
    /// Whether Q's approvals file is missing (every limit is then a proposal).
    public let isApprovalsMissing: Bool
    /// 核定等级变动 (Q2/Q4 only; empty otherwise).
    public let approvedGradeChanges: [ApprovedGradeChange]
    /// Plain-language warnings for 概览.
    public let warnings: [String]

    /// Inputs as `CreditInputs` describes, loaded for Q. `MoneyOverflow` when a sum behind a
    /// figure (Q's sales, a ttm, a collection rate's divisor, a proposed limit) does not fit `Fen`.
    public init(quarter: Period, inputs: CreditInputs) throws(MoneyOverflow) {
        self.quarter = quarter
        let table = try inputs.approvedGradesByQuarter(through: quarter)
        let approved: (Period) -> [String: CreditGrade] = { table[$0] ?? [:] }
        let approvedNow = approved(quarter)
        let approvals = inputs.approvals[quarter]
        let lastMonth = quarter.lastMonth
        let name: (String) -> String = {
            CreditCustomerName.of($0, upTo: lastMonth, sales: inputs.sales, customerFiles: inputs.customerFiles)
        }
        let managers = AccountManager.snapshot(in: inputs.customerFiles, endingBy: lastMonth)
        var rows: [CreditReportRow] = []
        for id in try inputs.customers(in: quarter).sorted(by: CustomerIDOrder.precedes) {
            let figures = try inputs.figures(of: id, in: quarter)
            let limit = try EffectiveLimit.of(customer: id, approvals: approvals) { () throws(MoneyOverflow) in
                try inputs.proposal(for: id, quarter: quarter, approved: approved).limit
            }
            rows.append(CreditReportRow(customerID: id, customerName: name(id), figures: figures, approvedGrade: approvedNow[id],
                                   limit: limit, utilisation: CreditUtilisation.of(receivable: figures.receivable, limit: limit.amount),
                                   status: CreditStatus.of(receivable: figures.receivable, limit: limit.amount,
                                                           settings: inputs.settings.credit),
                                   accountManager: AccountManager.of(id, in: managers)))
        }
        self.rows = rows
        isReceivablesMissing = inputs.receivables[quarter] == nil
        isApprovalsMissing = approvals == nil
        if ApprovedCreditGrade.isHalfYearEnd(quarter) {
            approvedGradeChanges = ApprovedGradeChange.changes(previous: approved(quarter.shifted(by: -2)), current: approvedNow,
                                                               name: name)
        } else {
            approvedGradeChanges = []
        }
        var warnings: [String] = []
        if isReceivablesMissing { warnings.append("缺少 \(quarter) 应收账款(receivables)文件: 评估等级、余额与使用率留空, 状态为未报送") }
        if inputs.receivables[quarter.previous] == nil { warnings.append("缺少 \(quarter.previous) 应收账款文件: 期初应收按 0 计") }
        if isApprovalsMissing { warnings.append("缺少 \(quarter) 额度审批(approvals)文件: 执行额度均为建议额度(未批复)") }
        self.warnings = warnings
    }

    /// 超限预警: the over-limit and warning rows, over-limit first, each by customer_id.
    /// 超限预警, in the order a credit manager works it: 超限 by the excess (receivable − limit)
    /// largest first, then 预警 by utilisation highest first; ties by customer_id.
    public var overLimitAndWarnings: [CreditReportRow] {
        let over = rows.filter { $0.status == .over }.sorted { x, y in
            let (a, b) = (x.excess ?? 0, y.excess ?? 0)
            return a != b ? a > b : CustomerIDOrder.precedes(x.customerID, y.customerID)
        }
        let warning = rows.filter { $0.status == .warning }.sorted { x, y in
            let (a, b) = (x.utilisation ?? 0, y.utilisation ?? 0)
            return a != b ? a > b : CustomerIDOrder.precedes(x.customerID, y.customerID)
        }
        return over + warning
    }

    public func count(of status: CreditStatus) -> Int { rows.filter { $0.status == status }.count }
    public func countAssessed(_ grade: CreditGrade) -> Int { rows.filter { $0.figures.assessedGrade == grade }.count }
    public func countApproved(_ grade: CreditGrade) -> Int { rows.filter { $0.approvedGrade == grade }.count }

    // The 概览 totals: each row fits, their sum over customers may not.
    public var totalOpening: Fen { get throws(MoneyOverflow) { try total("期初应收合计") { $0.figures.opening } } }
    public var totalSales: Fen { get throws(MoneyOverflow) { try total("本期销售额合计") { $0.figures.sales } } }
    /// nil when Q's receivables file is missing.
    public var totalCollected: Fen? {
        get throws(MoneyOverflow) { isReceivablesMissing ? nil : try total("本期回款合计") { $0.figures.collected ?? 0 } }
    }
    public var totalReceivable: Fen? {
        get throws(MoneyOverflow) { isReceivablesMissing ? nil : try total("应收余额合计") { $0.figures.receivable ?? 0 } }
    }
    public var totalOverdue: Fen? {
        get throws(MoneyOverflow) { isReceivablesMissing ? nil : try total("逾期金额合计") { $0.figures.overdue ?? 0 } }
    }
    public var totalLimit: Fen { get throws(MoneyOverflow) { try total("执行额度合计") { $0.limit.amount } } }

    private func total(_ figure: String, _ amount: (CreditReportRow) -> Fen) throws(MoneyOverflow) -> Fen {
        try rows.sumOfMoney(figure, period: quarter.description, amount)
    }
}

extension CreditReport {
    /// The same report from the loaded values directly (see `CreditInputs` for which months and
    /// quarters to load).
    public init(quarter: Period, history: SalesHistory, receivables: [Period: [ReceivableRecord]],
                approvals: [Period: [ApprovalRecord]], customerFiles: [Period: [CustomerFileRecord]],
                settings: PolicySettings, cadence: Cadence) throws(MoneyOverflow) {
        try self.init(quarter: quarter, inputs: CreditInputs(history: history, receivables: receivables, approvals: approvals,
                                                         customerFiles: customerFiles, settings: settings, cadence: cadence))
    }
}
