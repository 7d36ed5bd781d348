import Testing
@testable import KamPolicy

@Suite struct ReviewRecommendationTests {
    static let settings = ReviewSettings()

    @Test(arguments: [
        // growth exactly +10% as computed from exact sums (110/100 − 1), grade 2: strengthen.
        (GrowthRate.of(110, over: 100), 2, ReviewRecommendation.strengthen),
        (0.10, 1, .strengthen),
        (0.10, 3, .maintain),                      // grade 3 never strengthens
        (0.0999, 1, .maintain),
        (GrowthRate.of(70, over: 100), 3, .end),   // exactly −30%
        (-0.30, 3, .end),
        (-0.2999, 3, .maintain),
        (-0.5, 2, .maintain),                      // shrinking, but credit is fine
        (nil, 1, .maintain),                       // blank growth
        (nil, 3, .maintain),
        (0.5, nil, .maintain),                     // blank approved grade
        (-0.5, nil, .maintain),
    ] as [(Double?, Int?, ReviewRecommendation)])
    func recommendation(growth: Double?, grade: Int?, expected: ReviewRecommendation) {
        #expect(ReviewRecommendation.of(growth: growth, creditGrade: grade, settings: Self.settings) == expected)
    }

    @Test func thresholdsComeFromSettings() {
        var s = ReviewSettings()
        s.strengthenGrowth = 0.5
        s.endGrowth = -0.1
        #expect(ReviewRecommendation.of(growth: 0.2, creditGrade: 1, settings: s) == .maintain)
        #expect(ReviewRecommendation.of(growth: -0.1, creditGrade: 3, settings: s) == .end)
    }
}
