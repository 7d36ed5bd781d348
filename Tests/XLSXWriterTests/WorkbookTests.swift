import Foundation
import Testing
import XLSXWriter

/// The wrapper's contract with libxlsxwriter: errors are thrown, not printed and ignored, and
/// charts of every kind end up as parts of the file.
@Suite struct WorkbookTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kam-xlsxwriter-\(UUID().uuidString).xlsx").path
    }

    @Test func invalidSheetNameThrows() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "a/b") }
        _ = try workbook.addWorksheet(named: SheetName.sanitized("a/b"))
        #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "a_b") }  // duplicate
        try workbook.close()
        #expect(throws: XLSXError.self) { try workbook.close() }
    }

    @Test func everyChartKindIsWrittenAsAChartPart() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "数据")
        for (i, (name, value)) in [("甲", 3.0), ("乙", 5.0), ("丙", 2.0)].enumerated() {
            try sheet.write(name, row: i, column: 0)
            try sheet.write(value, row: i, column: 1)
        }
        for (i, kind) in [Chart.Kind.bar, .column, .pie, .line].enumerated() {
            let chart = try workbook.addChart(kind)
            try chart.setTitle("图表\(i)")
            try chart.setCategoryAxisName("客户")
            try chart.setValueAxisName("销售额")
            try chart.addSeries(name: "销售额", categories: CellRange(sheet: sheet.name, column: 0, rows: 0...2),
                                values: CellRange(sheet: sheet.name, column: 1, rows: 0...2), dataLabels: true)
            try sheet.insert(chart, row: 5 + 16 * i, column: 3)
        }
        try sheet.setPrintLayout(repeatHeaderRow: 0, header: "&L" + HeaderFooterText.literal("A&B"), footer: "&C&P / &N")
        try workbook.close()
        // Zip entry names are stored uncompressed: each chart part's name is in the file's bytes.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for n in 1...4 { #expect(bytes.range(of: Data("xl/charts/chart\(n).xml".utf8)) != nil) }
        #expect(bytes.range(of: Data("xl/charts/chart5.xml".utf8)) == nil)
    }

    @Test func overlongTextIsAnErrorNotATruncation() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "s")
        #expect(throws: XLSXError.self) { try sheet.write(String(repeating: "x", count: 40_000), row: 0, column: 0) }
        try workbook.close()
    }
}
