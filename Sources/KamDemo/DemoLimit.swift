import SeededRandom

/// Credit limits as the policy sizes them (SPEC §4.2: a month's average ttm sales × the grade's
/// cover months × the payment terms' factor, rounded up to 10,000 yuan), so the demo's approvals
/// are the amounts a general manager would sign and its balances can be kept within them.
enum DemoLimit {
    static let step: Int64 = 10_000 * 100

    static func proposed(ttm: Int64, coverHundredths: Int64, factorHundredths: Int64) -> Int64 {
        guard ttm > 0 else { return 0 }
        let raw = ttm * coverHundredths * factorHundredths / (12 * 100 * 100)
        return (raw + step - 1) / step * step
    }

    /// Usually the proposal as it stands; now and then cut by a fifth or raised by one.
    static func approved(proposed: Int64, random r: inout SplitMix64) -> Int64 {
        let u = r.unit()
        if u < 0.80 { return proposed }
        if u < 0.92 { return max(proposed * 8 / 10 / step * step, step) }
        return (proposed * 12 / 10 + step - 1) / step * step
    }
}
