import Testing
@testable import KamPolicy

/// hq-quarterly's group credit view (SPEC §4.5, §4.6), on `CreditReportTests`' 2026Q2 report:
/// C1 sales 1,000.00 (100,000 fen) receivable 95,000; C7 sales 20,000 fen, no receivable row.
@Suite struct HQGroupCreditTests {
    static let q2 = Period.quarter(year: 2026, quarter: 2)

    @Test func countsAreTheCreditReportsAndBlankWhenReceivablesAreMissing() throws {
        let report = try CreditReport(quarter: Self.q2, inputs: CreditReportTests.inputs)
        let sub = Subsidiary(code: "HG01", name: "甲", lineCode: "chem")
        let c = HQGroupCredit.counts(subsidiary: sub, lineName: "化工", report: report)
        #expect(c.overLimit == report.rows.filter { $0.status == .over }.count)
        #expect(c.warning == report.rows.filter { $0.status == .warning }.count)
        #expect(c.noLimit == report.rows.filter { $0.status == .noLimit }.count)
        var noReceivables = CreditReportTests.inputs
        noReceivables.receivables[Self.q2] = nil
        let missing = HQGroupCredit.counts(subsidiary: sub, lineName: "化工",
                                           report: try CreditReport(quarter: Self.q2, inputs: noReceivables))
        #expect(missing.isReceivablesMissing && missing.overLimit == nil && missing.warning == nil && missing.noLimit == nil)
    }

    @Test func sharedRowsCarryEachSubsidiarysFiguresInGroupSalesOrder() throws {
        let report = try CreditReport(quarter: Self.q2, inputs: CreditReportTests.inputs)
        let entries = [
            // Code A: C7 at S1 (20,000) and C1 at S2 (100,000) → group 120,000.
            SharedCustomers.Entry(creditCode: "A", subsidiaryCode: "S1", customerID: "C7", customerName: "庚"),
            SharedCustomers.Entry(creditCode: "A", subsidiaryCode: "S2", customerID: "C1", customerName: "甲"),
            // Code B: C1 at S1 (100,000) and a customer S3 has no report for → group 100,000.
            SharedCustomers.Entry(creditCode: "B", subsidiaryCode: "S1", customerID: "C1", customerName: "甲"),
            SharedCustomers.Entry(creditCode: "B", subsidiaryCode: "S3", customerID: "X9", customerName: "无"),
        ]
        let rows = try HQGroupCredit.sharedRows(entries, reports: ["S1": report, "S2": report], names: ["S1": "一", "S2": "二"],
                                                quarter: Self.q2)
        #expect(rows.map { "\($0.creditCode) \($0.subsidiaryCode)" } == ["A S1", "A S2", "B S1", "B S3"])
        #expect(rows[1].sales == 100_000 && rows[1].receivable == 95_000 && rows[1].subsidiaryName == "二")
        #expect(rows[0].sales == 20_000 && rows[0].receivable == 0, "in the report, no receivable row: 0")
        #expect(rows[3].sales == 0 && rows[3].receivable == nil && rows[3].limit == nil, "no report for S3: unknown, not 0")
        let summary = try HQGroupCredit.summary(rows, quarter: Self.q2)
        #expect(summary.customers == 2 && summary.receivable == 95_000 + 95_000)
    }
}
