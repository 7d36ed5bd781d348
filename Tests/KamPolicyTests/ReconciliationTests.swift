import Testing
@testable import KamPolicy

/// The cross-tier check: the line summary's per-subsidiary totals against each subsidiary's own.
@Suite struct ReconciliationTests {
    typealias F = ConsolidationFixture
    let summary: LineSummary

    init() throws { summary = try F.summary() }

    func ownTotals(revisions: [Int?] = [1, 2, nil]) throws -> [SubsidiaryReportTotals] {
        try zip(try F.inputs(), revisions).map { try SubsidiaryReportTotals(subsidiaryCode: $0.subsidiary.code, revision: $1, report: $0.report) }
    }

    @Test func matchingTotalsAreConsistent() throws {
        let r = Reconciliation(summary: summary, subsidiaryTotals: try ownTotals())
        #expect(r.results.map(\.label) == ["一致", "一致", "一致"])
        #expect(r.consistentCount == 3)
        #expect(r.isConsistent)
        #expect(r.results.map(\.revision) == [1, 2, nil])
    }

    @Test func theOwnWorkbookTotalsAreHandComputed() throws {
        let t = try ownTotals()[1]
        #expect([t.sales, t.previousSales, t.lastYearSales] == [1500, 300, 2000])
        #expect([t.customers, t.activeCustomers, t.gradeA, t.gradeB, t.gradeC, t.keyAccounts] == [6, 4, 2, 1, 2, 1])
    }

    @Test func aDifferingFigureIsNamedWithBothValues() throws {
        var totals = try ownTotals()
        totals[1].sales = 1499
        totals[1].gradeC = 3
        let r = Reconciliation(summary: summary, subsidiaryTotals: totals)
        #expect(r.results.map(\.label) == ["一致", "不一致", "一致"])
        #expect(r.consistentCount == 2)
        #expect(!r.isConsistent)
        #expect(r.results[1].differences == [
            .init(figure: .sales, management: 1500, subsidiary: 1499),
            .init(figure: .gradeC, management: 2, subsidiary: 3),
        ])
    }

    @Test func anotherRevisionIsADifference() throws {
        let r = Reconciliation(summary: summary, subsidiaryTotals: try ownTotals(revisions: [1, 3, nil]))
        #expect(r.results[1].differences == [.init(figure: .revision, management: 2, subsidiary: 3)])
    }

    @Test func aSubsidiaryWithoutItsOwnTotalsIsUnmatched() throws {
        let r = Reconciliation(summary: summary, subsidiaryTotals: Array(try ownTotals().prefix(2)))
        #expect(r.results.map(\.label) == ["一致", "一致", "无对应报表"])
        #expect(r.consistentCount == 2)
    }
}
