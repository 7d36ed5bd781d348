/// 建议额度 (SPEC §4.2, §8 Credit): ttm / 12 × cover months × terms factor, rounded up once to a
/// multiple of `round_to`. Computed exactly on integers: cover and factor are hundredths, so the
/// limit in fen is ttm × cover × factor / (12 × 100 × 100), and only the final ceiling rounds.
public enum ProposedLimit {
    /// `MoneyOverflow` when the limit does not fit `Fen` (a ttm near the range's end, a large
    /// cover or factor from config, or a `round_to` so large no multiple of it fits): a limit
    /// cannot be proposed, and showing `Fen.max` as one would read as a real figure.
    public static func of(ttm: Fen, coverHundredths: Int64, factorHundredths: Int64,
                          roundTo: Fen) throws(MoneyOverflow) -> Fen {
        guard ttm > 0, coverHundredths > 0, factorHundredths > 0 else { return 0 }
        let overflow = { MoneyOverflow(figure: "建议额度 (近12月销售额 \(ttm) 分 × 保障月数 \(coverHundredths)% × 付款系数 \(factorHundredths)% ÷ 12, 取整到 \(roundTo) 分)") }
        let step = max(roundTo, 1)
        // ttm × cover fits easily in Int64; the second product may not, so it is taken full width.
        let scaled = try ttm.multiplied(by: coverHundredths, or: overflow())
        let wide = scaled.multipliedFullWidth(by: factorHundredths)
        let divisor = try Fen(12 * 100 * 100).multiplied(by: step, or: overflow())
        // The quotient fits Int64 only when the high word is below half the divisor.
        guard wide.high < divisor / 2 else { throw overflow() }
        let (steps, remainder) = divisor.dividingFullWidth(wide)
        return try steps.adding(remainder > 0 ? 1 : 0, or: overflow()).multiplied(by: step, or: overflow())
    }
}
