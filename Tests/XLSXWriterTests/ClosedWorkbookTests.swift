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
        let format = try workbook.format(for: CellStyle(numberFormat: "0.00", border: true))
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
        refused { try sheet.write("乙", row: 1, column: 0, format: format) }
        refused { try sheet.write(1, row: 1, column: 1, format: format) }
        refused { try sheet.writeBlank(row: 1, column: 2, format: format) }
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

    /// A format belongs to the workbook that made it: written into another workbook's sheet,
    /// its style index would name some other style there, and its memory is freed by the other
    /// workbook's close. Every write taking a resolved format refuses it and writes nothing.
    @Test func aFormatOfAnotherWorkbookIsRefused() throws {
        let (a, b) = (FileManager.default.temporaryDirectory.appendingPathComponent("kam-fa-\(UUID().uuidString).xlsx").path,
                      FileManager.default.temporaryDirectory.appendingPathComponent("kam-fb-\(UUID().uuidString).xlsx").path)
        defer { for p in [a, b] { try? FileManager.default.removeItem(atPath: p) } }
        let first = try Workbook(path: a), second = try Workbook(path: b)
        first.recordsContent = true
        let style = CellStyle(numberFormat: "#,##0.00", border: true)
        let foreign = try second.format(for: style)
        let sheet = try first.addWorksheet(named: "数据")
        let before = first.recordedContent
        for write in [{ try sheet.write("甲", row: 0, column: 0, format: foreign) },
                      { try sheet.write(1.5, row: 0, column: 1, format: foreign) },
                      { try sheet.writeBlank(row: 0, column: 2, format: foreign) }] as [() throws -> Void] {
            do {
                try write()
                Issue.record("a format of another workbook was not refused")
            } catch let error as XLSXError {
                #expect(error.description.contains("another workbook"))
            } catch {
                Issue.record("not an XLSXError: \(error)")
            }
        }
        #expect(first.recordedContent == before)
        // The sheet's own format still writes, and both workbooks close.
        try sheet.write(1.5, row: 0, column: 1, format: try first.format(for: style))
        try first.close()
        try second.close()
    }

    /// Writing with a resolved format gives the same file, byte for byte, as writing with the
    /// style: a table written either way must not change its workbook.
    @Test func aResolvedFormatWritesWhatItsStyleWrites() throws {
        let (a, b) = (FileManager.default.temporaryDirectory.appendingPathComponent("kam-fs-\(UUID().uuidString).xlsx").path,
                      FileManager.default.temporaryDirectory.appendingPathComponent("kam-ff-\(UUID().uuidString).xlsx").path)
        defer { for p in [a, b] { try? FileManager.default.removeItem(atPath: p) } }
        let styles = [CellStyle(border: true), CellStyle(numberFormat: "#,##0.00", border: true),
                      CellStyle(numberFormat: "0.0%", border: true), CellStyle(numberFormat: "@", border: true)]
        func write(to path: String, resolved: Bool) throws {
            let workbook = try Workbook(path: path)
            try workbook.setProperties(DocumentProperties(title: "标题", created: 1_790_000_000))
            let sheet = try workbook.addWorksheet(named: "数据")
            for row in 0..<50 {
                for (column, style) in styles.enumerated() {
                    // Resolved as a table resolves it: when its first cell is written.
                    if let format = resolved ? try workbook.format(for: style) : nil {
                        switch (column + row) % 3 {
                        case 0: try sheet.write("客户\(row)", row: row, column: column, format: format)
                        case 1: try sheet.write(Double(row) / 7, row: row, column: column, format: format)
                        default: try sheet.writeBlank(row: row, column: column, format: format)
                        }
                    } else {
                        switch (column + row) % 3 {
                        case 0: try sheet.write("客户\(row)", row: row, column: column, style: style)
                        case 1: try sheet.write(Double(row) / 7, row: row, column: column, style: style)
                        default: try sheet.writeBlank(row: row, column: column, style: style)
                        }
                    }
                }
            }
            try workbook.close()
        }
        try write(to: a, resolved: false)
        try write(to: b, resolved: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }
}
