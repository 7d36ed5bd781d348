/// Who one record of a `customers` snapshot says the customer is: its customer_id, 客户名称 and
/// 统一社会信用代码 — all that 跨公司客户 (`SharedCustomers`) reads of the group's files. A reader
/// that needs only these reads three columns of the store's ten and builds no field dictionary
/// (hq-quarterly reading every subsidiary's latest file, on the late-file run's critical path).
public struct CustomerFileIdentity: Sendable, Equatable, Hashable {
    public var customerID: String
    /// `customer_name` as stored ("" when blank).
    public var customerName: String
    /// `credit_code` as stored ("" when blank).
    public var creditCode: String

    public init(customerID: String, customerName: String, creditCode: String) {
        self.customerID = customerID
        self.customerName = customerName
        self.creditCode = creditCode
    }

    /// The same fields of a whole record.
    public init(_ record: CustomerFileRecord) {
        self.init(customerID: record.customerID, customerName: record.customerName, creditCode: record.creditCode)
    }
}
