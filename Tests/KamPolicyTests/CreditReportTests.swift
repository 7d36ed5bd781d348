import Testing
@testable import KamPolicy

/// A quarterly subsidiary's 客户资信报表 for 2026Q2 (a half-year end) and its proposals, every
/// figure computed by hand in the comments. Amounts are fen.
@Suite struct CreditReportTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static func q(_ y: Int, _ n: Int) -> Period { .quarter(year: y, quarter: n) }
    static func sale(_ amount: Fen, name: String = "", date: Int = 0) -> CustomerMonthFigures {
        CustomerMonthFigures(sales: amount, cost: 0, nonZeroLines: amount != 0 ? 1 : 0, lines: 1, latestName: name,
                             latestNameRecency: LineRecency(date: date, sequence: 1))
    }
    static func rec(_ id: String, _ receivable: Fen, overdue: Fen = 0, collected: Fen = 0, terms: String = "") -> ReceivableRecord {
        ReceivableRecord(customerID: id, receivable: receivable, overdue: overdue, collected: collected, paymentTerms: terms)
    }

    static let history = SalesHistory(costKnownByMonth: [:], customers: [
        "C1": [ym(2026, 4): sale(100_000, name: "甲公司", date: 20260410)],
        "C2": [ym(2025, 6): sale(1_200_000, name: "乙公司", date: 20250615)],
        "C7": [ym(2026, 5): sale(20_000, name: "庚公司", date: 20260520)],
    ])

    static let receivables: [Period: [ReceivableRecord]] = [
        // 2025Q4 (no 2025Q3, so opening 0; no Q4 sales): C1, C2 rate blank, ratio 0 → grade 1.
        q(2025, 4): [rec("C1", 10_000, terms: "月结30"), rec("C2", 20_000, terms: " 现款 ")],
        // 2026Q1: Q2's opening balances.
        q(2026, 1): [rec("C1", 40_000), rec("C2", 100_000), rec("C4", 5_000), rec("C5", 0)],
        q(2026, 2): [rec("C1", 95_000, overdue: 3_800, collected: 90_000, terms: "月结30"),
                     rec("C2", 300_000, overdue: 90_000, collected: 10_000),
                     rec("C3", 0), rec("C6", -10_000), rec("C8", 5_000)],
    ]

    static var settings: PolicySettings {
        var s = PolicySettings()
        s.credit.roundTo = 10_000
        return s
    }

    static let inputs = CreditInputs(
        history: history, receivables: receivables,
        approvals: [q(2026, 2): [ApprovalRecord(customerID: "C1", approvedLimit: 100_000),
                                 ApprovalRecord(customerID: "C6", approvedLimit: 100_000)]],
        customerFiles: [q(2026, 2): [CustomerFileRecord(customerID: "C3", fields: ["customer_name": "丙公司"])]],
        settings: settings, cadence: .quarterly)

    let report: CreditReport

    init() throws { report = try CreditReport(quarter: Self.q(2026, 2), inputs: Self.inputs) }
    func row(_ id: String) -> CreditReportRow? { report.rows.first { $0.customerID == id } }

    @Test func rowsAreSnapshotOpeningAndSalesCustomers() {
        // Q2 snapshot C1 C2 C3 C6 C8; non-zero opening C1 C2 C4 (C5's is 0); Q2 sales C1 C7.
        #expect(report.rows.map(\.customerID) == ["C1", "C2", "C3", "C4", "C6", "C7", "C8"])
        #expect(row("C4")?.figures.receivable == 0)
        #expect(row("C4")?.figures.collected == 0)
        #expect(!report.isReceivablesMissing)
    }

    @Test func figuresAndAssessedGrades() throws {
        // C1: rate 90,000 / (40,000 + 100,000) = 0.642857…; ratio 3,800 / 95,000 = 0.04 → 2.
        let c1 = try #require(row("C1")?.figures)
        #expect(c1.opening == 40_000 && c1.sales == 100_000 && c1.collected == 90_000)
        #expect(abs((c1.collectionRate ?? 0) - 90_000.0 / 140_000.0) < 1e-15)
        #expect(c1.overdueRatio == 0.04)
        #expect(c1.assessedGrade == .two)
        // C2: rate 10,000 / 100,000 = 0.1 → 3; ratio 0.3.
        #expect(row("C2")?.figures.collectionRate == 0.1)
        #expect(row("C2")?.figures.overdueRatio == 0.3)
        #expect(report.rows.map(\.figures.assessedGrade) == [.two, .three, nil, .three, .one, .three, .one])
        // C3 all zero: blank rate, ratio 0. C6 negative balance: rate blank, ratio 0 → 1.
        #expect(row("C3")?.figures.collectionRate == nil)
        #expect(row("C6")?.figures.overdueRatio == 0)
    }

    @Test func namesFromSalesElseCustomerFile() {
        #expect(row("C1")?.customerName == "甲公司")
        #expect(row("C2")?.customerName == "乙公司")     // a line from 2025 still names it
        #expect(row("C3")?.customerName == "丙公司")     // no sales: the customer file
        #expect(row("C4")?.customerName == "")
    }

    @Test func limitsUtilisationAndStatus() {
        // C1 approved 100,000: 95,000 → 0.95 预警.
        #expect(row("C1")?.limit == EffectiveLimit(amount: 100_000, source: .approved))
        #expect(row("C1")?.utilisation == 0.95)
        #expect(row("C1")?.status == .warning)
        // C2 proposal for Q2: proposed in March, quarterly B = 2025-12; ttm 2025-01..12 = 1,200,000;
        // grade 1 (approved 2025Q4); terms 现款 (trimmed) 1.2 → 1,200,000 × 2.0 × 1.2 / 12 = 240,000.
        #expect(row("C2")?.limit == EffectiveLimit(amount: 240_000, source: .proposed))
        #expect(row("C2")?.utilisation == 1.25)
        #expect(row("C2")?.status == .over)
        // C3: proposal 0 (no ttm), receivable 0 → 正常, no utilisation, source blank.
        #expect(row("C3")?.limit.amount == 0)
        #expect(row("C3")?.limit.shownSource == nil)
        #expect(row("C3")?.utilisation == nil)
        #expect(row("C3")?.status == .normal)
        // C6 approved 100,000, receivable −10,000 → −0.1, 正常.
        #expect(row("C6")?.utilisation == -0.1)
        #expect(row("C6")?.status == .normal)
        // C8 receivable 5,000, limit 0 → 无额度.
        #expect(row("C8")?.status == .noLimit)
        #expect(report.overLimitAndWarnings.map(\.customerID) == ["C2", "C1"])
    }

    @Test func approvedGradesAndHalfYearChanges() {
        // Q2: approved = assessed. Previous half-year end 2025Q4: C1 1, C2 1.
        #expect(report.rows.map(\.approvedGrade) == [.two, .three, nil, .three, .one, .three, .one])
        #expect(report.approvedGradeChanges == [
            ApprovedGradeChange(customerID: "C1", customerName: "甲公司", previous: .one, current: .two),
            ApprovedGradeChange(customerID: "C2", customerName: "乙公司", previous: .one, current: .three),
        ])
    }

    @Test func q3WithoutReceivablesIsMissingNotZero() throws {
        let r = try CreditReport(quarter: Self.q(2026, 3), inputs: Self.inputs)
        #expect(r.isReceivablesMissing)
        // Rows: non-zero opening balances of Q2's snapshot (C1 C2 C6 C8); no Q3 sales.
        #expect(r.rows.map(\.customerID) == ["C1", "C2", "C6", "C8"])
        #expect(r.rows.allSatisfy { $0.figures.assessedGrade == nil && $0.figures.collected == nil && $0.figures.receivable == nil
                && $0.figures.overdue == nil && $0.figures.collectionRate == nil && $0.figures.overdueRatio == nil
                && $0.utilisation == nil && $0.status == .notSubmitted })
        #expect(r.rows.map(\.figures.opening) == [95_000, 300_000, -10_000, 5_000])
        // Q3's approved grade is Q2's assessed grade (re-determined each half year), missing file or not.
        #expect(r.rows.map(\.approvedGrade) == [.two, .three, .one, .one])
        #expect(r.approvedGradeChanges.isEmpty)       // Q3 lists none
        #expect(try r.totalReceivable == nil)
        #expect(r.warnings.contains { $0.contains("2026Q3") && $0.contains("receivables") })
    }

    @Test func everyAssessedGradeBlankWhenQ2FileMissing() throws {
        var receivables = Self.receivables
        receivables[Self.q(2026, 2)] = nil
        let inputs = CreditInputs(history: Self.history, receivables: receivables, settings: Self.settings, cadence: .quarterly)
        let r = try CreditReport(quarter: Self.q(2026, 2), inputs: inputs)
        #expect(r.rows.map(\.customerID) == ["C1", "C2", "C4", "C7"])
        #expect(r.rows.allSatisfy { $0.figures.assessedGrade == nil && $0.approvedGrade == nil && $0.status == .notSubmitted })
        #expect(r.approvedGradeChanges.isEmpty)
    }
}

