/// 回款率 (SPEC §4.2): what was collected in Q over what could have been collected, the
/// opening receivable plus Q's sales. Computed in floating point from the exact fen sums.
public enum CollectionRate {
    /// nil (blank) when the divisor is ≤ 0: nothing was owed, so no rate can be judged.
    public static func of(collected: Fen, opening: Fen, sales: Fen) -> Double? {
        let due = opening + sales
        guard due > 0 else { return nil }
        return Double(collected) / Double(due)
    }
}
