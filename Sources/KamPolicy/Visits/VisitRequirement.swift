/// Required visits in Q (SPEC §4.3): by the customer's A/B/C grade at Q, plus
/// `visits.extra_for_credit_grade_3` when its approved credit grade is 3 — a risky customer is
/// watched more closely.
public enum VisitRequirement {
    /// An ungraded customer (ttm ≤ 0) has no grade requirement; the credit extra still applies.
    public static func required(grade: CustomerGrade?, approvedCreditGrade: CreditGrade?, settings: VisitSettings) -> Int {
        let base = grade.flatMap { settings.required[$0] } ?? 0
        // Both come from the config file: a count beyond Int's range is already more visits than
        // anyone makes, so the sum saturates rather than trapping.
        let (sum, overflow) = base.addingReportingOverflow(approvedCreditGrade == .three ? settings.extraForCreditGrade3 : 0)
        return overflow ? (base > 0 ? Int.max : Int.min) : sum
    }
}
