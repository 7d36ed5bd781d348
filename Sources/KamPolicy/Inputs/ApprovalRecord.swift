/// One approved credit limit of an `approvals` file (SPEC §3), for the quarter the file names.
public struct ApprovalRecord: Sendable, Equatable, Hashable {
    public var customerID: String
    /// 核定额度.
    public var approvedLimit: Fen
    /// 审批人, trimmed; may be empty.
    public var approvedBy: String

    public init(customerID: String, approvedLimit: Fen, approvedBy: String = "") {
        self.customerID = customerID
        self.approvedLimit = approvedLimit
        self.approvedBy = approvedBy
    }
}
