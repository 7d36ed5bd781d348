/// A customer in a line-level list (重点客户排名, 潜力客户). A customer is a subsidiary plus a
/// customer_id (SPEC §4): the same id at two subsidiaries is two customers.
public struct LineCustomer: Sendable, Equatable {
    /// Competition rank across the line (重点客户排名); nil in lists that are not ranked.
    public var rank: Int?
    public var subsidiaryCode: String
    public var subsidiaryName: String
    /// The customer's row in its subsidiary's 客户销售报表, unchanged.
    public var row: SalesReportRow

    public init(rank: Int?, subsidiaryCode: String, subsidiaryName: String, row: SalesReportRow) {
        self.rank = rank
        self.subsidiaryCode = subsidiaryCode
        self.subsidiaryName = subsidiaryName
        self.row = row
    }
}
