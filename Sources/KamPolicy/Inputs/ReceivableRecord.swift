/// One customer's line of a `receivables` snapshot (SPEC §3): the balances at the end of the
/// file's quarter and what was collected during it. The credit rules read these as values.
public struct ReceivableRecord: Sendable, Equatable, Hashable {
    public var customerID: String
    /// 应收余额 at the quarter's end.
    public var receivable: Fen
    /// 逾期金额 at the quarter's end.
    public var overdue: Fen
    /// 本期回款: collected during the quarter.
    public var collected: Fen
    /// 付款方式, trimmed; empty when the column is absent or the cell is empty.
    public var paymentTerms: String

    public init(customerID: String, receivable: Fen, overdue: Fen, collected: Fen, paymentTerms: String = "") {
        self.customerID = customerID
        self.receivable = receivable
        self.overdue = overdue
        self.collected = collected
        self.paymentTerms = paymentTerms
    }
}
