import Testing
@testable import KamPolicy

/// A small subsidiary history, with every figure below computed by hand in the comments.
@Suite struct SalesReportTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }

    static func figures(_ sales: Fen, cost: Fen = 0, name: String = "", date: Int = 0, nonZero: Int? = nil) -> CustomerMonthFigures {
        CustomerMonthFigures(sales: sales, cost: cost, nonZeroLines: nonZero ?? (sales != 0 ? 1 : 0), lines: 1,
                             latestName: name, latestNameRecency: LineRecency(date: date, sequence: 1))
    }

    static let history: SalesHistory = {
        var h = SalesHistory()
        h.customers = [
            "C1": [ym(2026, 9): figures(500, cost: 300, name: "新名", date: 20260902),
                   ym(2026, 8): figures(400, cost: 100, name: "旧名", date: 20260815),
                   ym(2025, 9): figures(250, name: "旧名", date: 20250910)],
            "C2": [ym(2026, 9): figures(500, cost: 450, name: "乙"), ym(2025, 9): figures(100, name: "乙")],
            "C3": [ym(2026, 9): figures(200, name: "丙"), ym(2026, 8): figures(100, name: "丙"),
                   ym(2025, 9): figures(150, name: "丙")],
            "C4": [ym(2025, 1): figures(1000, name: "丁")],
            "C5": [ym(2026, 8): figures(300, name: "戊")],
            // +100 and −100 in one month: two non-zero lines netting to zero.
            "C6": [ym(2026, 9): figures(0, name: "己", nonZero: 2)],
        ]
        for m in YearMonth.range(ym(2024, 10), through: ym(2026, 9)) { h.costKnownByMonth[m] = true }
        return h
    }()

    static var settings: PolicySettings {
        var s = PolicySettings()
        s.growth = GrowthSettings(minBase: 100, topN: 20)
        return s
    }

    let report: SalesReport

    init() throws { report = try SalesReport(period: .month(Self.ym(2026, 9)), history: Self.history, settings: Self.settings) }

    func row(_ id: String) -> SalesReportRow? { report.rows.first { $0.customerID == id } }

    @Test func rowsAreRankedThenUnrankedByID() {
        #expect(report.rows.map(\.customerID) == ["C1", "C2", "C3", "C4", "C5", "C6"])
        #expect(report.rows.map(\.rank) == [1, 1, 3, nil, nil, nil])
    }

    @Test func growthAgainstPreviousAndLastYear() {
        #expect(row("C1")?.pop == 0.25)
        #expect(row("C1")?.yoy == 1.0)
        #expect(row("C2")?.pop == nil)      // no sales in August
        #expect(row("C2")?.yoy == 4.0)
        #expect(row("C3")?.pop == 1.0)
        #expect(abs((row("C3")?.yoy ?? 0) - 1.0 / 3.0) < 1e-12)
        #expect(row("C5")?.pop == -1.0)     // 0 over 300
        #expect(row("C5")?.yoy == nil)
    }

    @Test func gradesNowAndBefore() {
        // ttm Oct 2025–Sep 2026: C1 900, C2 500, C3 300, C5 300 (T 2000): A A B B.
        // ttm Sep 2025–Aug 2026: C1 650, C5 300, C3 250, C2 100 (T 1300): A A B C.
        #expect(report.rows.map(\.grade) == [.a, .a, .b, nil, .b, nil])
        #expect(report.rows.map(\.previousGrade) == [.a, .c, .b, nil, .a, nil])
        #expect(report.rows.map(\.gradeChange) == [.same, .up, .same, nil, .down, nil])
        #expect(report.gradeChanges.map(\.customerID) == ["C5", "C2"])
    }

    @Test func profitMarginAndKeyAccounts() {
        #expect(report.rows.map(\.profit) == [200, 50, 200, 0, 0, 0])
        #expect(report.rows.map(\.margin) == [0.4, 0.1, 1.0, nil, nil, nil])
        // Subsidiary ttm profit 2000 − 850 = 1150: C1 500 (43%), C3 300, C5 300 (26%), C2 50 (4%).
        #expect(report.rows.map(\.isKeyAccount) == [true, false, true, false, true, false])
        #expect(report.rows.allSatisfy { $0.keyAccountLevel == nil })
    }

    @Test func latestNameWins() {
        #expect(row("C1")?.customerName == "新名")
    }

    @Test func potentialCustomersNeedGradeBOrCABaseAndGrowth() throws {
        // C3: B, last year 150 ≥ 100, yoy 1/3. C5: B but no base. C1, C2: A.
        #expect(report.potentialCustomers.map(\.customerID) == ["C3"])
        var strict = Self.settings
        strict.growth.minBase = 151
        #expect(try SalesReport(period: .month(Self.ym(2026, 9)), history: Self.history, settings: strict).potentialCustomers.isEmpty)
    }

    @Test func potentialCustomersOrderAndTopN() {
        func row(_ id: String, _ grade: CustomerGrade?, sales: Fen, ly: Fen) -> SalesReportRow {
            SalesReportRow(rank: nil, customerID: id, customerName: id, sales: sales, previousSales: 0, pop: nil,
                           lastYearSales: ly, yoy: GrowthRate.of(sales, over: ly), profit: nil, margin: nil, ttm: 1,
                           grade: grade, previousGrade: nil, gradeChange: nil, isKeyAccount: false, keyAccountLevel: nil)
        }
        let rows = [row("P", .b, sales: 200, ly: 100),   // yoy 1.0
                    row("Q", .c, sales: 400, ly: 200),   // yoy 1.0, more sales → before P
                    row("R", .b, sales: 150, ly: 100),   // yoy 0.5
                    row("S", .c, sales: 100, ly: 100),   // yoy 0: not growing
                    row("T", .a, sales: 900, ly: 100),   // grade A: excluded
                    row("U", nil, sales: 900, ly: 100)]  // ungraded: excluded
        #expect(PotentialCustomers.select(from: rows, settings: GrowthSettings(minBase: 100, topN: 20)).map(\.customerID) == ["Q", "P", "R"])
        #expect(PotentialCustomers.select(from: rows, settings: GrowthSettings(minBase: 100, topN: 2)).map(\.customerID) == ["Q", "P"])
    }

    @Test func unknownCostBlanksProfit() throws {
        var h = Self.history
        h.costKnownByMonth[Self.ym(2026, 9)] = false
        let r = try SalesReport(period: .month(Self.ym(2026, 9)), history: h, settings: Self.settings)
        #expect(r.rows.allSatisfy { $0.profit == nil && $0.margin == nil })
        #expect(try r.totalProfit == nil)
        // ttm profit unknown too: no key account by profit share.
        #expect(r.rows.allSatisfy { !$0.isKeyAccount })
    }

    @Test func emptyPeriodHasNoRowsAndNoData() throws {
        let r = try SalesReport(period: .month(Self.ym(2030, 1)), history: Self.history, settings: Self.settings)
        #expect(r.rows.isEmpty)
        #expect(!r.hasDataInPeriod)
        #expect(try r.totalSales == 0)
    }

    @Test func quarterUsesQuarterWindows() throws {
        let r = try SalesReport(period: .quarter(year: 2026, quarter: 3), history: Self.history, settings: Self.settings)
        // Q3 2026 = Jul–Sep: C1 900, C2 500, C5 300, C3 300; prev Q2 all 0; ly Q3 2025: C1 250, C2 100, C3 150.
        #expect(r.rows.map(\.customerID) == ["C1", "C2", "C3", "C5", "C4", "C6"])
        #expect(r.rows.map(\.rank) == [1, 2, 3, 3, nil, nil])
        #expect(r.rows.first?.yoy == 900.0 / 250.0 - 1)
    }
}
