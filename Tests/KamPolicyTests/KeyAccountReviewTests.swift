import Testing
@testable import KamPolicy

/// 大客户年度评价 for 2026, key accounts by ttm ≥ 1000 fen (the profit share rule switched off).
@Suite struct KeyAccountReviewTests {
    typealias F = ConsolidationFixture

    static var settings: PolicySettings {
        var s = PolicySettings()
        s.keyAccount.minTTMSales = 1000
        s.keyAccount.minProfitShare = 2.0
        s.keyAccount.levels = [KeyAccountLevel(name: "公司级", minTTMSales: 1500)]
        return s
    }

    /// 2026 and 2025 sales (fen); K1 also has cost 600 in 2026.
    static let history: SalesHistory = {
        var h = F.history([
            "K1": [(F.ym(2026, 3), 1100), (F.ym(2025, 3), 1000)],   // +10%
            "K2": [(F.ym(2026, 6), 1100), (F.ym(2025, 6), 1000)],   // +10%, grade 3
            "K3": [(F.ym(2026, 1), 1400), (F.ym(2025, 1), 2000)],   // −30%, grade 3
            "K4": [(F.ym(2026, 12), 1500), (F.ym(2025, 12), 2000)], // −25%, grade 3
            "K5": [(F.ym(2026, 2), 1200)],                          // no 2025: growth blank
            "K6": [(F.ym(2026, 7), 2000), (F.ym(2025, 7), 1000)],   // +100%, no grade
            "K7": [(F.ym(2026, 7), 900), (F.ym(2025, 7), 100)],     // below the threshold
            "K8": [(F.ym(2025, 5), 5000)],                          // nothing in 2026
            "K9": [(F.ym(2026, 9), 1099), (F.ym(2025, 9), 1000)],   // +9.9%
        ])
        h.customers["K1"]?[F.ym(2026, 3)]?.cost = 600
        return h
    }()

    static let grades = ["K1": 2, "K2": 3, "K3": 3, "K4": 3, "K5": 1, "K9": 1]

    let review: KeyAccountReview

    init() throws { review = try Self.makeReview() }

    static func makeReview() throws -> KeyAccountReview { try KeyAccountReview(year: 2026, subsidiaries: [
        KeyAccountReviewInput(subsidiary: F.hg01, lineName: "化工", history: history, approvedCreditGrades: grades,
                              visitCompliance: ["K1": YearVisitCompliance(quarters: [true, true, false, true])]),
    ], settings: settings) }

    @Test func everyKeyAccountAtYearEndBySales() {
        #expect(review.rows.map(\.customerID) == ["K6", "K4", "K3", "K5", "K1", "K2", "K9"])
        #expect(review.rows.map(\.sales) == [2000, 1500, 1400, 1200, 1100, 1100, 1099])
        #expect(review.rows.map(\.previousYearSales) == [1000, 2000, 2000, 0, 1000, 1000, 1000])
        #expect(review.rows.map(\.keyAccountLevel) == ["公司级", "公司级", nil, nil, nil, nil, nil])
    }

    @Test func theKeyAccountsAreThoseOfTheDecemberSalesReport() throws {
        let december = try SalesReport(period: .month(F.ym(2026, 12)), history: Self.history, settings: Self.settings)
        #expect(Set(december.rows.filter(\.isKeyAccount).map(\.customerID)) == Set(review.rows.map(\.customerID)))
    }

    @Test func growthProfitGradeAndRecommendation() throws {
        func row(_ id: String) throws -> KeyAccountReviewRow { try #require(review.rows.first { $0.customerID == id }) }
        #expect(try row("K1").growth == GrowthRate.of(1100, over: 1000))
        #expect(try row("K5").growth == nil)
        #expect(try row("K1").profit == 500)
        #expect(try row("K6").profit == 2000)
        #expect(try row("K6").creditGrade == nil)
        #expect(review.rows.map(\.recommendation) == [.maintain, .maintain, .end, .maintain, .strengthen, .maintain, .maintain])
        #expect(review.count(of: .strengthen) == 1)
        #expect(review.count(of: .end) == 1)
        #expect(review.count(of: .maintain) == 5)
    }

    @Test func visitComplianceCountsQuarters() throws {
        let k1 = try #require(review.rows.first { $0.customerID == "K1" })
        #expect(k1.visitCompliance?.quartersRequired == 4)
        #expect(k1.visitCompliance?.quartersCompliant == 3)
        #expect(k1.visitCompliance?.share == 0.75)
        #expect(YearVisitCompliance(quartersRequired: 0, quartersCompliant: 0).share == nil)
        #expect(review.rows.first { $0.customerID == "K2" }?.visitCompliance == nil)
    }

    @Test func totals() throws {
        #expect(try review.totalSales == 9399)
        #expect(try review.totalPreviousYearSales == 8000)
    }
}
