/// What 大客户年度评价 takes from one subsidiary for year Y.
public struct KeyAccountReviewInput: Sendable {
    public var subsidiary: Subsidiary
    /// The business line's name (化工).
    public var lineName: String
    /// The subsidiary's effective sales history, covering at least Y−1 and Y.
    public var history: SalesHistory
    /// customer_id → approved credit grade (核定等级, 1–3) at Q4 of Y; absent when blank.
    public var approvedCreditGrades: [String: Int]
    /// customer_id → visit compliance over Y; absent when the customer had no visit data.
    public var visitCompliance: [String: YearVisitCompliance]
    /// The subsidiary's inputs of Y that never arrived (a sales month ≥ `since`, a receivables
    /// quarter), as a reader names them (`销售明细 2025-10`): its key accounts keep their figures
    /// but get no recommendation (SPEC §8 "Incomplete data").
    public var missingInputs: [String] = []

    public init(subsidiary: Subsidiary, lineName: String, history: SalesHistory,
                approvedCreditGrades: [String: Int], visitCompliance: [String: YearVisitCompliance]) {
        self.subsidiary = subsidiary
        self.lineName = lineName
        self.history = history
        self.approvedCreditGrades = approvedCreditGrades
        self.visitCompliance = visitCompliance
    }
}
