import Testing
@testable import KamPolicy

/// SPEC §8 "Incomplete data": a figure that would read a month no accepted file covers is blank,
/// never computed as if the month had no sales. Uses `SalesReportTests.history` (hand-computed
/// there) with months declared missing.
@Suite struct IncompleteSalesDataTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static let september = Period.month(ym(2026, 9))

    static func report(missing: [YearMonth]) throws -> SalesReport {
        try SalesReport(period: september, history: SalesReportTests.history, settings: SalesReportTests.settings,
                        gaps: SalesGaps(missingMonths: missing))
    }

    @Test(arguments: [
        // (covered months, since, window) → missing
        ([] as [Int], 1, [1, 2, 3], [1, 2, 3]),
        ([1, 2, 3], 1, [1, 2, 3], []),
        ([2], 1, [1, 2, 3], [1, 3]),
        ([], 3, [1, 2, 3], [3]),        // before `since`: history only, never missing
        ([], 4, [1, 2, 3], []),
    ])
    func missingMonthsAreThoseFromSinceThatNoFileCovers(covered: [Int], since: Int, window: [Int], expected: [Int]) {
        let gaps = SalesGaps.among(window.map { Self.ym(2026, $0) }, covered: Set(covered.map { Self.ym(2026, $0) }),
                                   since: Self.ym(2026, since))
        #expect(gaps.missingMonths == expected.map { Self.ym(2026, $0) })
    }

    @Test func aCompleteHistoryIsTheReportOfBefore() throws {
        let plain = try SalesReport(period: Self.september, history: SalesReportTests.history, settings: SalesReportTests.settings)
        let complete = try Self.report(missing: [])
        #expect(plain.rows == complete.rows && plain.potentialCustomers == complete.potentialCustomers)
        #expect(!complete.isPeriodMissing && !complete.isTTMMissing)
    }

    @Test func thePeriodMissingBlanksItsFiguresRanksAndLists() throws {
        let r = try Self.report(missing: [Self.ym(2026, 9)])
        #expect(r.isPeriodMissing && r.isTTMMissing)
        #expect(r.rows.allSatisfy { $0.rank == nil && $0.profit == nil && $0.margin == nil && $0.pop == nil && $0.yoy == nil })
        #expect(r.rows.allSatisfy { $0.grade == nil && !$0.isKeyAccount && $0.keyAccountLevel == nil && $0.gradeChange == nil })
        // 上期等级 reads the window ending August, which is complete.
        #expect(r.rows.contains { $0.previousGrade != nil })
        #expect(r.potentialCustomers.isEmpty && r.gradeChanges.isEmpty)
        // Unranked: every row by customer_id.
        #expect(r.rows.map(\.customerID) == r.rows.map(\.customerID).sorted())
    }

    @Test func aMissingPreviousMonthBlanksOnlyPopAndThePreviousGrade() throws {
        let full = try Self.report(missing: [])
        let r = try Self.report(missing: [Self.ym(2026, 8)])
        #expect(!r.isPeriodMissing && r.isTTMMissing)  // August is in September's 12 months
        #expect(r.rows.allSatisfy { $0.pop == nil && $0.previousGrade == nil && $0.grade == nil && $0.gradeChange == nil })
        #expect(r.rows.map(\.rank) == full.rows.map(\.rank), "本期 figures and ranks stand")
        #expect(r.rows.map(\.yoy) == full.rows.map(\.yoy), "同比 reads September 2025, which is there")
    }

    @Test func aMissingMonthLastYearBlanksOnlyYoyAndTheWindowsThatReadIt() throws {
        let full = try Self.report(missing: [])
        // September 2025 is ly(P) and in the previous 12 months (Sep 2025 … Aug 2026), not in P's.
        let r = try Self.report(missing: [Self.ym(2025, 9)])
        #expect(r.rows.allSatisfy { $0.yoy == nil && $0.previousGrade == nil })
        #expect(r.rows.map(\.grade) == full.rows.map(\.grade), "P's 12 months (Oct 2025 … Sep 2026) are complete")
        #expect(r.rows.allSatisfy { $0.gradeChange == nil })
        #expect(r.rows.map(\.pop) == full.rows.map(\.pop))
    }

    @Test func aLineTotalsOnlyTheSubsidiariesWhosePeriodIsPresent() throws {
        let present = try Self.report(missing: [])
        let absent = try Self.report(missing: [Self.ym(2026, 9)])
        let received = LocalDateTime(date: LocalDate(year: 2026, month: 10, day: 3) ?? LocalDate(daysSinceEpoch: 0), time: .defaultRunAt)
        let subs = ["HG01", "HG02"].map { Subsidiary(code: $0, name: $0, lineCode: "chem") }
        let summary = try LineSummary(line: BusinessLine(code: "chem", name: "化工", cadence: .monthly), period: Self.september,
                                      subsidiaries: [LineSubsidiaryInput(subsidiary: subs[0], report: present, submission: .onTime(received: received)),
                                                     LineSubsidiaryInput(subsidiary: subs[1], report: absent, submission: .missing)],
                                      settings: SalesReportTests.settings)
        #expect(try summary.totalSales == present.totalSales)
        #expect(summary.missingSubmissions.map(\.subsidiaryCode) == ["HG02"])
        #expect(summary.topCustomers.allSatisfy { $0.subsidiaryCode == "HG01" })
        #expect(summary.totalActiveCustomers == present.activeCustomers)
    }
}