/// 资信额度申请表: both cadences, the exact limit of SPEC §8 and the approval deadline.
@Suite struct CreditLimitProposalTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }

    static func inputs(_ cadence: Cadence) -> CreditInputs {
        // K: 8,600,000.00 in June 2025 (inside both windows); approved grade 1 from 2025Q4
        // (opening 0, no sales, receivable 10,000 not overdue); terms 承兑汇票 0.9.
        // L: in the 2025Q4 snapshot only, no sales: ttm 0 → limit 0, grade 1 as well.
        // M: sales only in April 2026 → inside the monthly window (Jun 2025–May 2026), outside the
        // quarterly one (Apr 2025–Mar 2026): 1,200,000.00 × 1.0 (grade 2: none) × 1.0 / 12 = 100,000.00.
        CreditInputs(
            history: SalesHistory(customers: [
                "K": [ym(2025, 6): CreditReportTests.sale(860_000_000, name: "大客户K", date: 20250601)],
                "M": [ym(2026, 4): CreditReportTests.sale(120_000_000, name: "M公司", date: 20260401)],
            ]),
            receivables: [.quarter(year: 2025, quarter: 4): [CreditReportTests.rec("K", 1_000_000, terms: "承兑汇票"),
                                                            CreditReportTests.rec("L", 500)]],
            settings: PolicySettings(), cadence: cadence)
    }

    @Test func quarterlyLineUsesMarchForQ3() throws {
        let p = try CreditLimitProposal(quarter: .quarter(year: 2026, quarter: 3), inputs: Self.inputs(.quarterly))
        #expect(p.basisMonth == Self.ym(2026, 3))
        #expect(p.proposalDate == LocalDate(year: 2026, month: 6, day: 21))
        #expect(p.approvalDeadline == LocalDate(year: 2026, month: 6, day: 24))
        #expect(p.rows.map(\.customerID) == ["K", "L"])
        #expect(p.rows.first?.limit == 129_000_000)          // 1,290,000.00 exactly
        #expect(p.rows.first?.grade == .one)
        #expect(p.rows.first?.paymentTerms == "承兑汇票")
        #expect(p.rows.first?.customerName == "大客户K")
        #expect(p.rows.last?.limit == 0)
    }

    @Test func monthlyLineUsesTheMonthBefore() throws {
        let p = try CreditLimitProposal(quarter: .quarter(year: 2026, quarter: 3), inputs: Self.inputs(.monthly), proposalDay: 31)
        #expect(p.basisMonth == Self.ym(2026, 5))
        #expect(p.proposalDate == LocalDate(year: 2026, month: 6, day: 30))   // clamped to June's length
        #expect(p.approvalDeadline == LocalDate(year: 2026, month: 7, day: 3))
        // ttm ≠ 0 at May 2026: K, M; the latest snapshot ≤ May 2026 (2025Q4) adds L.
        #expect(p.rows.map(\.customerID) == ["K", "L", "M"])
        #expect(p.rows.first { $0.customerID == "M" }?.limit == 10_000_000)
        #expect(p.rows.first { $0.customerID == "M" }?.grade == .two)
        #expect(p.rows.first { $0.customerID == "K" }?.limit == 129_000_000)
    }
}

