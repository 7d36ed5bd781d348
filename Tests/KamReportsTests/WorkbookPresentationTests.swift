import Foundation
import KamPolicy
import Testing
@testable import KamReports

/// Writes every workbook kind (reusing the other suites' hand-built inputs, plus a sales report
/// whose customer names look like formulas, phone numbers and mentions) and reads them back with
/// `check_presentation.py`: number formats, frozen header, autofilter range, conditional-format
/// ranges and colours, print setup, document properties, column widths against an independent
/// East-Asian-width count, the 概览 charts (found in the xlsx zip, since openpyxl drops charts)
/// with their series pointing at 概览 cells, and input text stored as plain strings.
@Suite(.serialized) struct WorkbookPresentationTests {
    static let checker = PythonChecker.script("check_presentation.py")
    /// Names that a spreadsheet would take for a formula, a number, or a mention if written
    /// through anything but `worksheet_write_string`.
    static let trickyNames = ["=HYPERLINK(\"http://x\",\"y\")", "+86 138 0000 0000", "-", "@SUM(A1)", "=1+1"]
    /// An owner title with the characters that header codes and sheet names treat specially.
    static let trickyOwner = "HG01 A&B[化工]/华东"

    static func salesReport() throws -> SalesReport {
        var sales: [String: (name: String, months: [(YearMonth, Fen)])] = [:]
        for (i, name) in trickyNames.enumerated() {
            sales["00\(i + 1)"] = (name, [(ConsolidatedWorkbookTests.ym(2026, 9), Fen(1_000_000 * (i + 1))),
                                          (ConsolidatedWorkbookTests.ym(2026, 6), 500_000),
                                          (ConsolidatedWorkbookTests.ym(2025, 9), 100_000)])
        }
        // A long CJK name (20 characters) and a big amount, to size columns by.
        sales["C100"] = ("上海浦东新区张江高科技园区精细化工股份有限公司", [(ConsolidatedWorkbookTests.ym(2026, 8), 123_456_789_050)])
        sales["C200"] = ("老客户", [(ConsolidatedWorkbookTests.ym(2025, 12), 900_000_000)])
        return try SalesReport(period: ConsolidatedWorkbookTests.q3, history: ConsolidatedWorkbookTests.history(sales),
                           settings: PolicySettings())
    }

    @Test func everyWorkbookKindIsPrintableFilteredAndCharted() throws {
        let keep = ProcessInfo.processInfo.environment["KAM_KEEP_WORKBOOKS"]
        let dir = keep.map { URL(fileURLWithPath: $0).appendingPathComponent("presentation") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kam-presentation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }

        let first = try ConsolidatedWorkbookTests.context(.salesReport, owner: Self.trickyOwner, period: ConsolidatedWorkbookTests.q3)
        // A second revision: 第2版 in the title and every page header, its reason under the title.
        let salesContext = ReportContext(job: first.job, ownerTitle: first.ownerTitle, period: first.period,
                                         fireTime: first.fireTime, createdUnix: first.createdUnix, revision: 2,
                                         revisionReason: "更正销售明细",
                                         // A whole SHA-256 on 数据来源: 64 characters, wider than a data column's cap.
                                         inputs: [.init(fileName: "HG01/sales_2026-09.csv", kind: "sales", period: "2026-09",
                                                        received: "2026-10-03 10:00", sha256: String(repeating: "0f", count: 32))],
                                         notes: first.notes,
                                         company: first.company)
        try SalesReportWorkbook.write(Self.salesReport(), context: salesContext, to: dir.appendingPathComponent("sales.xlsx").path)

        let consolidated = ConsolidatedWorkbookTests()
        try consolidated.writeLineSummary(to: dir)
        try consolidated.writeMonthlyLineSummary(to: dir)
        try consolidated.writeHQ(to: dir)
        try consolidated.writeReview(to: dir)

        let q2 = CreditWorkbooksTests.q(2026, 2)
        try CreditReportWorkbook.write(CreditReport(quarter: q2, inputs: CreditWorkbooksTests.creditInputs),
                                       context: CreditWorkbooksTests.context(.creditReport, q2),
                                       to: dir.appendingPathComponent("credit_2026Q2.xlsx").path)
        try CreditLimitProposalWorkbook.write(CreditLimitProposal(quarter: CreditWorkbooksTests.q(2026, 3),
                                                                  inputs: CreditWorkbooksTests.proposalInputs),
                                              context: CreditWorkbooksTests.context(.creditLimitProposal, CreditWorkbooksTests.q(2026, 3)),
                                              to: dir.appendingPathComponent("proposal_2026Q3.xlsx").path)
        try VisitReportWorkbook.write(CreditWorkbooksTests.visitReport, context: CreditWorkbooksTests.context(.visitReport, q2),
                                      to: dir.appendingPathComponent("visits_2026Q2.xlsx").path)
        try FileMaintenanceWorkbook.write(CreditWorkbooksTests.fileReport, context: CreditWorkbooksTests.context(.fileMaintenance, q2),
                                          to: dir.appendingPathComponent("files_2026Q2.xlsx").path)

        let (status, text) = try PythonChecker.run(Self.checker, on: dir)
        #expect(status == 0, "\(text)")
        #expect(text.contains("OK 9 workbooks"), "\(text)")
    }
}
