import Foundation
import KamPolicy
import Testing
@testable import KamReports

/// Writes the three consolidated workbooks from hand-built inputs and reads them back with
/// openpyxl (check_consolidated.py), which compares against figures computed by hand there.
@Suite(.serialized) struct ConsolidatedWorkbookTests {
    static let checker = PythonChecker.script("check_consolidated.py")

    static func ym(_ y: Int, _ m: Int) -> YearMonth { YearMonth(year: y, month: m) }

    static func history(_ sales: [String: (name: String, months: [(YearMonth, Fen)])]) -> SalesHistory {
        var h = SalesHistory()
        for (id, entry) in sales {
            var byMonth: [YearMonth: CustomerMonthFigures] = [:]
            for (m, amount) in entry.months {
                byMonth[m] = CustomerMonthFigures(sales: amount, cost: 0, nonZeroLines: amount != 0 ? 1 : 0, lines: 1,
                                                  latestName: entry.name, latestNameRecency: LineRecency(date: 0, sequence: 1))
                h.costKnownByMonth[m] = true
            }
            h.customers[id] = byMonth
        }
        return h
    }

    static let sa01 = Subsidiary(code: "SA01", name: "华东化工有限公司", lineCode: "chem")
    static let sa02 = Subsidiary(code: "SA02", name: "华南化工有限公司", lineCode: "chem")
    static let q3: Period = .quarter(year: 2026, quarter: 3)
    static let formulaName = "=HYPERLINK(\"http://x\",\"y\")"

