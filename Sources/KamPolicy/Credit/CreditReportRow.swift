/// One line of 资信评估 (SPEC §5, §8 Credit), in the sheet's column order.
public struct CreditReportRow: Sendable, Equatable {
    public var customerID: String
    public var customerName: String
    /// 期初应收, 本期销售额, 本期回款, 回款率, 应收余额, 逾期金额, 逾期率, 评估等级.
    public var figures: CreditFigures
    /// 核定等级.
    public var approvedGrade: CreditGrade?
    /// 执行额度 and its source.
    public var limit: EffectiveLimit
    /// 额度使用率.
    public var utilisation: Double?
    public var status: CreditStatus
    /// 客户经理 as of Q (SPEC §4.6), shown in 超限预警 so a warning reaches the person who can act.
    public var accountManager: String

    public init(customerID: String, customerName: String, figures: CreditFigures, approvedGrade: CreditGrade?,
                limit: EffectiveLimit, utilisation: Double?, status: CreditStatus, accountManager: String = AccountManager.unassigned) {
        self.accountManager = accountManager
        self.customerID = customerID
        self.customerName = customerName
        self.figures = figures
        self.approvedGrade = approvedGrade
        self.limit = limit
        self.utilisation = utilisation
        self.status = status
    }

    /// 超限金额: how far the receivable is over the effective limit; nil unless 超限. A
    /// difference of two amounts that each fit a line's limit cannot overflow.
    public var excess: Fen? {
        guard status == .over, let receivable = figures.receivable else { return nil }
        let (d, overflow) = receivable.subtractingReportingOverflow(limit.amount)
        return overflow ? nil : d
    }
}
