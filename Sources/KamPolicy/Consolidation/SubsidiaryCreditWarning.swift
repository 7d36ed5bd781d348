/// One over-limit or warning customer of a subsidiary's 客户资信报表 for a quarter, as the line
/// summary needs it. A plain value so the consolidation does not depend on how the credit rules
/// are computed: whoever wires the job fills it from the subsidiary's credit figures.
public struct SubsidiaryCreditWarning: Sendable, Equatable {
    /// The subsidiary's code (`HG01`).
    public var subsidiaryCode: String
    public var customerID: String
    public var customerName: String
    /// 应收余额 at the end of the quarter.
    public var receivable: Fen
    /// 执行额度: the approved limit, else the proposed one.
    public var effectiveLimit: Fen
    /// 额度来源: true when the limit comes from an approvals file (核定), false when only proposed (未批复).
    public var isLimitApproved: Bool
    /// 额度使用率 = receivable / effective limit; nil when the limit is 0.
    public var utilisation: Double?
    public var level: CreditWarningLevel

    public init(subsidiaryCode: String, customerID: String, customerName: String, receivable: Fen, effectiveLimit: Fen,
                isLimitApproved: Bool, utilisation: Double?, level: CreditWarningLevel) {
        self.subsidiaryCode = subsidiaryCode
        self.customerID = customerID
        self.customerName = customerName
        self.receivable = receivable
        self.effectiveLimit = effectiveLimit
        self.isLimitApproved = isLimitApproved
        self.utilisation = utilisation
        self.level = level
    }
}
