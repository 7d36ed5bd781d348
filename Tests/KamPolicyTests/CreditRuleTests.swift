import Testing
@testable import KamPolicy

/// The single credit rules of SPEC §4.2 and §8 "Credit", each against hand-computed tables.
@Suite struct CreditRuleTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static let defaults = CreditSettings()

    @Test(arguments: [
        // (overdue ratio, collection rate, expected grade), defaults 0.05/0.90/0.20/0.60.
        (0.0, 0.95 as Double?, CreditGrade.one),
        (0.05, 0.90, .one),                 // both grade-1 bounds are inclusive
        (0.05, nil, .one),                  // blank rate does not stop grade 1
        (0.0, nil, .one),
        (0.0500001, 0.95, .two),
        (0.05, 0.8999, .two),
        (0.20, 0.60, .two),                 // grade-3 bounds are strict
        (0.10, nil, .two),                  // blank rate never makes grade 3
        (0.2000001, 1.0, .three),
        (0.0, 0.5999, .three),
        (0.30, nil, .three),                // the overdue ratio alone still makes 3
        (0.0, 0.0, .three),
    ])
    func gradeBoundaries(overdue: Double, collection: Double?, expected: CreditGrade) {
        #expect(CreditGrade.assessed(overdueRatio: overdue, collectionRate: collection, settings: Self.defaults) == expected)
    }

    @Test func collectionRate() throws {
        #expect(try CollectionRate.of(collected: 90, opening: 50, sales: 50) == 0.9)
        #expect(try CollectionRate.of(collected: 25, opening: -50, sales: 100) == 0.5)
        #expect(try CollectionRate.of(collected: 10, opening: 0, sales: 0) == nil)       // divisor 0
        #expect(try CollectionRate.of(collected: 10, opening: -100, sales: 50) == nil)   // divisor < 0
        #expect(try CollectionRate.of(collected: -10, opening: 100, sales: 0) == -0.1)
    }

    @Test func overdueRatio() {
        #expect(OverdueRatio.of(overdue: 10, receivable: 200) == 0.05)
        #expect(OverdueRatio.of(overdue: 10, receivable: 0) == 0)
        #expect(OverdueRatio.of(overdue: 10, receivable: -5) == 0)
    }

    @Test func allThreeZeroIsBlankByValue() throws {
        let s = Self.defaults
        #expect(AssessedCreditGrade.of(receivable: 0, opening: 0, sales: 0, overdueRatio: 0, collectionRate: nil, settings: s) == nil)
        // Opening balance only, fully collected: rate 100/100, ratio 0 → 1.
        let f = try CreditFigures.of(customer: "X", quarterSnapshot: ["X": ReceivableRecord(customerID: "X", receivable: 0, overdue: 0, collected: 100)],
                                 openingSnapshot: ["X": ReceivableRecord(customerID: "X", receivable: 100, overdue: 0, collected: 0)],
                                 sales: 0, settings: s)
        #expect(f.collectionRate == 1.0)
        #expect(f.assessedGrade == .one)
        // Collected something but all three balances zero: still blank (by value).
        let g = try CreditFigures.of(customer: "Y", quarterSnapshot: ["Y": ReceivableRecord(customerID: "Y", receivable: 0, overdue: 0, collected: 100)],
                                 openingSnapshot: nil, sales: 0, settings: s)
        #expect(g.assessedGrade == nil)
        #expect(g.receivable == 0)
        // A sale that nets to zero with a returned line is zero sales: blank too.
        let h = try CreditFigures.of(customer: "Z", quarterSnapshot: [:], openingSnapshot: [:], sales: 0, settings: s)
        #expect(h.assessedGrade == nil)
    }

    @Test func missingSnapshotBlanksEverythingButOpeningAndSales() throws {
        let f = try CreditFigures.of(customer: "X", quarterSnapshot: nil,
                                 openingSnapshot: ["X": ReceivableRecord(customerID: "X", receivable: 700, overdue: 0, collected: 0)],
                                 sales: 300, settings: Self.defaults)
        #expect(f.opening == 700)
        #expect(f.sales == 300)
        #expect(f.collected == nil && f.receivable == nil && f.overdue == nil)
        #expect(f.collectionRate == nil && f.overdueRatio == nil && f.assessedGrade == nil)
    }

    @Test(arguments: [
        (Period.quarter(year: 2026, quarter: 1), Period.quarter(year: 2025, quarter: 4)),
        (.quarter(year: 2026, quarter: 2), .quarter(year: 2025, quarter: 4)),
        (.quarter(year: 2026, quarter: 3), .quarter(year: 2026, quarter: 2)),
        (.quarter(year: 2026, quarter: 4), .quarter(year: 2026, quarter: 2)),
    ])
    func previousHalfYearEnd(quarter: Period, expected: Period) {
        #expect(ApprovedCreditGrade.previousHalfYearEnd(of: quarter) == expected)
    }

    static let assessedByQuarter: [Period: [String: CreditGrade]] = [
        .quarter(year: 2025, quarter: 4): ["X": .three, "Y": .one],
        .quarter(year: 2026, quarter: 1): ["X": .one, "Y": .two, "Z": .two],
        .quarter(year: 2026, quarter: 2): ["X": .two],
        .quarter(year: 2026, quarter: 3): ["X": .one, "W": .three],
    ]

    @Test(arguments: [
        // Q1: the Q4 before, Z falls back to Q1's own.
        (1, ["X": CreditGrade.three, "Y": .one, "Z": .two]),
        // Q2: its own assessed grades.
        (2, ["X": .two]),
        // Q3: Q2's, W falls back to Q3's own.
        (3, ["X": .two, "W": .three]),
        // Q4: its own, none assessed.
        (4, [:]),
    ])
    func approvedGradeForEachQuarter(quarter: Int, expected: [String: CreditGrade]) {
        let approved = ApprovedCreditGrade.grades(for: .quarter(year: 2026, quarter: quarter)) { Self.assessedByQuarter[$0] ?? [:] }
        #expect(approved == expected)
    }

    @Test func approvedGradeChangeNeedsBothGrades() {
        let changes = ApprovedGradeChange.changes(previous: ["A": .one, "B": .two, "C": .three],
                                                  current: ["A": .one, "B": .three, "D": .two], name: { "名\($0)" })
        #expect(changes == [ApprovedGradeChange(customerID: "B", customerName: "名B", previous: .two, current: .three)])
    }

    @Test(arguments: [
        (ym(2026, 6), Cadence.monthly, ym(2026, 5)),
        (ym(2026, 6), .quarterly, ym(2026, 3)),     // June 21 proposal for Q3 uses March
        (ym(2026, 9), .quarterly, ym(2026, 6)),
        (ym(2026, 12), .quarterly, ym(2026, 9)),
        (ym(2026, 3), .quarterly, ym(2025, 12)),
        (ym(2026, 3), .monthly, ym(2026, 2)),
        (ym(2025, 12), .monthly, ym(2025, 11)),
    ])
    func proposalBasisMonth(proposalMonth: YearMonth, cadence: Cadence, expected: YearMonth) {
        #expect(ProposalBasisMonth.of(proposalMonth: proposalMonth, cadence: cadence) == expected)
    }

    @Test func proposalMonthIsTheLastMonthOfThePreviousQuarter() {
        #expect(ProposalBasisMonth.proposalMonth(for: .quarter(year: 2026, quarter: 3)) == Self.ym(2026, 6))
        #expect(ProposalBasisMonth.proposalMonth(for: .quarter(year: 2027, quarter: 1)) == Self.ym(2026, 12))
    }

    @Test(arguments: [
        // (ttm fen, cover, factor, round_to fen, expected fen)
        (Fen(860_000_000), Int64(200), Int64(90), Fen(1_000_000), Fen(129_000_000)),   // 8,600,000.00 × 2.0 × 0.9 / 12 = 1,290,000.00
        (860_000_000, 50, 120, 1_000_000, 43_000_000),                                  // × 0.5 × 1.2 = 430,000.00
        (120_000_000, 100, 100, 1_000_000, 10_000_000),                                 // exactly 100,000.00: no step added
        (120_000_001, 100, 100, 1_000_000, 11_000_000),                                 // one fen over: rounded up a whole step
        (1, 100, 100, 1_000_000, 1_000_000),                                            // any positive ttm rounds up to a step
        (0, 200, 120, 1_000_000, 0),                                                    // ttm 0 → 0
        (-5_000_000, 200, 120, 1_000_000, 0),                                           // ttm < 0 → 0
        (1_200_000, 200, 120, 10_000, 240_000),                                         // 12,000 × 2.0 × 1.2 / 12 = 2,400.00
        (1_000_000, 100, 80, 1, 66_667),                                                // round_to 1 fen: 66,666.67 → up
    ])
    func proposedLimitIsExact(ttm: Fen, cover: Int64, factor: Int64, roundTo: Fen, expected: Fen) throws {
        #expect(try ProposedLimit.of(ttm: ttm, coverHundredths: cover, factorHundredths: factor, roundTo: roundTo) == expected)
    }

    @Test func proposedLimitOfAHugeTTMDoesNotTrap() throws {
        #expect(try ProposedLimit.of(ttm: 4_000_000_000_000_000, coverHundredths: 200, factorHundredths: 120, roundTo: 1_000_000) > 0)
    }

    @Test func latestApprovedGradeAtTheBasisMonth() {
        let approved: [Period: [String: CreditGrade]] = [
            .quarter(year: 2025, quarter: 4): ["X": .three],
            .quarter(year: 2026, quarter: 1): ["Y": .one],
            .quarter(year: 2026, quarter: 2): ["X": .one],
        ]
        let earliest = Period.quarter(year: 2025, quarter: 1)
        func at(_ b: YearMonth, _ c: String) -> CreditGrade {
            LatestApprovedGrade.at(basisMonth: b, customer: c, earliest: earliest) { approved[$0] ?? [:] }
        }
        #expect(at(Self.ym(2026, 5), "X") == .three)   // 2026Q2 ends in June, after May; Q1 lacks X; Q4 has 3
        #expect(at(Self.ym(2026, 5), "Y") == .one)
        #expect(at(Self.ym(2026, 5), "Z") == .two)     // none → 2
        #expect(at(Self.ym(2026, 6), "X") == .one)     // Q2 ends in June ≤ B
        #expect(at(Self.ym(2025, 11), "X") == .two)    // only quarters ending by Nov 2025
    }

    @Test func paymentTermsFromTheLatestSnapshotListingTheCustomer() {
        let snapshots: [Period: [String: ReceivableRecord]] = [
            .quarter(year: 2025, quarter: 4): ["X": ReceivableRecord(customerID: "X", receivable: 1, overdue: 0, collected: 0, paymentTerms: " 月结60 ")],
            .quarter(year: 2026, quarter: 1): ["Y": ReceivableRecord(customerID: "Y", receivable: 1, overdue: 0, collected: 0, paymentTerms: "现款")],
            .quarter(year: 2026, quarter: 2): ["X": ReceivableRecord(customerID: "X", receivable: 1, overdue: 0, collected: 0, paymentTerms: "现款")],
        ]
        #expect(PaymentTerms.at(basisMonth: Self.ym(2026, 3), customer: "X", receivables: snapshots) == "月结60")
        #expect(PaymentTerms.at(basisMonth: Self.ym(2026, 3), customer: "Y", receivables: snapshots) == "现款")
        #expect(PaymentTerms.at(basisMonth: Self.ym(2026, 6), customer: "X", receivables: snapshots) == "现款")
        #expect(PaymentTerms.at(basisMonth: Self.ym(2026, 6), customer: "Z", receivables: snapshots) == nil)
        let s = Self.defaults
        #expect(PaymentTerms.factorHundredths("月结60", settings: s) == 80)
        #expect(PaymentTerms.factorHundredths(" 承兑汇票", settings: s) == 90)
        #expect(PaymentTerms.factorHundredths("赊销", settings: s) == 100)
        #expect(PaymentTerms.factorHundredths("", settings: s) == 100)
        #expect(PaymentTerms.factorHundredths(nil, settings: s) == 100)
    }

    @Test func approvalsArePerCustomer() {
        let approvals = ["X": ApprovalRecord(customerID: "X", approvedLimit: 500), "Z": ApprovalRecord(customerID: "Z", approvedLimit: 0)]
        #expect(EffectiveLimit.of(customer: "X", approvals: approvals) { 200 } == EffectiveLimit(amount: 500, source: .approved))
        #expect(EffectiveLimit.of(customer: "Y", approvals: approvals) { 200 } == EffectiveLimit(amount: 200, source: .proposed))
        #expect(EffectiveLimit.of(customer: "X", approvals: nil) { 200 } == EffectiveLimit(amount: 200, source: .proposed))
        let zero = EffectiveLimit.of(customer: "Z", approvals: approvals) { 200 }
        #expect(zero.amount == 0 && zero.shownSource == nil)
        #expect(EffectiveLimit(amount: 1, source: .proposed).shownSource == .proposed)
    }

    @Test(arguments: [
        // (receivable, limit, utilisation, status); warn at 0.90.
        (Fen(1001) as Fen?, Fen(1000), 1.001 as Double?, CreditStatus.over),
        (1000, 1000, 1.0, .warning),            // equal to the limit is not over
        (900, 1000, 0.9, .warning),
        (899, 1000, 0.899, .normal),
        (0, 1000, 0.0, .normal),
        (-100, 1000, -0.1, .normal),            // negative receivable: negative utilisation, 正常
        (100, 0, nil, .noLimit),
        (0, 0, nil, .normal),
        (-5, 0, nil, .normal),
        (nil, 1000, nil, .notSubmitted),
    ])
    func utilisationAndStatus(receivable: Fen?, limit: Fen, utilisation: Double?, status: CreditStatus) {
        #expect(CreditUtilisation.of(receivable: receivable, limit: limit) == utilisation)
        #expect(CreditStatus.of(receivable: receivable, limit: limit, settings: Self.defaults) == status)
    }
}
