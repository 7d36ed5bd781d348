/// One customer's visits in quarter Q against what its grade requires (SPEC §4.3), as the
/// subsidiary's 客户拜访记录及分析 states it.
public struct CustomerVisitCompliance: Sendable, Equatable {
    public var customerID: String
    public var customerName: String
    /// The customer's grade at Q (the sales grade that sets the required visits).
    public var grade: CustomerGrade
    public var required: Int
    public var actual: Int
    /// 达标 (true) / 未达标 (false), as the visit report decided it (it may add role rules).
    public var isCompliant: Bool

    public init(customerID: String, customerName: String, grade: CustomerGrade, required: Int, actual: Int, isCompliant: Bool) {
        self.customerID = customerID
        self.customerName = customerName
        self.grade = grade
        self.required = required
        self.actual = actual
        self.isCompliant = isCompliant
    }
}
