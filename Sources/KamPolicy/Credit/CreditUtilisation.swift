/// 额度使用率 (SPEC §4.2): receivable at the end of Q over the effective limit.
public enum CreditUtilisation {
    /// nil (blank) when there is no limit (≤ 0) or no receivable figure (missing file). A
    /// negative receivable gives a negative utilisation, as the figures say (SPEC §8).
    public static func of(receivable: Fen?, limit: Fen) -> Double? {
        guard let receivable, limit > 0 else { return nil }
        return Double(receivable) / Double(limit)
    }
}