extension CreditReportTests {
    @Test func convenienceInitialiserGivesTheSameReport() throws {
        let i = Self.inputs
        let direct = try CreditReport(quarter: Self.q(2026, 2), history: i.history,
                                  receivables: Self.receivables,
                                  approvals: [Self.q(2026, 2): [ApprovalRecord(customerID: "C1", approvedLimit: 100_000),
                                                                ApprovalRecord(customerID: "C6", approvedLimit: 100_000)]],
                                  customerFiles: [Self.q(2026, 2): [CustomerFileRecord(customerID: "C3", fields: ["customer_name": "丙公司"])]],
                                  settings: Self.settings, cadence: .quarterly)
        #expect(direct.rows == report.rows)
        #expect(direct.approvedGradeChanges == report.approvedGradeChanges)
    }

    /// Snapshots keyed beforehand (what a run hands every credit workbook of a subsidiary) give
    /// the same inputs and report; a customer listed twice keeps its last record either way.
    @Test func keyedSnapshotsGiveTheSameReport() throws {
        let twice = [Self.rec("C1", 1_000), Self.rec("C2", 5), Self.rec("C1", 2_000)]
        #expect(CreditInputs.keyedByCustomer(twice, id: \.customerID)["C1"]?.receivable == 2_000)
        var receivables = Self.receivables
        receivables[Self.q(2026, 1)] = twice
        let i = Self.inputs
        let arrays = CreditInputs(history: i.history, receivables: receivables,
                                  approvals: i.approvals.mapValues { Array($0.values) },
                                  customerFiles: i.customerFiles.mapValues { Array($0.values) }, settings: Self.settings, cadence: .quarterly)
        let keyed = CreditInputs(history: i.history,
                                 keyedReceivables: receivables.mapValues { CreditInputs.keyedByCustomer($0, id: \.customerID) },
                                 keyedApprovals: i.approvals, keyedCustomerFiles: i.customerFiles, settings: Self.settings, cadence: .quarterly)
        #expect(keyed.receivables == arrays.receivables && keyed.approvals == arrays.approvals)
        #expect(keyed.customerFiles == arrays.customerFiles)
        #expect(keyed.receivables[Self.q(2026, 1)]?["C1"]?.receivable == 2_000)
        let (a, b) = (try CreditReport(quarter: Self.q(2026, 2), inputs: arrays), try CreditReport(quarter: Self.q(2026, 2), inputs: keyed))
        #expect(a.rows == b.rows && a.approvedGradeChanges == b.approvedGradeChanges && a.warnings == b.warnings)
    }
}

/// 超限预警's order (issue 16 item 5): the largest excess first, whatever the customer_id.
@Suite struct OverLimitOrderTests {
    @Test func overLimitRowsAreOrderedByTheirExcess() throws {
        var inputs = CreditReportTests.inputs
        let q2 = Period.quarter(year: 2026, quarter: 2)
        // C8: receivable 500,000 fen against an approved 100,000 → excess 400,000, more than C2's.
        inputs.receivables[q2]?["C8"] = ReceivableRecord(customerID: "C8", receivable: 500_000, overdue: 0, collected: 0, paymentTerms: "")
        inputs.approvals[q2]?["C8"] = ApprovalRecord(customerID: "C8", approvedLimit: 100_000)
        let report = try CreditReport(quarter: q2, inputs: inputs)
        let over = report.overLimitAndWarnings.filter { $0.status == .over }
        #expect(over.map(\.customerID) == ["C8", "C2"], "\(over.map(\.customerID))")
        #expect(over.first?.excess == 400_000)
        #expect(report.overLimitAndWarnings.filter { $0.status != .over }.allSatisfy { $0.excess == nil })
    }
}
