/// 逾期率 (SPEC §4.2): the overdue share of the receivable at the end of Q.
public enum OverdueRatio {
    /// 0 when the receivable is ≤ 0: a customer who owes nothing (or is in credit) has nothing overdue
    /// that could make a ratio.
    public static func of(overdue: Fen, receivable: Fen) -> Double {
        guard receivable > 0 else { return 0 }
        return Double(overdue) / Double(receivable)
    }
}
