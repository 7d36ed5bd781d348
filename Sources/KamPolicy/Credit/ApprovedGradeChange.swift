/// One line of 核定等级变动 (SPEC §8 Credit): a customer whose approved grade at a half-year end
/// differs from the one approved at the half-year end before.
public struct ApprovedGradeChange: Sendable, Equatable {
    public var customerID: String
    public var customerName: String
    /// 原核定等级.
    public var previous: CreditGrade
    /// 新核定等级.
    public var current: CreditGrade

    public init(customerID: String, customerName: String, previous: CreditGrade, current: CreditGrade) {
        self.customerID = customerID
        self.customerName = customerName
        self.previous = previous
        self.current = current
    }

    /// A change is both grades present and different; a grade appearing or disappearing is not
    /// a change of grade. Ordered by customer_id in code-point order.
    public static func changes(previous: [String: CreditGrade], current: [String: CreditGrade],
                               name: (String) -> String) -> [ApprovedGradeChange] {
        current.compactMap { id, grade -> ApprovedGradeChange? in
            guard let old = previous[id], old != grade else { return nil }
            return ApprovedGradeChange(customerID: id, customerName: name(id), previous: old, current: grade)
        }
        .sorted { CustomerIDOrder.precedes($0.customerID, $1.customerID) }
    }
}
