import SeededRandom

/// One customer's line of a receivables snapshot, rolled forward from the last one:
/// opening + sales − collected = closing, on every row, as a finance reader checks it.
struct DemoBalance {
    let receivable: Int64
    let overdue: Int64
    let collected: Int64

    /// - Parameters:
    ///   - opening: the closing balance of the quarter before (0 when none).
    ///   - sales: the customer's net sales in the quarter, as kam sums them.
    ///   - limit: the limit the customer will be measured against, in fen (0 when none), so a
    ///     slow payer stays mostly within it and a troubled one goes past it.
    static func close(opening: Int64, sales: Int64, limit: Int64, payer: DemoPayer,
                      random: inout SplitMix64) -> DemoBalance {
        let owed = opening + sales
        // A credit balance (returns beyond what was owed) or nothing owed: nothing to collect.
        guard owed > 0 else { return DemoBalance(receivable: owed, overdue: 0, collected: 0) }
        // Without a limit (a customer too new to have a ttm at the basis month) a customer buys
        // for cash; only one in trouble still owes: 无额度.
        guard limit > 0 || payer == .troubled else { return DemoBalance(receivable: 0, overdue: 0, collected: owed) }
        let monthly = max(sales / 3, 0)
        func share(_ low: Double, _ high: Double) -> Double { low + (high - low) * random.unit() }
        var closing: Int64
        switch payer {
        case .prompt:
            // A few days to a week and a half of sales outstanding: collection rate ≥ 90%.
            closing = Int64(Double(monthly) * share(0.05, 0.30))
        case .slow:
            // Up to the limit (one in ten near it: 预警), never so much that under 60% is collected.
            let basis = limit > 0 ? limit : monthly
            closing = Int64(Double(basis) * (random.chance(0.1) ? share(0.90, 0.99) : share(0.35, 0.85)))
            closing = min(closing, owed * 35 / 100)
        case .troubled:
            let basis = limit > 0 ? limit : monthly
            closing = Int64(Double(basis) * share(1.2, 2.2))
        }
        closing = min(max(closing, 0), owed)
        let overdue = closing * payer.overdueShare(&random) / 10_000
        return DemoBalance(receivable: closing, overdue: overdue, collected: owed - closing)
    }
}
