/// The figures of 大客户年度评价 for year Y (SPEC §4.5): every key account at the end of Y,
/// how it grew, how it pays and how it was served, and what to do with it next year.
public struct KeyAccountReview: Sendable {
    public let year: Int
    /// By subsidiary (in the order given), then sales of Y descending, then customer_id.
    public let rows: [KeyAccountReviewRow]

    /// The key-account rule is §4.1's evaluated at P = December of Y. It is computed here as the
    /// sales report for the year period Y, whose ttm window (Jan–Dec Y) is December's, whose
    /// period sales are the sales of Y and whose same-period-last-year sales are those of Y−1.
    /// `MoneyOverflow` (naming the subsidiary) when a sum behind a subsidiary's figures does not fit `Fen`.
    public init(year: Int, subsidiaries inputs: [KeyAccountReviewInput], settings: PolicySettings) throws(MoneyOverflow) {
        self.year = year
        var rows: [KeyAccountReviewRow] = []
        for input in inputs {
            let report = try MoneyOverflow.context(subsidiary: input.subsidiary.code) { () throws(MoneyOverflow) in
                try SalesReport(period: .year(year), history: input.history, settings: settings)
            }
            let keyAccounts = report.rows.filter(\.isKeyAccount).sorted { x, y in
                x.sales != y.sales ? x.sales > y.sales : CustomerIDOrder.precedes(x.customerID, y.customerID)
            }
            for r in keyAccounts {
                let grade = input.approvedCreditGrades[r.customerID]
                rows.append(KeyAccountReviewRow(
                    subsidiaryCode: input.subsidiary.code, subsidiaryName: input.subsidiary.name, lineName: input.lineName,
                    customerID: r.customerID, customerName: r.customerName, keyAccountLevel: r.keyAccountLevel,
                    sales: r.sales, previousYearSales: r.lastYearSales, growth: r.yoy, profit: r.profit,
                    creditGrade: grade, visitCompliance: input.visitCompliance[r.customerID],
                    recommendation: input.missingInputs.isEmpty
                        ? ReviewRecommendation.of(growth: r.yoy, creditGrade: grade, settings: settings.review) : nil))
                if !input.missingInputs.isEmpty {
                    rows[rows.count - 1].remark = "缺少 " + input.missingInputs.joined(separator: "、") + ", 暂不评价"
                }
            }
        }
        self.rows = rows
    }

    public func count(of recommendation: ReviewRecommendation) -> Int { rows.filter { $0.recommendation == recommendation }.count }
    /// Key accounts left without a recommendation because an input of Y is missing.
    public var unassessed: Int { rows.filter { $0.recommendation == nil }.count }
    // The 概览 totals over every key account of the group.
    public var totalSales: Fen { get throws(MoneyOverflow) { try rows.sumOfMoney("大客户本年销售额合计", period: "\(year)") { $0.sales } } }
    public var totalPreviousYearSales: Fen {
        get throws(MoneyOverflow) { try rows.sumOfMoney("大客户上年销售额合计", period: "\(year - 1)") { $0.previousYearSales } }
    }
}
