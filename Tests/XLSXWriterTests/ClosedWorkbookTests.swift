import Foundation
import Testing
import XLSXWriter

/// After `close()` libxlsxwriter has freed the workbook's sheets and charts: every later call
/// on them is refused with a typed error (it used to be a use after free), and the written file
/// is left as it was.
@Suite struct ClosedWorkbookTests {
    @Test func aSheetAndAChartRefuseToWriteAfterTheirWorkbookClosed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kam-closed-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "数据")
        try sheet.write("甲", row: 0, column: 0)
        try sheet.write(3, row: 0, column: 1)
        let chart = try workbook.addChart(.column)
        try workbook.close()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))

        func refused(_ body: () throws -> Void) {
            do {
                try body()
                Issue.record("a call after close was not refused")
            } catch let error as XLSXError {
                #expect(error.code == XLSXError.closedCode)
                #expect(error.description.contains(path))
                #expect(error.description.contains("already closed"))
            } catch {
                Issue.record("not an XLSXError: \(error)")
            }
        }
        refused { try sheet.write("乙", row: 1, column: 0) }
        refused { try sheet.write(1, row: 1, column: 1) }
        refused { try sheet.writeBlank(row: 1, column: 2) }
        refused { try sheet.setColumns(0, 1, width: 12) }
        refused { try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1) }
        refused { try sheet.setPrintLayout(repeatHeaderRow: 0, header: nil, footer: nil) }
        refused { try sheet.insert(chart, row: 3, column: 3) }
        refused {
            try chart.addSeries(name: "销售额", categories: CellRange(sheet: sheet.name, column: 0, rows: 0...0),
                                values: CellRange(sheet: sheet.name, column: 1, rows: 0...0))
        }
        // The setters libxlsxwriter cannot fail are refused too: none silently does nothing.
        refused { try sheet.freezePanes(row: 1, column: 0) }
        refused { try sheet.setPrintScale(80) }
        refused { try chart.setTitle("图表") }
        refused { try chart.setCategoryAxisName("客户") }
        refused { try chart.setValueAxisName("金额") }
        refused { try chart.setValueAxisNumberFormat("#,##0") }
        refused { try chart.reverseCategories() }
        refused { try chart.setLegend(.none) }
        refused { try workbook.setProperties(DocumentProperties(title: "标题", created: 0)) }
        refused { try workbook.defineName("区域", formula: "=数据!$A$1") }
        #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "另一张") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
    }

    @Test func aChartOfAnotherWorkbookIsRefused() throws {
        let (a, b) = (FileManager.default.temporaryDirectory.appendingPathComponent("kam-a-\(UUID().uuidString).xlsx").path,
                      FileManager.default.temporaryDirectory.appendingPathComponent("kam-b-\(UUID().uuidString).xlsx").path)
        defer { for p in [a, b] { try? FileManager.default.removeItem(atPath: p) } }
        let first = try Workbook(path: a), second = try Workbook(path: b)
        let chart = try second.addChart(.pie)
        let sheet = try first.addWorksheet(named: "数据")
        #expect(throws: XLSXError.self) { try sheet.insert(chart, row: 0, column: 0) }
        try first.close()
        try second.close()
    }
}
