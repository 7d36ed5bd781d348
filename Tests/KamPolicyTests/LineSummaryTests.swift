import Testing
@testable import KamPolicy

/// 汇总分析表 figures for the hand-computed line of `ConsolidationFixture`.
@Suite struct LineSummaryTests {
    typealias F = ConsolidationFixture
    let summary: LineSummary

    init() throws { summary = try F.summary() }

    struct Expected {
        let code: String
        let sales: Fen, previous: Fen, lastYear: Fen
        let pop: Double?, yoy: Double?
        let customers: Int, active: Int, a: Int, b: Int, c: Int, key: Int
        let status: String
    }

    static let expected: [Expected] = [
        Expected(code: "HG01", sales: 1300, previous: 500, lastYear: 580, pop: 1.6, yoy: 1300.0 / 580.0 - 1,
                 customers: 4, active: 3, a: 2, b: 1, c: 0, key: 1, status: "按时"),
        Expected(code: "HG02", sales: 1500, previous: 300, lastYear: 2000, pop: 4.0, yoy: -0.25,
                 customers: 6, active: 4, a: 2, b: 1, c: 2, key: 1, status: "逾期"),
        // No data: totals 0, growth blank (base ≤ 0), the input is missing.
        Expected(code: "HG03", sales: 0, previous: 0, lastYear: 0, pop: nil, yoy: nil,
                 customers: 0, active: 0, a: 0, b: 0, c: 0, key: 0, status: "未报送"),
    ]

    @Test(arguments: expected)
    func subsidiaryRow(_ e: Expected) throws {
        let row = try #require(summary.subsidiaries.first { $0.subsidiaryCode == e.code })
        #expect(row.sales == e.sales)
        #expect(row.previousSales == e.previous)
        #expect(row.lastYearSales == e.lastYear)
        #expect(row.pop == e.pop)
        #expect(row.yoy == e.yoy)
        #expect(row.customers == e.customers)
        #expect(row.activeCustomers == e.active)
        #expect([row.gradeA, row.gradeB, row.gradeC] == [e.a, e.b, e.c])
        #expect(row.keyAccounts == e.key)
        #expect(row.submission.label == e.status)
    }

    @Test func subsidiariesKeepConfigOrderAndReceivedTimes() {
        #expect(summary.subsidiaries.map(\.subsidiaryCode) == ["HG01", "HG02", "HG03"])
        #expect(summary.subsidiaries.map(\.subsidiaryName) == ["华东化工", "华南化工", "华北化工"])
        #expect(summary.subsidiaries.map(\.submission.received) == [F.received, F.received, nil])
        #expect(summary.missingSubmissions.map(\.subsidiaryCode) == ["HG03"])
    }

    @Test func lineTotals() throws {
        #expect(try summary.totalSales == 2800)
        #expect(try summary.totalPreviousSales == 800)
        #expect(try summary.totalLastYearSales == 2580)
        #expect(summary.totalActiveCustomers == 7)
        #expect([summary.total(of: .a), summary.total(of: .b), summary.total(of: .c)] == [4, 2, 2])
        #expect(summary.totalKeyAccounts == 2)
    }

    /// Sales in Q3: four customers tie at 600 (two at HG01, HG02's X1 and Y1), then HG02/Y2 200,
    /// then HG01/X3 and HG02/Y5 tie at 100. Ties: subsidiary code, then customer_id.
    @Test(arguments: [
        (100, ["HG01/X1", "HG01/X2", "HG02/X1", "HG02/Y1", "HG02/Y2", "HG01/X3", "HG02/Y5"], [1, 1, 1, 1, 5, 6, 6]),
        (6, ["HG01/X1", "HG01/X2", "HG02/X1", "HG02/Y1", "HG02/Y2", "HG01/X3", "HG02/Y5"], [1, 1, 1, 1, 5, 6, 6]),
        (5, ["HG01/X1", "HG01/X2", "HG02/X1", "HG02/Y1", "HG02/Y2"], [1, 1, 1, 1, 5]),
        // A tie at the cut is not split: top 2 lists all four rank-1 customers.
        (2, ["HG01/X1", "HG01/X2", "HG02/X1", "HG02/Y1"], [1, 1, 1, 1]),
        (0, [], []),
    ])
    func topCustomersAcrossTheLine(topN: Int, ids: [String], ranks: [Int]) throws {
        let top = try F.summary(topN: topN).topCustomers
        #expect(top.map { "\($0.subsidiaryCode)/\($0.row.customerID)" } == ids)
        #expect(top.map(\.rank) == ranks.map(Optional.some))
    }

    @Test func sameCustomerIDAtTwoSubsidiariesIsTwoCustomers() {
        let x1 = summary.topCustomers.filter { $0.row.customerID == "X1" }
        #expect(x1.map(\.subsidiaryName) == ["华东化工", "华南化工"])
        #expect(x1.map(\.row.sales) == [600, 600])
    }

    @Test func gradeMigrationIncludesNone() {
        let m = summary.gradeMigration
        // HG01: X1 A→A, X2 A→A, X3 B→B, X4 无→无. HG02: X1 A→A, Y1 A→A, Y2 B→B, Y3 C→C, Y4 B→无, Y5 无→C.
        #expect(m.counts == [
            [4, 0, 0, 0],
            [0, 2, 0, 1],
            [0, 0, 1, 0],
            [0, 0, 1, 1],
        ])
        #expect(m.count(previous: .b, current: nil) == 1)
        #expect(m.count(previous: nil, current: .c) == 1)
        #expect(m.total == 10)
    }

    @Test func potentialCustomersMergeTheSubsidiaryLists() {
        // HG02/Y2: B, base 100 ≥ 50, yoy 1.0. HG01/X3: B, base 80, yoy .25. HG02/Y1 grows but is A.
        #expect(summary.potentialCustomers.map { "\($0.subsidiaryCode)/\($0.row.customerID)" } == ["HG02/Y2", "HG01/X3"])
        #expect(summary.potentialCustomers.map(\.row.yoy) == [1.0, 0.25])
    }

    @Test func creditWarningsForQuartersOverLimitFirst() {
        let w = summary.creditWarnings ?? []
        #expect(w.map { "\($0.subsidiaryCode)/\($0.customerID)/\($0.level.rawValue)" } == ["HG01/X1/超限", "HG02/Y1/超限", "HG01/X2/预警"])
    }

    @Test func noCreditSectionForAMonth() throws {
        let monthly = try F.summary(period: .month(F.ym(2026, 9)))
        #expect(monthly.creditWarnings == nil)
        // September 2026: HG01 X2 600; HG02 Y1 600, Y5 100.
        #expect(monthly.subsidiaries.map(\.sales) == [600, 700, 0])
    }
}
