import Testing
@testable import KamPolicy

@Suite struct GrowthRateTests {
    @Test(arguments: [
        (Fen(120), Fen(100), Optional(0.2)),
        (Fen(50), Fen(100), Optional(-0.5)),
        (Fen(0), Fen(100), Optional(-1.0)),
        (Fen(-30), Fen(100), Optional(-1.3)),
        (Fen(100), Fen(0), nil),          // zero base: blank
        (Fen(100), Fen(-40), nil),        // negative base (net returns): blank
    ])
    func growthOverBase(current: Fen, base: Fen, expected: Double?) {
        let got = GrowthRate.of(current, over: base)
        switch (got, expected) {
        case (nil, nil): break
        case let (g?, e?): #expect(abs(g - e) < 1e-12)
        default: Issue.record("got \(String(describing: got)), expected \(String(describing: expected))")
        }
    }
}
