/// Required visits in Q (SPEC §4.3): by the customer's A/B/C grade at Q, plus
/// `visits.extra_for_credit_grade_3` when its approved credit grade is 3 — a risky customer is
/// watched more closely.
public enum VisitRequirement {
    /// An ungraded customer (ttm ≤ 0) has no grade requirement; the credit extra still applies.
    public static func required(grade: CustomerGrade?, approvedCreditGrade: CreditGrade?, settings: VisitSettings) -> Int {
        let base = grade.flatMap { settings.required[$0] } ?? 0
        return base + (approvedCreditGrade == .three ? settings.extraForCreditGrade3 : 0)
    }
}
