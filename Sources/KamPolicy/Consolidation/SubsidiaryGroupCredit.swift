/// What hq-quarterly shows of one subsidiary's 客户资信报表 for Q: whether its receivables are
/// missing, its 超限 / 预警 / 无额度 counts, and per customer the four figures a 跨公司客户 row
/// quotes. Taken from the credit report the subsidiary's own workbook states, so the credit job
/// can hand it over (`ReportMemo`, and the report cache across runs) instead of hq-quarterly
/// reading every subsidiary's 27 months, receivables and files again to recompute it — that was
/// most of a run after one late file at group scale (issue 15).
public struct SubsidiaryGroupCredit: Sendable, Equatable {
    /// One customer's row of the credit report, as 跨公司客户 quotes it.
    public struct Customer: Sendable, Equatable {
        public var sales: Fen
        public var receivable: Fen?
        public var approvedGrade: CreditGrade?
        /// 执行额度.
        public var limit: Fen

        public init(sales: Fen, receivable: Fen?, approvedGrade: CreditGrade?, limit: Fen) {
            self.sales = sales
            self.receivable = receivable
            self.approvedGrade = approvedGrade
            self.limit = limit
        }
    }

    public var isReceivablesMissing: Bool
    public var overLimit: Int
    public var warning: Int
    public var noLimit: Int
    /// By customer_id: the report's row of each customer (its first, should one appear twice).
    public var customers: [String: Customer]

    public init(isReceivablesMissing: Bool, overLimit: Int, warning: Int, noLimit: Int, customers: [String: Customer]) {
        self.isReceivablesMissing = isReceivablesMissing
        self.overLimit = overLimit
        self.warning = warning
        self.noLimit = noLimit
        self.customers = customers
    }

    public init(report: CreditReport) {
        var customers: [String: Customer] = Dictionary(minimumCapacity: report.rows.count)
        var counts: [CreditStatus: Int] = [:]
        for row in report.rows {
            counts[row.status, default: 0] += 1
            guard customers[row.customerID] == nil else { continue }
            customers[row.customerID] = Customer(sales: row.figures.sales, receivable: row.figures.receivable,
                                                 approvedGrade: row.approvedGrade, limit: row.limit.amount)
        }
        self.init(isReceivablesMissing: report.isReceivablesMissing, overLimit: counts[.over] ?? 0,
                  warning: counts[.warning] ?? 0, noLimit: counts[.noLimit] ?? 0, customers: customers)
    }
}
