/// 无档案 (SPEC §4.4): a customer with a non-zero sales line in Q but no record in Q's customer
/// snapshot: someone is selling to a customer the company has no file on.
public struct CustomerWithoutFile: Sendable, Equatable {
    public var customerID: String
    /// The name on its latest sales line in the 24 months ending with Q.
    public var customerName: String
    /// sales(c,Q).
    public var sales: Fen

    public init(customerID: String, customerName: String, sales: Fen) {
        self.customerID = customerID
        self.customerName = customerName
        self.sales = sales
    }
}
