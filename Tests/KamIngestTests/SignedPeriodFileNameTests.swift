import KamPolicy
import Testing
@testable import KamIngest

/// A drop file whose period carries a sign or a short year is refused, and the receipt's
/// reason quotes the period as written (issue 21: `Int("+202")` is 202).
@Suite struct SignedPeriodFileNameTests {
    @Test(arguments: ["sales_+202-01.csv", "sales_-202-01.csv", "sales_2026-+9.csv", "receivables_+202Q3.csv",
                      "receivables_2026Q+3.csv", "sales_02026-09.csv"])
    func signedPeriodsAreRefusedWithTheValue(name: String) {
        let period = String(name.split(separator: "_", maxSplits: 1)[1].dropLast(4))
        #expect(DropFileName.parse(name) == .failure(.badPeriod(period)), "\(name)")
        #expect(DropFileName.Problem.badPeriod(period).reason.contains("期间 [\(period)] 无效"))
    }

    @Test func unsignedPeriodsStillParse() {
        #expect(DropFileName.parse("sales_2026-09.csv") == .success(DropFileName(kind: .sales, period: .month(YearMonth(year: 2026, month: 9)))))
        #expect(DropFileName.parse("receivables_2026Q3.csv") == .success(DropFileName(kind: .receivables, period: .quarter(year: 2026, quarter: 3))))
    }
}
