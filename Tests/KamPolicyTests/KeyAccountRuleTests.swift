import Testing
@testable import KamPolicy

@Suite struct KeyAccountRuleTests {
    let settings = KeyAccountSettings()
    let yuan = Fen.perYuan

    @Test func bySales() {
        #expect(KeyAccountRule.isKeyAccount(ttm: 1_000_000 * yuan, ttmProfit: nil, subsidiaryTTMProfit: nil, settings: settings))
        #expect(!KeyAccountRule.isKeyAccount(ttm: 1_000_000 * yuan - 1, ttmProfit: nil, subsidiaryTTMProfit: nil, settings: settings))
    }

    @Test func byProfitShare() {
        // 10,000 of 100,000 profit = exactly 0.10 → key account despite small sales.
        #expect(KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: 10_000 * yuan,
                                            subsidiaryTTMProfit: 100_000 * yuan, settings: settings))
        #expect(!KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: 9_999 * yuan,
                                             subsidiaryTTMProfit: 100_000 * yuan, settings: settings))
    }

    @Test func profitShareNeedsKnownCostAndAPositiveTotal() {
        #expect(!KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: nil,
                                             subsidiaryTTMProfit: 100_000 * yuan, settings: settings))
        #expect(!KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: 10_000 * yuan,
                                             subsidiaryTTMProfit: nil, settings: settings))
        // A loss-making subsidiary: no share rule, even for a customer with positive profit.
        #expect(!KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: 10_000 * yuan,
                                             subsidiaryTTMProfit: -5 * yuan, settings: settings))
        #expect(!KeyAccountRule.isKeyAccount(ttm: 50_000 * yuan, ttmProfit: 10_000 * yuan,
                                             subsidiaryTTMProfit: 0, settings: settings))
    }

    @Test(arguments: [
        (Fen(250_000_000), Optional("集团级")),
        (Fen(200_000_000), Optional("集团级")),
        (Fen(199_999_999), Optional("公司级")),
        (Fen(100_000_000), Optional("公司级")),
        (Fen(99_999_999), nil),
        (Fen(0), nil),
    ])
    func level(ttmYuan: Fen, expected: String?) {
        #expect(KeyAccountRule.level(ttm: ttmYuan * yuan, settings: settings) == expected)
    }
}
