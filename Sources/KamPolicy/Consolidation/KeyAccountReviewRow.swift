/// One key account in 大客户年度评价.
public struct KeyAccountReviewRow: Sendable, Equatable {
    public var subsidiaryCode: String
    public var subsidiaryName: String
    public var lineName: String
    public var customerID: String
    public var customerName: String
    /// 大客户级别 at the end of Y; nil when below every level.
    public var keyAccountLevel: String?
    /// Sales of Y (= ttm at December Y) and of Y−1.
    public var sales: Fen
    public var previousYearSales: Fen
    /// sales / previousYearSales − 1; nil when Y−1 ≤ 0.
    public var growth: Double?
    /// Profit of Y; nil when cost is not known for Y.
    public var profit: Fen?
    /// 核定等级 at Q4 of Y.
    public var creditGrade: Int?
    public var visitCompliance: YearVisitCompliance?
    /// Nil when an input of Y is missing for the subsidiary (`remark` says which).
    public var recommendation: ReviewRecommendation?
    /// 备注: which inputs are missing, or nil.
    public var remark: String? = nil

    public init(subsidiaryCode: String, subsidiaryName: String, lineName: String, customerID: String, customerName: String,
                keyAccountLevel: String?, sales: Fen, previousYearSales: Fen, growth: Double?, profit: Fen?,
                creditGrade: Int?, visitCompliance: YearVisitCompliance?, recommendation: ReviewRecommendation?) {
        self.subsidiaryCode = subsidiaryCode
        self.subsidiaryName = subsidiaryName
        self.lineName = lineName
        self.customerID = customerID
        self.customerName = customerName
        self.keyAccountLevel = keyAccountLevel
        self.sales = sales
        self.previousYearSales = previousYearSales
        self.growth = growth
        self.profit = profit
        self.creditGrade = creditGrade
        self.visitCompliance = visitCompliance
        self.recommendation = recommendation
    }
}
