/// Who made a visit (`visits.role`, SPEC §8): exactly one of these three, or the row is invalid.
public enum VisitorRole: String, Sendable, CaseIterable, Hashable {
    case representative = "销售代表"
    case manager = "销售主管"
    case leader = "公司领导"
}

/// One visit of a `visits` file (SPEC §3).
public struct VisitRecord: Sendable, Equatable, Hashable {
    public var date: LocalDate
    public var customerID: String
    public var visitor: String
    public var role: VisitorRole
    /// 拜访目的, trimmed; a purpose outside the policy's five is kept as written.
    public var purpose: String
    public var notes: String

    /// The policy's five purposes, in the order reports list them.
    public static let purposes = ["产品销售", "市场维护", "客情建设", "信息收集", "客户指导"]

    public init(date: LocalDate, customerID: String, visitor: String, role: VisitorRole, purpose: String = "", notes: String = "") {
        self.date = date
        self.customerID = customerID
        self.visitor = visitor
        self.role = role
        self.purpose = purpose
        self.notes = notes
    }
}