    static func time(_ text: String) throws -> LocalDateTime { try #require(LocalDateTime(parsing: text)) }

    static func context(_ job: JobKind, owner: String, period: Period) throws -> ReportContext {
        ReportContext(job: job, ownerTitle: owner, period: period, fireTime: try time("2026-10-08T07:00"),
                      createdUnix: 1_790_000_000, revision: 1, revisionReason: "首次生成",
                      inputs: [.init(fileName: "sales_2026Q3.csv", kind: "sales", period: "2026Q3", received: "2026-10-03 10:00",
                                     sha256: "ab12")],
                      notes: [], company: "测试集团")
    }

    func folder() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-consolidated-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func writeLineSummary(to dir: URL) throws {
        let sa01 = try SalesReport(period: Self.q3, history: Self.history([
            "A1": (Self.formulaName, [(Self.ym(2026, 9), 123_456), (Self.ym(2026, 6), 100_000), (Self.ym(2025, 9), 50_000)]),
            "A2": ("乙公司", [(Self.ym(2026, 8), 23_456)]),
        ]), settings: PolicySettings())
        let sa02 = try SalesReport(period: Self.q3, history: Self.history([
            "00123": ("丙公司", [(Self.ym(2026, 7), 123_456), (Self.ym(2025, 7), 200_000)]),
        ]), settings: PolicySettings())
        let summary = try LineSummary(line: BusinessLine(code: "chem", name: "化工", cadence: .quarterly), period: Self.q3, subsidiaries: [
            LineSubsidiaryInput(subsidiary: Self.sa01, report: sa01, submission: .onTime(received: try Self.time("2026-10-03T10:00")),
                                salesReportRevision: 1),
            LineSubsidiaryInput(subsidiary: Self.sa02, report: sa02, submission: .late(received: try Self.time("2026-10-07T09:30")),
                                salesReportRevision: 1, creditWarnings: [
                                    SubsidiaryCreditWarning(subsidiaryCode: "SA02", customerID: "00123", customerName: "丙公司",
                                                            receivable: 15_000_000, effectiveLimit: 10_000_000,
                                                            isLimitApproved: false, utilisation: 1.5, level: .overLimit),
                                ]),
        ], settings: PolicySettings())
        var own = [try SubsidiaryReportTotals(subsidiaryCode: "SA01", revision: 1, report: sa01),
                   try SubsidiaryReportTotals(subsidiaryCode: "SA02", revision: 1, report: sa02)]
        own[1].sales -= 1   // a deliberately different figure: the 概览 must say so
        let reconciliation = Reconciliation(summary: summary, subsidiaryTotals: own)
        try LineSummaryWorkbook.write(summary, reconciliation: reconciliation,
                                      context: try Self.context(.lineSummary, owner: "化工", period: Self.q3),
                                      to: dir.appendingPathComponent("line.xlsx").path)
    }

    /// The pharma line for September 2026: a monthly P has no credit report, so no 资信预警 sheet;
    /// its only subsidiary never sent its sales file.
    func writeMonthlyLineSummary(to dir: URL) throws {
        let month: Period = .month(Self.ym(2026, 9))
        let yy = Subsidiary(code: "YY01", name: "医药一公司", lineCode: "pharma")
        let report = try SalesReport(period: month, history: SalesHistory(), settings: PolicySettings())
        let summary = try LineSummary(line: BusinessLine(code: "pharma", name: "医药", cadence: .monthly), period: month,
                                  subsidiaries: [LineSubsidiaryInput(subsidiary: yy, report: report, submission: .missing)],
                                  settings: PolicySettings())
        let reconciliation = Reconciliation(summary: summary, subsidiaryTotals: [try SubsidiaryReportTotals(subsidiaryCode: "YY01", report: report)])
        try LineSummaryWorkbook.write(summary, reconciliation: reconciliation,
                                      context: try Self.context(.lineSummary, owner: "医药", period: month),
                                      to: dir.appendingPathComponent("line_monthly.xlsx").path)
    }

    func writeHQ(to dir: URL) throws {
        func v(_ id: String, _ grade: CustomerGrade, _ actual: Int, _ required: Int) -> CustomerVisitCompliance {
            CustomerVisitCompliance(customerID: id, customerName: "客户\(id)", grade: grade, required: required, actual: actual,
                                    isCompliant: actual >= required)
        }
        // Q4's limits, proposed 2026-09-21, due by the end of 2026-09-24: SA01's came at midnight after (逾期批复).
        func approval(received: String?) throws -> ApprovalTimeliness {
            let at = try received.map { try Self.time($0) }
            return ApprovalTimeliness(quarter: Self.q3.shifted(by: 1), proposalDate: LocalDate(year: 2026, month: 9, day: 21) ?? LocalDate(daysSinceEpoch: 0),
                                      approvalDays: 3, firstReceived: at == nil ? nil : 1, localTime: { _ in at ?? LocalDateTime(date: LocalDate(daysSinceEpoch: 0), time: .midnight) })
        }
        let hq = HQQuarterly(quarter: Self.q3, subsidiaries: [
            HQSubsidiaryInput(subsidiary: Self.sa01, lineName: "化工",
                              files: SubsidiaryFileFigures(hasSnapshot: true, records: 40, newRecords: 3, removedRecords: 1,
                                                           changedRecords: 5, completeness: 0.875, invalidCreditCodes: 2,
                                                           customersWithoutFile: 4),
                              visits: SubsidiaryVisitFigures(hasVisits: true, customers: [
                                  v("a2", .a, 1, 3), v("a1", .a, 3, 3), v("b1", .b, 1, 2), v("b2", .b, 2, 2), v("c1", .c, 1, 1),
                              ]),
                              hasAcceptedApprovals: true, submissions: [
                                  InputSubmission(kind: "customers", period: Self.q3, status: .onTime(received: try Self.time("2026-10-02T08:15"))),
                                  InputSubmission(kind: "visits", period: Self.q3, status: .late(received: try Self.time("2026-10-11T16:00"))),
                              ], nextQuarterApproval: try approval(received: "2026-09-25T00:00")),
            HQSubsidiaryInput(subsidiary: Self.sa02, lineName: "化工", files: .missing,
                              visits: SubsidiaryVisitFigures(hasVisits: false, customers: []),
                              hasAcceptedApprovals: false, submissions: [
                                  InputSubmission(kind: "customers", period: Self.q3, status: .missing),
                                  InputSubmission(kind: "approvals", period: Self.q3, status: .missing),
                              ], nextQuarterApproval: try approval(received: nil)),
        ])
        try HQQuarterlyWorkbook.write(hq, context: try Self.context(.hqQuarterly, owner: "集团", period: Self.q3),
                                      to: dir.appendingPathComponent("hq.xlsx").path)
    }

    func writeReview(to dir: URL) throws {
        let review = try KeyAccountReview(year: 2026, subsidiaries: [
            KeyAccountReviewInput(subsidiary: Self.sa01, lineName: "化工", history: Self.history([
                // 2026 1,100,000.00 over 2025 1,000,000.00: +10%, grade 2 → 加强.
                "K1": ("甲大客户", [(Self.ym(2026, 3), 110_000_000), (Self.ym(2025, 3), 100_000_000)]),
                // 2026 1,400,000.00 over 2025 2,000,000.00: −30%, grade 3 → 终止.
                "K2": (Self.formulaName, [(Self.ym(2026, 5), 140_000_000), (Self.ym(2025, 5), 200_000_000)]),
                // 900,000.00 in 2026, none in 2025: below 1,000,000 but 900/3,400 = 26% of the ttm profit: key.
                "K3": ("丙客户", [(Self.ym(2026, 8), 90_000_000)]),
            ]), approvedCreditGrades: ["K1": 2, "K2": 3], visitCompliance: [
                "K1": YearVisitCompliance(quarters: [true, true, true, false]),
            ]),
        ], settings: PolicySettings())
        try KeyAccountReviewWorkbook.write(review, context: try Self.context(.keyAccountReview, owner: "集团", period: .year(2026)),
                                           to: dir.appendingPathComponent("review.xlsx").path)
    }

    @Test func workbooksReadBackWithHandComputedFigures() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeLineSummary(to: dir)
        try writeMonthlyLineSummary(to: dir)
        try writeHQ(to: dir)
        try writeReview(to: dir)

        let (status, text) = try PythonChecker.run(Self.checker, on: dir)
        #expect(status == 0, "\(text)")
        #expect(text.contains("ok"))
    }

    @Test func statementCountsConsistentSubsidiaries() throws {
        #expect(LineSummaryWorkbook.statement(Reconciliation(summary: try LineSummary(
            line: BusinessLine(code: "chem", name: "化工", cadence: .quarterly), period: Self.q3, subsidiaries: [],
            settings: PolicySettings()), subsidiaryTotals: [])) == "分公司合计与各公司客户销售报表一致 (0/0)")
    }
}
