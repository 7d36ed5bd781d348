import Foundation
import KamPolicy
import Testing
@testable import KamReports

/// SPEC §8 end to end at the workbook level: a real 客户销售报表 whose top customer's name carries
/// `\u{0B}`, U+FFFE and U+FFFF (and an owner title with a control, which reaches the document
/// properties, the page headers and the 概览 title) is a well-formed file that openpyxl opens,
/// with U+FFFD in the cells, in the top-customers chart's cached categories and in the properties.
@Suite struct XMLSafeWorkbookTests {
    static let badName = "坏\u{0B}名\u{FFFE}字\u{FFFF}"
    static let checker = PythonChecker.script("check_xml_safe_workbook.py")

    @Test func aCustomerNameWithForbiddenCharactersGivesAWellFormedSalesReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kam-xml-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try SalesReport(period: ConsolidatedWorkbookTests.q3, history: ConsolidatedWorkbookTests.history([
            "C001": (Self.badName, [(ConsolidatedWorkbookTests.ym(2026, 9), 900_000_00), (ConsolidatedWorkbookTests.ym(2025, 9), 100_000_00)]),
            "C002": ("正常客户", [(ConsolidatedWorkbookTests.ym(2026, 8), 1_000_00)]),
        ]), settings: PolicySettings())
        let context = try ConsolidatedWorkbookTests.context(.salesReport, owner: "HG01\u{1F}化工", period: ConsolidatedWorkbookTests.q3)
        try SalesReportWorkbook.write(report, context: context, to: dir.appendingPathComponent("sales.xlsx").path)

        let (status, text) = try PythonChecker.run(Self.checker, on: dir)
        #expect(status == 0, "\(text)")
        #expect(text.contains("OK sales.xlsx"), "\(text)")
    }
}
