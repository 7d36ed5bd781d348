/// 环比 and 同比: growth over a base period, blank when the base is zero or negative
/// (a ratio over a non-positive base means nothing to a reader).
public enum GrowthRate {
    /// current / base − 1, or nil when base ≤ 0.
    public static func of(_ current: Fen, over base: Fen) -> Double? {
        guard base > 0 else { return nil }
        return Double(current) / Double(base) - 1
    }
}
