/// One row of 客户排名 (SPEC §5), in the order of its columns. Blank cells are nil.
public struct SalesReportRow: Sendable, Equatable {
    public var rank: Int?
    public var customerID: String
    public var customerName: String
    public var sales: Fen
    public var previousSales: Fen
    public var pop: Double?
    public var lastYearSales: Fen
    public var yoy: Double?
    public var profit: Fen?
    public var margin: Double?
    public var ttm: Fen
    public var grade: CustomerGrade?
    public var previousGrade: CustomerGrade?
    public var gradeChange: GradeChange?
    public var isKeyAccount: Bool
    public var keyAccountLevel: String?
}
