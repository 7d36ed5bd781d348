/// Who is a key account (大客户) and at which level (SPEC §4.1): large by ttm sales, or
/// important by its share of the subsidiary's ttm profit where profit is known.
public enum KeyAccountRule {
    /// - Parameters:
    ///   - ttm: the customer's ttm sales.
    ///   - ttmProfit: the customer's ttm profit, nil when cost is not known.
    ///   - subsidiaryTTMProfit: the subsidiary's ttm profit over all customers, nil when unknown.
    public static func isKeyAccount(ttm: Fen, ttmProfit: Fen?, subsidiaryTTMProfit: Fen?,
                                    settings: KeyAccountSettings) -> Bool {
        if ttm >= settings.minTTMSales { return true }
        guard let profit = ttmProfit, let total = subsidiaryTTMProfit, total > 0 else { return false }
        return Double(profit) / Double(total) >= settings.minProfitShare
    }

    /// The highest level whose threshold the ttm reaches, or nil. Independent of `isKeyAccount`.
    public static func level(ttm: Fen, settings: KeyAccountSettings) -> String? {
        settings.levels
            .filter { $0.minTTMSales <= ttm }
            .max { $0.minTTMSales < $1.minTTMSales }?
            .name
    }
}
