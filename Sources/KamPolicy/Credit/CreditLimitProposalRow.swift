/// One customer's line of 资信额度申请表: the proposed limit and every factor behind it, so the
/// general manager approving it can see why.
public struct CreditLimitProposalRow: Sendable, Equatable {
    public var customerID: String
    public var customerName: String
    /// 近12月销售额 at the basis month B.
    public var ttm: Fen
    /// The latest approved grade available at B (2 when none).
    public var grade: CreditGrade
    /// 付款方式 from the latest snapshot ≤ B listing the customer; "" when none.
    public var paymentTerms: String
    /// `credit.cover_months[grade]` in hundredths.
    public var coverHundredths: Int64
    /// `credit.terms_factor[terms]` in hundredths (100 for unknown terms).
    public var factorHundredths: Int64
    /// 建议额度.
    public var limit: Fen
    /// 现行额度: Q'−1's 执行额度 (approved, else proposed), as Q'−1's credit report shows it, so the
    /// general manager approves a change, not a bare number; nil when Q'−1 was not computed.
    public var currentLimit: EffectiveLimit?
    /// 增减 = 建议额度 − 现行额度; nil with `currentLimit`.
    public var change: Fen?

    public init(customerID: String, customerName: String, ttm: Fen, grade: CreditGrade, paymentTerms: String,
                coverHundredths: Int64, factorHundredths: Int64, limit: Fen, currentLimit: EffectiveLimit? = nil,
                change: Fen? = nil) {
        self.currentLimit = currentLimit
        self.change = change
        self.customerID = customerID
        self.customerName = customerName
        self.ttm = ttm
        self.grade = grade
        self.paymentTerms = paymentTerms
        self.coverHundredths = coverHundredths
        self.factorHundredths = factorHundredths
        self.limit = limit
    }
}
