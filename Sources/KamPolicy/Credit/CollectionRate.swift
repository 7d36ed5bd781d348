/// 回款率 (SPEC §4.2): what was collected in Q over what could have been collected, the
/// opening receivable plus Q's sales. Computed in floating point from the exact fen sums.
public enum CollectionRate {
    /// nil (blank) when the divisor is ≤ 0: nothing was owed, so no rate can be judged.
    /// `MoneyOverflow` when opening + sales does not fit `Fen` (the caller names the customer).
    public static func of(collected: Fen, opening: Fen, sales: Fen) throws(MoneyOverflow) -> Double? {
        let due = try opening.adding(sales, or: MoneyOverflow(figure: "期初应收 + 本期销售额 (回款率的分母)"))
        guard due > 0 else { return nil }
        return Double(collected) / Double(due)
    }
}
