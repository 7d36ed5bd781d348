/// A report from figures computed earlier (the scheduler's report cache keeps them, so a
/// consolidation does not recompute every subsidiary): the parts are taken as they are.
extension SalesReport {
    public init(period: Period, rows: [SalesReportRow], potentialCustomers: [SalesReportRow], hasDataInPeriod: Bool,
                isProfitKnown: Bool, gaps: SalesGaps = .none) {
        self.gaps = gaps
        self.period = period
        self.rows = rows
        self.potentialCustomers = potentialCustomers
        self.hasDataInPeriod = hasDataInPeriod
        self.isProfitKnown = isProfitKnown
    }
}

extension SalesReportRow {
    /// A row as computed earlier (its memberwise initialiser is internal to the policy).
    public static func restored(rank: Int?, customerID: String, customerName: String, sales: Fen, previousSales: Fen, pop: Double?,
                                lastYearSales: Fen, yoy: Double?, profit: Fen?, margin: Double?, ttm: Fen, grade: CustomerGrade?,
                                previousGrade: CustomerGrade?, gradeChange: GradeChange?, isKeyAccount: Bool,
                                keyAccountLevel: String?) -> SalesReportRow {
        SalesReportRow(rank: rank, customerID: customerID, customerName: customerName, sales: sales, previousSales: previousSales,
                       pop: pop, lastYearSales: lastYearSales, yoy: yoy, profit: profit, margin: margin, ttm: ttm, grade: grade,
                       previousGrade: previousGrade, gradeChange: gradeChange, isKeyAccount: isKeyAccount,
                       keyAccountLevel: keyAccountLevel)
    }
}
