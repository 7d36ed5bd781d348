/// 建议额度 (SPEC §4.2, §8 Credit): ttm / 12 × cover months × terms factor, rounded up once to a
/// multiple of `round_to`. Computed exactly on integers: cover and factor are hundredths, so the
/// limit in fen is ttm × cover × factor / (12 × 100 × 100), and only the final ceiling rounds.
public enum ProposedLimit {
    public static func of(ttm: Fen, coverHundredths: Int64, factorHundredths: Int64, roundTo: Fen) -> Fen {
        guard ttm > 0, coverHundredths > 0, factorHundredths > 0 else { return 0 }
        let step = max(roundTo, 1)
        // ttm × cover fits easily in Int64; the second product may not, so it is taken full width.
        let (scaled, overflow) = ttm.multipliedReportingOverflow(by: coverHundredths)
        guard !overflow else { return Fen.max }
        let wide = scaled.multipliedFullWidth(by: factorHundredths)
        let (divisor, divisorOverflow) = Fen(12 * 100 * 100).multipliedReportingOverflow(by: step)
        guard !divisorOverflow, wide.high < divisor / 2 else { return Fen.max }
        let (steps, remainder) = divisor.dividingFullWidth(wide)
        let (limit, limitOverflow) = (steps + (remainder > 0 ? 1 : 0)).multipliedReportingOverflow(by: step)
        return limitOverflow ? Fen.max : limit
    }
}
