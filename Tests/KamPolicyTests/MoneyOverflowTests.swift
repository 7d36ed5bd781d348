import Testing
@testable import KamPolicy

/// SPEC §8: every sum kam forms is overflow-checked; a sum `Fen` cannot hold is a `MoneyOverflow`
/// naming what was summed (customer, period), never a trap. Edges computed by hand:
/// Int64.max = 9,223,372,036,854,775,807, Int64.min = −9,223,372,036,854,775,808.
@Suite struct MoneyOverflowTests {
    static let max = Fen.max
    static let min = Fen.min
    static let half = Fen.max / 2 + 1  // 4,611,686,018,427,387,904: two of them are Int64.max + 1
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }

    static func figures(_ sales: Fen, cost: Fen = 0, name: String = "客户") -> CustomerMonthFigures {
        CustomerMonthFigures(sales: sales, cost: cost, nonZeroLines: sales != 0 ? 1 : 0, lines: 1, latestName: name,
                             latestNameRecency: LineRecency(date: 20260901, sequence: 1))
    }

    static func history(_ customers: [String: [YearMonth: CustomerMonthFigures]]) -> SalesHistory {
        SalesHistory(costKnownByMonth: [:], customers: customers)
    }

    struct Case: Sendable, CustomStringConvertible {
        let a: Fen, b: Fen, result: Fen?
        var description: String { "\(a), \(b)" }
    }

    @Test(arguments: [
        Case(a: max - 1, b: 1, result: max),
        Case(a: max, b: 0, result: max),
        Case(a: max, b: 1, result: nil),
        Case(a: half, b: half, result: nil),
        Case(a: half, b: half - 1, result: max),
        Case(a: min, b: 0, result: min),
        Case(a: min + 1, b: -1, result: min),
        Case(a: min, b: -1, result: nil),
        Case(a: min, b: max, result: -1),
    ])
    func checkedAddition(_ c: Case) {
        let sum = try? c.a.adding(c.b, or: MoneyOverflow(figure: "x"))
        #expect(sum == c.result)
    }

    @Test(arguments: [
        Case(a: 0, b: min, result: nil),  // −Int64.min is Int64.max + 1
        Case(a: -1, b: min, result: max),
        Case(a: -1, b: max, result: min),
        Case(a: -2, b: max, result: nil),
        Case(a: max, b: -1, result: nil),
    ])
    func checkedSubtraction(_ c: Case) {
        let difference = try? c.a.subtracting(c.b, or: MoneyOverflow(figure: "x"))
        #expect(difference == c.result)
    }

    @Test func aWindowSumAtTheLimitFitsAndOneFenMoreNamesCustomerAndWindow() throws {
        let months = Period.quarter(year: 2026, quarter: 3).months
        let fits = Self.history(["C1": [Self.ym(2026, 7): Self.figures(Self.half), Self.ym(2026, 9): Self.figures(Self.half - 1)]])
        #expect(try fits.sales(of: "C1", in: months) == Self.max)
        let over = Self.history(["C1": [Self.ym(2026, 7): Self.figures(Self.half), Self.ym(2026, 9): Self.figures(Self.half)]])
        #expect(throws: MoneyOverflow(figure: "销售额", customer: "C1", period: "2026-07…2026-09")) {
            try over.sales(of: "C1", in: months)
        }
        let negative = Self.history(["C1": [Self.ym(2026, 7): Self.figures(Self.min), Self.ym(2026, 8): Self.figures(-1)]])
        #expect(throws: MoneyOverflow.self) { try negative.sales(of: "C1", in: months) }
        let cost = Self.history(["C1": [Self.ym(2026, 7): Self.figures(1, cost: Self.max), Self.ym(2026, 8): Self.figures(1, cost: 1)]])
        #expect(throws: MoneyOverflow(figure: "成本", customer: "C1", period: "2026-07…2026-09")) {
            try cost.cost(of: "C1", in: months)
        }
    }

    /// Two quarter files, each fitting, whose months overflow one customer's ttm: the report is
    /// refused (no trap), naming the customer and the twelve months.
    @Test func aSalesReportWhoseTTMOverflowsThrowsNamingTheCustomer() {
        let h = Self.history(["C1": [Self.ym(2026, 4): Self.figures(Self.half), Self.ym(2026, 8): Self.figures(Self.half)],
                              "C2": [Self.ym(2026, 8): Self.figures(100)]])
        #expect(throws: MoneyOverflow(figure: "销售额", customer: "C1", period: "2025-10…2026-09")) {
            try SalesReport(period: .quarter(year: 2026, quarter: 3), history: h, settings: PolicySettings())
        }
    }

    /// Every customer's ttm fits, their total T (the grades' denominator) does not.
    @Test func aGradeTotalThatOverflowsThrows() {
        let ttm = ["C1": Self.half, "C2": Self.half, "C3": 5]
        #expect(throws: MoneyOverflow(figure: "近12月销售额合计 (等级的分母 T)", period: "w")) {
            try CustomerGrade.grades(ttm: ttm, settings: GradingSettings(), window: "w")
        }
        // At exactly Int64.max the grades are computed: C2 has half of T before it (< 0.70), so A too.
        let atLimit = try? CustomerGrade.grades(ttm: ["C1": Self.half, "C2": Self.half - 1], settings: GradingSettings())
        #expect(atLimit == ["C1": .a, "C2": .a])
    }

    @Test func profitThatOverflowsThrows() {
        // Sales Int64.max with a cost of −1 (a credit note booked as cost): profit is Int64.max + 1,
        // found first in the ttm profit behind the key-account rule.
        var h = Self.history(["C1": [Self.ym(2026, 9): Self.figures(Self.max, cost: -1)]])
        h.costKnownByMonth = [Self.ym(2026, 9): true]
        #expect(throws: MoneyOverflow(figure: "近12月毛利", customer: "C1", period: "2025-10…2026-09")) {
            try SalesReport(period: .month(Self.ym(2026, 9)), history: h, settings: PolicySettings())
        }
    }

    /// A report's totals over customers: each row fits, the sum does not.
    @Test func reportTotalsThatOverflowThrow() throws {
        let row = SalesReportRow(rank: 1, customerID: "C1", customerName: "甲", sales: Self.half, previousSales: 0, pop: nil,
                                          lastYearSales: 0, yoy: nil, profit: nil, margin: nil, ttm: Self.half, grade: .a,
                                          previousGrade: nil, gradeChange: .new, isKeyAccount: true, keyAccountLevel: nil)
        var other = row
        other.customerID = "C2"
        let report = SalesReport(period: .quarter(year: 2026, quarter: 3), rows: [row, other], potentialCustomers: [],
                                 hasDataInPeriod: true, isProfitKnown: false)
        #expect(throws: MoneyOverflow(figure: "本期销售额合计", period: "2026Q3")) { try report.totalSales }
        #expect(try report.totalPreviousSales == 0)
        #expect(throws: MoneyOverflow(figure: "本期销售额合计", subsidiary: "HG01", period: "2026Q3")) {
            try SubsidiaryReportTotals(subsidiaryCode: "HG01", report: report)
        }
        // The line summary sums the same rows itself, and names the subsidiary.
        let hg01 = Subsidiary(code: "HG01", name: "华东", lineCode: "chem")
        #expect(throws: MoneyOverflow(figure: "本期销售额合计", subsidiary: "HG01", period: "2026Q3")) {
            try LineSummary(line: BusinessLine(code: "chem", name: "化工", cadence: .quarterly), period: .quarter(year: 2026, quarter: 3),
                            subsidiaries: [LineSubsidiaryInput(subsidiary: hg01, report: report, submission: .missing)],
                            settings: PolicySettings())
        }
    }

    static let received = LocalDateTime(date: LocalDate(year: 2026, month: 10, day: 3) ?? LocalDate(daysSinceEpoch: 0),
                                        time: TimeOfDay.defaultRunAt)

    /// Each subsidiary's total fits; the line's total over them does not.
    @Test func aLineTotalThatOverflowsThrows() throws {
        func report(_ sales: Fen) -> SalesReport {
            let row = SalesReportRow(rank: 1, customerID: "C1", customerName: "甲", sales: sales, previousSales: 0, pop: nil,
                                              lastYearSales: 0, yoy: nil, profit: nil, margin: nil, ttm: sales, grade: .a,
                                              previousGrade: nil, gradeChange: .new, isKeyAccount: true, keyAccountLevel: nil)
            return SalesReport(period: .quarter(year: 2026, quarter: 3), rows: [row], potentialCustomers: [], hasDataInPeriod: true,
                               isProfitKnown: false)
        }
        let subsidiaries = ["HG01", "HG02"].map { Subsidiary(code: $0, name: $0, lineCode: "chem") }
        let summary = try LineSummary(line: BusinessLine(code: "chem", name: "化工", cadence: .quarterly),
                                      period: .quarter(year: 2026, quarter: 3),
                                      subsidiaries: subsidiaries.map { LineSubsidiaryInput(subsidiary: $0, report: report(Self.half),
                                                                                           submission: .onTime(received: Self.received)) },
                                      settings: PolicySettings())
        #expect(summary.subsidiaries.map(\.sales) == [Self.half, Self.half])
        #expect(throws: MoneyOverflow(figure: "化工 本期销售额合计", period: "2026Q3")) { try summary.totalSales }
    }

    @Test func collectionRateDivisorThatOverflowsNamesTheCustomer() throws {
        #expect(throws: MoneyOverflow.self) { try CollectionRate.of(collected: 1, opening: Self.max, sales: 1) }
        #expect(try CollectionRate.of(collected: 0, opening: Self.max - 1, sales: 1) == 0)
        let snapshot = ["C1": ReceivableRecord(customerID: "C1", receivable: 1, overdue: 0, collected: 1)]
        let opening = ["C1": ReceivableRecord(customerID: "C1", receivable: Self.max, overdue: 0, collected: 0)]
        #expect(throws: MoneyOverflow(figure: "期初应收 + 本期销售额 (回款率的分母)", customer: "C1")) {
            try CreditFigures.of(customer: "C1", quarterSnapshot: snapshot, openingSnapshot: opening, sales: 1,
                                 settings: CreditSettings())
        }
    }

    /// A limit that cannot be represented is refused, not shown as Int64.max.
    @Test func proposedLimitsThatDoNotFitThrow() throws {
        // ttm × cover passes Int64 (Int64.max × 200) but the limit, Int64.max / 6 =
        // 1,537,228,672,809,129,301.17 fen, fits: it is computed, rounded up to the fen.
        #expect(try ProposedLimit.of(ttm: Self.max, coverHundredths: 200, factorHundredths: 100, roundTo: 1) == 1_537_228_672_809_129_302)
        // ttm × cover × factor beyond 128 bits.
        #expect(throws: MoneyOverflow.self) {
            try ProposedLimit.of(ttm: Self.max, coverHundredths: Self.max, factorHundredths: Self.max, roundTo: 1)
        }
        // 12 × 100 × 100 × round_to overflows: round_to = Int64.max / 100,000.
        #expect(throws: MoneyOverflow.self) {
            try ProposedLimit.of(ttm: 1_200_000, coverHundredths: 100, factorHundredths: 100, roundTo: Self.max / 100_000)
        }
        // The quotient itself does not fit: Int64.max × 0.01 months × factor 2000.00 / 12 is 1.67 × Int64.max.
        #expect(throws: MoneyOverflow.self) {
            try ProposedLimit.of(ttm: Self.max, coverHundredths: 1, factorHundredths: 200_000, roundTo: 1)
        }
        // Exactly Int64.max: ttm Int64.max × 0.01 × 1200.00 / 12 = Int64.max, nothing to round.
        #expect(try ProposedLimit.of(ttm: Self.max, coverHundredths: 1, factorHundredths: 120_000, roundTo: 1) == Self.max)
        // Int64.max / 1200 = 7,686,143,364,045,646.505… rounded up to the fen.
        #expect(try ProposedLimit.of(ttm: Self.max, coverHundredths: 1, factorHundredths: 100, roundTo: 1) == 7_686_143_364_045_647)
        // The rounding makes it overflow: the same Int64.max with round_to = Int64.max / 120,000 =
        // 76,861,433,640,456 is 120,000.0000000007 steps, rounded up to 120,001 steps > Int64.max.
        #expect(throws: MoneyOverflow.self) {
            try ProposedLimit.of(ttm: Self.max, coverHundredths: 1, factorHundredths: 120_000, roundTo: Self.max / 120_000)
        }
    }

    @Test func aCreditReportWhoseQuarterSalesOverflowThrows() {
        let h = Self.history(["C1": [Self.ym(2026, 4): Self.figures(Self.half), Self.ym(2026, 5): Self.figures(Self.half)]])
        let inputs = CreditInputs(history: h, receivables: [.quarter(year: 2026, quarter: 2): [
            ReceivableRecord(customerID: "C1", receivable: 1, overdue: 0, collected: 0)]], settings: PolicySettings(), cadence: .quarterly)
        #expect(throws: MoneyOverflow(figure: "销售额", customer: "C1", period: "2026-04…2026-06")) {
            try CreditReport(quarter: .quarter(year: 2026, quarter: 2), inputs: inputs)
        }
        #expect(throws: MoneyOverflow.self) { try CreditLimitProposal(quarter: .quarter(year: 2026, quarter: 4), inputs: inputs) }
        #expect(throws: MoneyOverflow.self) {
            try VisitReport(quarter: .quarter(year: 2026, quarter: 2), visits: [:], credit: inputs)
        }
    }

    @Test func addingALineThatOverflowsLeavesTheMonthAsItWas() throws {
        var month = CustomerMonthFigures()
        try month.add(amount: Self.max, cost: 0, name: "甲", recency: LineRecency(date: 20260901, sequence: 1))
        #expect(throws: MoneyOverflow(figure: "销售额")) {
            try month.add(amount: 1, cost: 0, name: "乙", recency: LineRecency(date: 20260902, sequence: 2))
        }
        #expect(month.sales == Self.max && month.lines == 1 && month.latestName == "甲")
    }

    @Test func theMessageNamesWhatWasSummedAndWhatToDo() {
        var overflow = MoneyOverflow(figure: "销售额", customer: "C1", period: "2025-10…2026-09").with(subsidiary: "HG01", customer: "X")
        overflow.inputs = ["HG01/sales_2026Q2.csv", "HG01/sales_2026Q3.csv"]
        let text = overflow.description
        for part in ["销售额", "分公司 HG01", "客户 C1", "2025-10…2026-09", "HG01/sales_2026Q2.csv", "HG01/sales_2026Q3.csv", "更正后重新提交"] {
            #expect(text.contains(part), "\(part) in \(text)")
        }
    }
}
