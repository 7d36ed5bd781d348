/// One customer's credit figures for quarter Q (SPEC §4.2): the balances of Q's receivables
/// snapshot, the opening balance from prev(Q)'s, Q's sales, the two ratios and the assessed grade.
public struct CreditFigures: Sendable, Equatable {
    public var customerID: String
    /// 期初应收: prev(Q)'s receivable; 0 when that snapshot or the customer is absent.
    public var opening: Fen
    /// 本期销售额: sales(c,Q).
    public var sales: Fen
    /// 本期回款; nil when Q's receivables file is missing (the input is missing, not zero).
    public var collected: Fen?
    /// 应收余额; nil when Q's file is missing, 0 when the customer is absent from it.
    public var receivable: Fen?
    /// 逾期金额; nil when Q's file is missing.
    public var overdue: Fen?
    public var collectionRate: Double?
    public var overdueRatio: Double?
    /// 评估等级: nil when Q's file is missing or the customer's three figures are all zero.
    public var assessedGrade: CreditGrade?

    public init(customerID: String, opening: Fen, sales: Fen, collected: Fen?, receivable: Fen?, overdue: Fen?,
                collectionRate: Double?, overdueRatio: Double?, assessedGrade: CreditGrade?) {
        self.customerID = customerID
        self.opening = opening
        self.sales = sales
        self.collected = collected
        self.receivable = receivable
        self.overdue = overdue
        self.collectionRate = collectionRate
        self.overdueRatio = overdueRatio
        self.assessedGrade = assessedGrade
    }

    /// Builds the figures from Q's snapshot (nil = no accepted file for Q) and prev(Q)'s;
    /// `MoneyOverflow` (naming the customer) when the collection rate's divisor does not fit.
    public static func of(customer id: String, quarterSnapshot: [String: ReceivableRecord]?,
                          openingSnapshot: [String: ReceivableRecord]?, sales: Fen,
                          settings: CreditSettings) throws(MoneyOverflow) -> CreditFigures {
        let opening = openingSnapshot?[id]?.receivable ?? 0
        guard let snapshot = quarterSnapshot else {
            return CreditFigures(customerID: id, opening: opening, sales: sales, collected: nil, receivable: nil, overdue: nil,
                                 collectionRate: nil, overdueRatio: nil, assessedGrade: nil)
        }
        let record = snapshot[id]
        let receivable = record?.receivable ?? 0
        let overdue = record?.overdue ?? 0
        let collected = record?.collected ?? 0
        let rate: Double?
        do {
            rate = try CollectionRate.of(collected: collected, opening: opening, sales: sales)
        } catch {
            throw error.with(customer: id)
        }
        let ratio = OverdueRatio.of(overdue: overdue, receivable: receivable)
        return CreditFigures(customerID: id, opening: opening, sales: sales, collected: collected, receivable: receivable,
                             overdue: overdue, collectionRate: rate, overdueRatio: ratio,
                             assessedGrade: AssessedCreditGrade.of(receivable: receivable, opening: opening, sales: sales,
                                                                   overdueRatio: ratio, collectionRate: rate, settings: settings))
    }
}
