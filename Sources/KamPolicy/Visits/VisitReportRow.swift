/// One customer's line of 拜访达标情况 (SPEC §4.3).
public struct VisitReportRow: Sendable, Equatable {
    public var customerID: String
    public var customerName: String
    /// A/B/C at Q.
    public var grade: CustomerGrade?
    /// 核定等级 at Q.
    public var approvedCreditGrade: CreditGrade?
    public var required: Int
    public var actual: Int
    public var compliance: VisitCompliance
    /// Visits in Q by role.
    public var visitsByRole: [VisitorRole: Int]
    /// The half-year senior visit; nil for C and ungraded customers.
    public var seniorVisit: HalfYearSeniorVisit?

    public init(customerID: String, customerName: String, grade: CustomerGrade?, approvedCreditGrade: CreditGrade?,
                required: Int, actual: Int, compliance: VisitCompliance, visitsByRole: [VisitorRole: Int],
                seniorVisit: HalfYearSeniorVisit?) {
        self.customerID = customerID
        self.customerName = customerName
        self.grade = grade
        self.approvedCreditGrade = approvedCreditGrade
        self.required = required
        self.actual = actual
        self.compliance = compliance
        self.visitsByRole = visitsByRole
        self.seniorVisit = seniorVisit
    }
}
