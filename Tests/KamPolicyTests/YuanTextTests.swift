import Testing
@testable import KamPolicy

/// The one fen formatter (issue 21) spells every value as the four copies it replaced did.
@Suite struct YuanTextTests {
    @Test func knownSpellings() {
        #expect(YuanText.of(123_450, grouped: true) == "1,234.50")
        #expect(YuanText.of(123_450, grouped: false) == "1234.50")
        #expect(YuanText.of(0, grouped: true) == "0.00")
        #expect(YuanText.of(5, grouped: true) == "0.05")
        #expect(YuanText.of(-5, grouped: true) == "-0.05")
        #expect(YuanText.of(99_999, grouped: true) == "999.99")
        #expect(YuanText.of(100_000, grouped: true) == "1,000.00")
        #expect(YuanText.of(-100_000_000, grouped: true) == "-1,000,000.00")
        #expect(YuanText.of(Int64.max, grouped: true) == "92,233,720,368,547,758.07")
        #expect(YuanText.of(Int64.min, grouped: true) == "-92,233,720,368,547,758.08")
        #expect(YuanText.of(Int64.min, grouped: false) == "-92233720368547758.08")
        #expect(YuanText.grouped(0) == "0")
        #expect(YuanText.grouped(999) == "999")
        #expect(YuanText.grouped(1_000) == "1,000")
        #expect(YuanText.grouped(UInt64.max) == "18,446,744,073,709,551,615")
    }

    /// Against a spelling built another way (string slicing from the left), over every width.
    @Test func agreesWithAnIndependentSpelling() {
        func reference(_ fen: Fen, grouped: Bool) -> String {
            let digits = Array(String(fen.magnitude / 100))
            var integer = ""
            for (i, d) in digits.enumerated() {
                if grouped, i > 0, (digits.count - i) % 3 == 0 { integer.append(",") }
                integer.append(d)
            }
            let cents = String(fen.magnitude % 100)
            return (fen < 0 ? "-" : "") + integer + "." + (cents.count == 1 ? "0" + cents : cents)
        }
        var values: [Fen] = [0, 1, -1, 10, 99, 100, 101, Int64.max, Int64.min, Int64.min + 1]
        var power: Fen = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power, 7 * power + 3]
        }
        for v in values {
            #expect(YuanText.of(v, grouped: true) == reference(v, grouped: true), "\(v)")
            #expect(YuanText.of(v, grouped: false) == reference(v, grouped: false), "\(v)")
        }
    }
}
