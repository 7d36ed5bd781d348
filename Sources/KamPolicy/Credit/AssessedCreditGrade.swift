/// 评估等级 for Q (SPEC §4.2, §8 Credit): the grade thresholds, except for a customer with
/// nothing to judge.
public enum AssessedCreditGrade {
    /// Blank when the receivable, the opening balance and Q's sales are all zero by value: a
    /// customer with no business in Q has earned no grade, good or bad.
    public static func of(receivable: Fen, opening: Fen, sales: Fen, overdueRatio: Double, collectionRate: Double?,
                          settings: CreditSettings) -> CreditGrade? {
        if receivable == 0 && opening == 0 && sales == 0 { return nil }
        return CreditGrade.assessed(overdueRatio: overdueRatio, collectionRate: collectionRate, settings: settings)
    }
}
