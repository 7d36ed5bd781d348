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
        // ttm × cover × factor is taken 128 bits wide (all three are positive): ttm × cover alone
        // passes Int64 from ttm ≈ 9.2e16 fen with cover 1.00, while the limit, a twelfth of it,
        // still fits. Only a product beyond 128 bits, or a quotient beyond Int64, cannot be a limit.
        let (carry, low) = UInt64(ttm).multipliedFullWidth(by: UInt64(coverHundredths))
        let (lowCarry, productLow) = low.multipliedFullWidth(by: UInt64(factorHundredths))
        let (highPart, highOverflow) = carry.multipliedReportingOverflow(by: UInt64(factorHundredths))
        let (productHigh, carryOverflow) = highPart.addingReportingOverflow(lowCarry)
        guard !highOverflow, !carryOverflow else { throw overflow() }
        let divisor = UInt64(try Fen(12 * 100 * 100).multiplied(by: step, or: overflow()))
        // The quotient fits Int64 only when the high word is below half the divisor.
        guard productHigh < divisor / 2 else { throw overflow() }
        let (steps, remainder) = divisor.dividingFullWidth((high: productHigh, low: productLow))
        guard let whole = Fen(exactly: steps) else { throw overflow() }
        return try whole.adding(remainder > 0 ? 1 : 0, or: overflow()).multiplied(by: step, or: overflow())
    }
}
