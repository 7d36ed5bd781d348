import Testing
@testable import KamPolicy

/// The adapters from the subsidiary tier's credit, visit and file reports to the consolidation
/// inputs, on one hand-made subsidiary (fen).
///
/// Sales: A1 8,000, B1 1,500, C1 500 in May and again in August 2026: grades A, B (.80), C (.95)
/// at Q2 and Q3. Q3 receivables (collected = Q3 sales, so collection 100%, no overdue → grade 1):
/// A1 1,100, B1 950, C1 100 against approved limits of 1,000: A1 超限, B1 预警 (95%), C1 正常.
@Suite struct ConsolidationAdapterTests {
    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }
    static func q(_ n: Int) -> Period { .quarter(year: 2026, quarter: n) }
    static func sale(_ amount: Fen, _ name: String) -> CustomerMonthFigures {
        CustomerMonthFigures(sales: amount, cost: 0, nonZeroLines: 1, lines: 1, latestName: name,
                             latestNameRecency: LineRecency(date: 0, sequence: 1))
    }
    static func visit(_ id: String, _ month: Int, _ role: VisitorRole = .representative) -> VisitRecord {
        VisitRecord(date: LocalDate(year: 2026, month: month, day: 10) ?? LocalDate(daysSinceEpoch: 0), customerID: id,
                    visitor: "张三", role: role)
    }

    static let history = SalesHistory(customers: [
        "A1": [ym(2026, 5): sale(8_000, "甲"), ym(2026, 8): sale(8_000, "甲")],
        "B1": [ym(2026, 5): sale(1_500, "乙"), ym(2026, 8): sale(1_500, "乙")],
        "C1": [ym(2026, 5): sale(500, "丙"), ym(2026, 8): sale(500, "丙")],
    ])
    static let credit = CreditInputs(
        history: history,
        receivables: [q(3): [ReceivableRecord(customerID: "A1", receivable: 1_100, overdue: 0, collected: 8_000),
                             ReceivableRecord(customerID: "B1", receivable: 950, overdue: 0, collected: 1_500),
                             ReceivableRecord(customerID: "C1", receivable: 100, overdue: 0, collected: 500)]],
        approvals: [q(3): [ApprovalRecord(customerID: "A1", approvedLimit: 1_000), ApprovalRecord(customerID: "B1", approvedLimit: 1_000),
                           ApprovalRecord(customerID: "C1", approvedLimit: 1_000)]],
        settings: PolicySettings(), cadence: .quarterly)

    // Q2: A1 3 visits (达标), B1 none (未达标), C1 1 (达标). Q3: A1 1 of 3, B1 2 of 2, C1 1 of 1.
    static let visits: [Period: [VisitRecord]] = [
        q(2): [visit("A1", 4), visit("A1", 5), visit("A1", 6, .leader), visit("C1", 5)],
        q(3): [visit("A1", 7), visit("B1", 8), visit("B1", 9, .manager), visit("C1", 9)],
    ]

    @Test func creditWarningsAreTheReportsOverLimitAndWarningRows() throws {
        let report = try CreditReport(quarter: Self.q(3), inputs: Self.credit)
        #expect(SubsidiaryCreditWarning.warnings(of: report, subsidiaryCode: "HG01") == [
            SubsidiaryCreditWarning(subsidiaryCode: "HG01", customerID: "A1", customerName: "甲", receivable: 1_100,
                                    effectiveLimit: 1_000, isLimitApproved: true, utilisation: 1.1, level: .overLimit),
            SubsidiaryCreditWarning(subsidiaryCode: "HG01", customerID: "B1", customerName: "乙", receivable: 950,
                                    effectiveLimit: 1_000, isLimitApproved: true, utilisation: 0.95, level: .warning),
        ])
    }

    @Test func visitFiguresKeepTheReportsVerdicts() throws {
        let figures = SubsidiaryVisitFigures(report: try VisitReport(quarter: Self.q(3), visits: Self.visits, credit: Self.credit))
        #expect(figures.hasVisits)
        #expect(figures.customers.map(\.customerID) == ["A1", "B1", "C1"])
        #expect(figures.customers.map(\.required) == [3, 2, 1])
        #expect([figures.complianceShare(of: .a), figures.complianceShare(of: .b), figures.complianceShare(of: .c)] == [0, 1, 1])
        #expect(figures.aCustomersNotCompliant.map(\.customerID) == ["A1"])
    }

    @Test func missingVisitsAreUnknownNotFailed() throws {
        let figures = SubsidiaryVisitFigures(report: try VisitReport(quarter: Self.q(4), visits: Self.visits, credit: Self.credit))
        #expect(!figures.hasVisits)
        #expect(figures.complianceShare(of: .a) == nil)
        #expect(figures.aCustomersNotCompliant.isEmpty)
    }

    @Test func yearComplianceCountsQuartersWithAVisitsFile() throws {
        let reports = try [2, 3, 4].map { try VisitReport(quarter: Self.q($0), visits: Self.visits, credit: Self.credit) }
        // Q4 has no visits file and is left out: A1 Q2 yes Q3 no; B1 Q2 no Q3 yes; C1 both.
        #expect(YearVisitCompliance.byCustomer(reports: reports) == [
            "A1": YearVisitCompliance(quartersRequired: 2, quartersCompliant: 1),
            "B1": YearVisitCompliance(quartersRequired: 2, quartersCompliant: 1),
            "C1": YearVisitCompliance(quartersRequired: 2, quartersCompliant: 2),
        ])
    }

    @Test func fileFiguresRepeatTheMaintenanceCounts() throws {
        let files: [Period: [CustomerFileRecord]] = [
            Self.q(2): [CustomerFileRecord(customerID: "A1", fields: ["customer_name": "甲", "region": "华东"])],
            Self.q(3): [CustomerFileRecord(customerID: "A1", fields: ["customer_name": "甲", "region": "华南"]),
                        CustomerFileRecord(customerID: "B1", fields: ["customer_name": "乙", "credit_code": "bad"])],
        ]
        let figures = SubsidiaryFileFigures(report: try FileMaintenanceReport(quarter: Self.q(3), customerFiles: files,
                                                                          history: Self.history, settings: PolicySettings()))
        // B1 new, A1 changed (region), C1 sells without a file, B1's code fails; 4 of 2 × 7 fields filled.
        #expect(figures == SubsidiaryFileFigures(hasSnapshot: true, records: 2, newRecords: 1, removedRecords: 0, changedRecords: 1,
                                                 completeness: 4.0 / 14.0, invalidCreditCodes: 1, customersWithoutFile: 1))
        let missing = SubsidiaryFileFigures(report: try FileMaintenanceReport(quarter: Self.q(4), customerFiles: files,
                                                                          history: Self.history, settings: PolicySettings()))
        #expect(missing == .missing)
    }

    @Test func approvedGradesAsNumbers() throws {
        #expect(try ApprovedCreditGradeNumbers.of(Self.credit.approvedGrades(in: Self.q(3))) == ["A1": 1, "B1": 1, "C1": 1])
    }
}
