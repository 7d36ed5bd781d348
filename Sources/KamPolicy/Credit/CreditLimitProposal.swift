/// 资信额度申请表 for quarter Q' (SPEC §2, §4.2): next quarter's limits, proposed on the 21st
/// (config `calendar.credit-limit-proposal`) of the last month of Q'−1 and due for approval
/// `approval_days` later.
public struct CreditLimitProposal: Sendable {
    /// Q', the quarter the limits apply to.
    public let quarter: Period
    public let proposalDate: LocalDate
    /// 审批截止日期: proposal date + `credit.approval_days`.
    public let approvalDeadline: LocalDate
    /// The basis month B whose ttm the limits use.
    public let basisMonth: YearMonth
    /// `credit.round_to`: every limit is a multiple of it, so the workbook can say so.
    public let roundTo: Fen
    /// Customers with non-zero ttm at B, or listed in the latest receivables snapshot ≤ B; by
    /// customer_id. Each with Q'−1's limit and the change (`approvals` of Q'−1 in the inputs).
    public let rows: [CreditLimitProposalRow]

    /// `proposalDay` is the configured day of month (clamped to the month's length, as job fire
    /// days are). Inputs as `CreditInputs` describes, loaded for Q'−1.
    /// `MoneyOverflow` when a customer's ttm or proposed limit does not fit `Fen`.
    public init(quarter: Period, inputs: CreditInputs, proposalDay: Int = 21) throws(MoneyOverflow) {
        self.quarter = quarter
        let month = ProposalBasisMonth.proposalMonth(for: quarter)
        let day = min(max(proposalDay, 1), LocalDate.daysIn(year: month.year, month: month.month))
        let date = LocalDate(year: month.year, month: month.month, day: day) ?? LocalDate(daysSinceEpoch: 0)
        proposalDate = date
        approvalDeadline = date.adding(days: inputs.settings.credit.approvalDays)
        let basis = ProposalBasisMonth.of(proposalMonth: month, cadence: inputs.cadence)
        basisMonth = basis
        roundTo = inputs.settings.credit.roundTo

        let ttmMonths = Period.month(basis).trailingTwelveMonths
        var ids = Set<String>()
        for id in inputs.sales.customers where try inputs.sales.sales(of: id, in: ttmMonths) != 0 { ids.insert(id) }
        if let latest = inputs.receivables.keys.filter({ $0.lastMonth <= basis }).max(by: { $0.lastMonth < $1.lastMonth }) {
            ids.formUnion(inputs.receivables[latest]?.keys.map { $0 } ?? [])
        }
        let table = try inputs.approvedGradesByQuarter(through: quarter)
        let approved: (Period) -> [String: CreditGrade] = { table[$0] ?? [:] }
        let current = quarter.previous
        var rows: [CreditLimitProposalRow] = []
        for id in ids.sorted(by: CustomerIDOrder.precedes) {
            var row = try inputs.proposal(for: id, quarter: quarter, approved: approved)
            row.customerName = CreditCustomerName.of(id, upTo: month, sales: inputs.sales, customerFiles: inputs.customerFiles)
            // Q'−1's limit as its credit report has it: approved in approvals_<Q'−1>, else proposed.
            let now = try EffectiveLimit.of(customer: id, approvals: inputs.approvals[current]) { () throws(MoneyOverflow) in
                try inputs.proposal(for: id, quarter: current, approved: approved).limit
            }
            let (change, overflow) = row.limit.subtractingReportingOverflow(now.amount)
            if overflow { throw MoneyOverflow(figure: "增减", customer: id, period: quarter.description) }
            row.currentLimit = now
            row.change = change
            rows.append(row)
        }
        self.rows = rows
    }

    // The 概览 totals: each row fits, their sum over customers may not.
    public var totalLimit: Fen { get throws(MoneyOverflow) { try rows.sumOfMoney("建议额度合计", period: quarter.description) { $0.limit } } }
    /// Nil when any row lacks Q'−1's limit.
    public var totalCurrentLimit: Fen? {
        get throws(MoneyOverflow) {
            if rows.contains(where: { $0.currentLimit == nil }) { return nil }
            return try rows.sumOfMoney("现行额度合计", period: quarter.previous.description) { $0.currentLimit?.amount ?? 0 }
        }
    }
    public var totalTTM: Fen { get throws(MoneyOverflow) { try rows.sumOfMoney("近12月销售额合计", period: quarter.description) { $0.ttm } } }
    public func count(of grade: CreditGrade) -> Int { rows.filter { $0.grade == grade }.count }
}

extension CreditLimitProposal {
    /// The same proposal from the loaded values directly: sales through the proposal month (ttm at
    /// B needs the 12 months ending with B), every receivables snapshot up to Q'−1, customer files
    /// for names of customers without sales.
    public init(quarter: Period, history: SalesHistory, receivables: [Period: [ReceivableRecord]],
                customerFiles: [Period: [CustomerFileRecord]] = [:], settings: PolicySettings, cadence: Cadence,
                proposalDay: Int = 21) throws(MoneyOverflow) {
        try self.init(quarter: quarter, inputs: CreditInputs(history: history, receivables: receivables, customerFiles: customerFiles,
                                                         settings: settings, cadence: cadence),
                  proposalDay: proposalDay)
    }
}
