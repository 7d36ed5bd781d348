/// The half-year senior-visit rule (SPEC §4.3): over each half year every A customer needs a
/// 公司领导 visit and every B customer a 销售主管 or 公司领导 visit. Judged in the Q2/Q4 reports
/// over both quarters of the half; in Q1/Q3 it is progress so far.
public enum HalfYearSeniorVisit: String, Sendable {
    /// Q2/Q4: the half year had the visit.
    case met = "达标"
    /// Q2/Q4: the half year ended without it.
    case missed = "未达标"
    /// Q1/Q3: already visited this half year.
    case done = "已完成"
    /// Q1/Q3: not yet; the half year still has a quarter to go.
    case pending = "待完成"

    /// The roles that satisfy the rule for a grade; nil for C and ungraded customers (no rule).
    public static func qualifyingRoles(for grade: CustomerGrade?) -> Set<VisitorRole>? {
        switch grade {
        case .a: [.leader]
        case .b: [.manager, .leader]
        case .c, nil: nil
        }
    }

    /// `roles` are the roles of the customer's visits in the half year so far (Q1+Q2 or Q3+Q4
    /// when judged at Q2/Q4, Q's own visits at Q1/Q3).
    public static func of(grade: CustomerGrade?, roles: Set<VisitorRole>, isHalfYearEnd: Bool) -> HalfYearSeniorVisit? {
        guard let needed = qualifyingRoles(for: grade) else { return nil }
        let visited = !needed.isDisjoint(with: roles)
        return isHalfYearEnd ? (visited ? .met : .missed) : (visited ? .done : .pending)
    }
}
