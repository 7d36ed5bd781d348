/// Sheet C类客户分析 of a quarter's 客户销售报表 (SPEC §4.6; seed 002 第十二条(三): report on the C
/// customers regularly and raise the promising ones to B): the largest C customers and how far each
/// is from grade B.
public struct ClassCCustomers: Sendable, Equatable {
    /// One listed C customer.
    public struct Entry: Sendable, Equatable {
        public var row: SalesReportRow
        /// 距B级差额 = the smallest ttm of a B customer at P − ttm(c); nil when no customer is B.
        /// Always > 0: a C customer whose ttm equals a B customer's would have the same grade
        /// (§4.1 grades tied customers alike), so it would be B itself. Reaching it makes the customer
        /// tie with the smallest B and so be graded B or better, other customers unchanged.
        public var gapToB: Fen?
    }

    /// The C customers with ttm > 0, by ttm descending, ties by customer_id; at most `topN`.
    public let entries: [Entry]
    /// C类客户数: every C customer (not only the listed ones).
    public let count: Int
    /// The C customers' share of the graded ttm total T; nil when nobody is graded.
    public let ttmShare: Double?
    /// Customers that moved from C to B this period (上期等级 C, 等级 B).
    public let movedToB: Int

    /// `rows`: 客户排名's rows (every graded customer is among them: a ttm > 0 needs a non-zero line
    /// in the 24-month window). `MoneyOverflow` when the graded ttm total does not fit.
    public init(rows: [SalesReportRow], topN: Int, period: Period) throws(MoneyOverflow) {
        let classC = rows.filter { $0.grade == .c && $0.ttm > 0 }
        let smallestB = rows.filter { $0.grade == .b }.map(\.ttm).min()
        let ordered = classC.sorted { x, y in x.ttm != y.ttm ? x.ttm > y.ttm : CustomerIDOrder.precedes(x.customerID, y.customerID) }
        var entries: [Entry] = []
        for row in ordered.prefix(max(topN, 0)) {
            let gap = try smallestB.map { (b: Fen) throws(MoneyOverflow) -> Fen in
                try b.subtracting(row.ttm, or: MoneyOverflow(figure: "距B级差额", customer: row.customerID, period: period.description))
            }
            entries.append(Entry(row: row, gapToB: gap))
        }
        self.entries = entries
        count = classC.count
        let graded = rows.filter { $0.grade != nil }
        let total = try graded.sumOfMoney("近12月销售额合计 (已分级客户)", period: period.description) { $0.ttm }
        let cTotal = try classC.sumOfMoney("近12月销售额合计 (C类客户)", period: period.description) { $0.ttm }
        ttmShare = total > 0 ? Double(cTotal) / Double(total) : nil
        movedToB = rows.filter { $0.previousGrade == .c && $0.grade == .b }.count
    }
}
